/**
 * Service control policy evaluation for root sessions: which calls of an AssumeRoot session the SCPs on an
 * account's path deny, may deny, or allow. Pure: no I/O; the organization package reads the SCPs.
 */
package dev.rootbot.actions.org.scp;

/** The organization (tree, SCPs, features, trusted access) and the simulated Organizations API. */
package dev.rootbot.sandbox.aws.organizations;

/** The simulated STS: AssumeRoot and GetCallerIdentity. */
package dev.rootbot.sandbox.aws.sts;

/** Root users' credentials and the simulated IAM API a root session uses on them. */
package dev.rootbot.sandbox.aws.iam;

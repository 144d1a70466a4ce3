/** IAM policy evaluation (SCPs, bucket and queue policies) and the five root task policies; no I/O. */
package dev.rootbot.sandbox.aws.policy;

/** Regional queues with policies, and the simulated SQS API over them. */
package dev.rootbot.sandbox.aws.sqs;

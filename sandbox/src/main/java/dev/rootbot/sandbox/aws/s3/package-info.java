/** Buckets with regions and policies, and the simulated S3 API over them. */
package dev.rootbot.sandbox.aws.s3;

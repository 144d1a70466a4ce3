package dev.rootbot.sandbox.aws.wire;

/** A resource a CloudTrail event names, e.g. type {@code AWS::S3::Bucket} and name {@code payments-audit-logs}. */
public record TrailResource(String type, String name, String arn, String account) {}

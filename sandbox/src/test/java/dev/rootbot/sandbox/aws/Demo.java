package dev.rootbot.sandbox.aws;

/** The demo organization's accounts and resources, by name, for tests. */
final class Demo {
  static final String MANAGEMENT = "111111111111";
  static final String PROD_PAYMENTS = "222222222222";
  static final String PROD_DATA = "333333333333";
  static final String DEV_PLAYGROUND = "444444444444";
  static final String SECURITY_TOOLING = "555555555555";

  static final String PAYMENTS_BUCKET = "payments-audit-logs";
  static final String DATA_BUCKET = "data-lake-raw";
  static final String PAYMENTS_QUEUE = "payments-events";
  static final String PAYMENTS_QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/222222222222/payments-events";

  /** The exemption real root-control SCPs need so that AssumeRoot sessions are not denied. */
  static final String DENY_ROOT_WITH_EXEMPTION = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
      + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},"
      + "\"Null\":{\"aws:AssumedRoot\":\"true\"}}}]}";

  static final String DENY_EVERYONE_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
      + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

  private Demo() {}
}

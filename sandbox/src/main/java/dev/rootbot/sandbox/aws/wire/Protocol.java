package dev.rootbot.sandbox.aws.wire;

/** The four AWS wire protocols the simulated services speak. */
public enum Protocol {
  /** Form-encoded {@code Action=…&Version=…} POSTs answered with XML (STS, IAM). */
  QUERY,
  /** REST with XML bodies, operations chosen by method, path and sub-resource (S3). */
  REST_XML,
  /** JSON bodies, operation in {@code X-Amz-Target}, content type {@code application/x-amz-json-1.0} (SQS). */
  JSON_1_0,
  /** As JSON 1.0 with content type {@code application/x-amz-json-1.1} (Organizations, CloudTrail). */
  JSON_1_1;

  public boolean json() {
    return this == JSON_1_0 || this == JSON_1_1;
  }

  public String jsonContentType() {
    return this == JSON_1_0 ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
  }
}

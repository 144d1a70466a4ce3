package dev.rootbot.sandbox.aws.wire;

import java.util.Arrays;
import java.util.Optional;

/**
 * A simulated AWS service: the name it signs with (the SigV4 credential scope's service), its protocol, its
 * CloudTrail event source, and the XML namespace or JSON target prefix its messages carry.
 */
public enum Service {
  STS("sts", Protocol.QUERY, "https://sts.amazonaws.com/doc/2011-06-15/", ""),
  IAM("iam", Protocol.QUERY, "https://iam.amazonaws.com/doc/2010-05-08/", ""),
  S3("s3", Protocol.REST_XML, "http://s3.amazonaws.com/doc/2006-03-01/", ""),
  SQS("sqs", Protocol.JSON_1_0, "", "AmazonSQS"),
  ORGANIZATIONS("organizations", Protocol.JSON_1_1, "", "AWSOrganizationsV20161128"),
  CLOUDTRAIL("cloudtrail", Protocol.JSON_1_1, "", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");

  private final String signingName;
  private final Protocol protocol;
  private final String xmlNamespace;
  private final String targetPrefix;
  private final String eventSource;

  Service(String signingName, Protocol protocol, String xmlNamespace, String targetPrefix) {
    this.signingName = signingName;
    this.eventSource = signingName + ".amazonaws.com";
    this.protocol = protocol;
    this.xmlNamespace = xmlNamespace;
    this.targetPrefix = targetPrefix;
  }

  public static Optional<Service> bySigningName(String name) {
    return Arrays.stream(values()).filter(s -> s.signingName.equals(name)).findFirst();
  }

  /** The JSON service whose {@code X-Amz-Target} this is, for requests that carry no credential scope. */
  public static Optional<Service> byTarget(String target) {
    return Arrays.stream(values())
        .filter(s -> !s.targetPrefix.isEmpty() && target.startsWith(s.targetPrefix + "."))
        .findFirst();
  }

  /** The SigV4 service name and the prefix of its IAM actions, e.g. {@code s3}. */
  public String signingName() {
    return signingName;
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The namespace of its XML responses; null for JSON services. */
  public String xmlNamespace() {
    return xmlNamespace.isEmpty() ? null : xmlNamespace;
  }

  public String targetPrefix() {
    return targetPrefix;
  }

  /** CloudTrail's {@code eventSource}, e.g. {@code s3.amazonaws.com}. */
  public String eventSource() {
    return eventSource;
  }

  /** Where the service records its CloudTrail events when the call names no regional resource. */
  public boolean global() {
    return this == IAM || this == ORGANIZATIONS;
  }
}

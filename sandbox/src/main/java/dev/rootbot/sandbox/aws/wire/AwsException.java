package dev.rootbot.sandbox.aws.wire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An error answer, thrown by a handler and written in the service's own protocol: an HTTP status, a code, a
 * message and whatever a protocol adds (S3's extra elements and headers, the JSON {@code __type}, SQS's
 * {@code x-amzn-query-error} code).
 */
public final class AwsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final Map<String, String> details = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String jsonType;
  private String queryErrorCode;

  private AwsException(int status, String code, String message) {
    super(message, null, false, false); // an answer, not a bug: no stack trace to fill
    this.status = status;
    this.code = code;
  }

  public static AwsException of(int status, String code, String message) {
    return new AwsException(status, code, message);
  }

  /** Adds an element to S3's {@code <Error>} (like {@code BucketName}) or a member to a JSON error (like {@code Reason}); query errors leave it out. */
  public AwsException detail(String element, String value) {
    details.put(element, value);
    return this;
  }

  /** Adds a response header, such as S3's {@code x-amz-bucket-region}. */
  public AwsException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The full JSON {@code __type} when it is not just the code, e.g. {@code com.amazonaws.sqs#QueueDoesNotExist}. */
  public AwsException jsonType(String type) {
    this.jsonType = type;
    return this;
  }

  /** The query-protocol code an awsQuery-compatible JSON service (SQS) reports in {@code x-amzn-query-error}. */
  public AwsException queryErrorCode(String queryCode) {
    this.queryErrorCode = queryCode;
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** {@code Sender} for the caller's mistakes, {@code Receiver} for the service's own failures. */
  public String fault() {
    return status >= 500 ? "Receiver" : "Sender";
  }

  public Map<String, String> details() {
    return Map.copyOf(details);
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  public String jsonType() {
    return jsonType == null ? code : jsonType;
  }

  public Optional<String> queryErrorCode() {
    return Optional.ofNullable(queryErrorCode);
  }

  /** The error code a client sees: the query-compatible one when there is one, as the AWS SDK reports it. */
  public String clientCode() {
    return queryErrorCode == null ? code : queryErrorCode;
  }
}

package dev.rootbot.sandbox.aws.wire;

/**
 * Failures every service has, each answered with the code and status its protocol uses: for example an unknown
 * access key is {@code InvalidClientTokenId} (403) in STS, {@code InvalidAccessKeyId} (403) in S3 and
 * {@code UnrecognizedClientException} (400) in Organizations.
 */
public enum Failure {
  ACCESS_DENIED,
  MISSING_AUTHENTICATION,
  UNKNOWN_ACCESS_KEY,
  INVALID_TOKEN,
  SIGNATURE_MISMATCH,
  INCOMPLETE_SIGNATURE,
  EXPIRED_TOKEN,
  UNKNOWN_OPERATION,
  THROTTLING,
  INTERNAL_ERROR,
  SERVICE_UNAVAILABLE;

  private static final String CORAL = "com.amazon.coral.service#";

  /** This failure as {@code service} answers it, with its usual message. */
  public AwsException in(Service service) {
    return in(service, null);
  }

  /** This failure as {@code service} answers it, with {@code message} (or its usual one when null). */
  public AwsException in(Service service, String message) {
    switch (service.protocol()) {
      case QUERY: return query(message);
      case REST_XML: return s3(message);
      case JSON_1_0: return sqs(message);
      default: return json(service, message);
    }
  }

  private AwsException query(String message) {
    switch (this) {
      case ACCESS_DENIED: return error(403, "AccessDenied", message, "Access denied");
      case MISSING_AUTHENTICATION:
        return error(403, "MissingAuthenticationToken", message, "Request is missing Authentication Token");
      case UNKNOWN_ACCESS_KEY:
      case INVALID_TOKEN:
        return error(403, "InvalidClientTokenId", message, "The security token included in the request is invalid.");
      case SIGNATURE_MISMATCH: return error(403, "SignatureDoesNotMatch", message, SIGNATURE_MESSAGE);
      case INCOMPLETE_SIGNATURE: return error(400, "IncompleteSignature", message, "The request signature is incomplete.");
      case EXPIRED_TOKEN:
        return error(403, "ExpiredToken", message, "The security token included in the request is expired");
      case UNKNOWN_OPERATION: return error(400, "InvalidAction", message, "The action is not valid for this web service.");
      case THROTTLING: return error(400, "Throttling", message, "Rate exceeded");
      case INTERNAL_ERROR: return error(500, "InternalError", message, "An internal error occurred.");
      default: return error(503, "ServiceUnavailable", message, "Service is unavailable. Please try again.");
    }
  }

  private AwsException s3(String message) {
    switch (this) {
      case ACCESS_DENIED:
      case MISSING_AUTHENTICATION:
        return error(403, "AccessDenied", message, "Access Denied");
      case UNKNOWN_ACCESS_KEY:
        return error(403, "InvalidAccessKeyId", message,
            "The AWS Access Key Id you provided does not exist in our records.");
      case INVALID_TOKEN:
        return error(400, "InvalidToken", message, "The provided token is malformed or otherwise invalid.");
      case SIGNATURE_MISMATCH:
        return error(403, "SignatureDoesNotMatch", message,
            "The request signature we calculated does not match the signature you provided. "
                + "Check your key and signing method.");
      case INCOMPLETE_SIGNATURE:
        return error(400, "AuthorizationHeaderMalformed", message, "The authorization header is malformed.");
      case EXPIRED_TOKEN: return error(400, "ExpiredToken", message, "The provided token has expired.");
      case UNKNOWN_OPERATION:
        return error(501, "NotImplemented", message,
            "A header you provided implies functionality that is not implemented");
      case THROTTLING: return error(503, "SlowDown", message, "Please reduce your request rate.");
      case INTERNAL_ERROR: return error(500, "InternalError", message, "We encountered an internal error. Please try again.");
      default: return error(503, "ServiceUnavailable", message, "Please reduce your request rate.");
    }
  }

  /** SQS speaks JSON but keeps its query-protocol codes in {@code x-amzn-query-error}, which the SDK reports. */
  private AwsException sqs(String message) {
    switch (this) {
      case ACCESS_DENIED:
        return sqs(403, CORAL + "AccessDeniedException", "AccessDenied", message, "Access to the resource is denied.");
      case MISSING_AUTHENTICATION:
        return sqs(403, CORAL + "MissingAuthenticationTokenException", "MissingAuthenticationToken", message,
            "Request is missing Authentication Token");
      case UNKNOWN_ACCESS_KEY:
      case INVALID_TOKEN:
        return sqs(403, CORAL + "UnrecognizedClientException", "InvalidClientTokenId", message,
            "The security token included in the request is invalid.");
      case SIGNATURE_MISMATCH:
        return sqs(403, CORAL + "InvalidSignatureException", "SignatureDoesNotMatch", message, SIGNATURE_MESSAGE);
      case INCOMPLETE_SIGNATURE:
        return sqs(400, CORAL + "IncompleteSignatureException", "IncompleteSignature", message,
            "The request signature is incomplete.");
      case EXPIRED_TOKEN:
        return sqs(403, CORAL + "ExpiredTokenException", "ExpiredToken", message,
            "The security token included in the request is expired");
      case UNKNOWN_OPERATION:
        return error(400, "UnknownOperationException", message, "Unknown operation.")
            .jsonType(CORAL + "UnknownOperationException");
      case THROTTLING:
        return sqs(400, "com.amazonaws.sqs#RequestThrottled", "RequestThrottled", message, "Rate exceeded");
      case INTERNAL_ERROR:
        return sqs(500, CORAL + "InternalFailure", "InternalError", message, "An internal error occurred.");
      default:
        return sqs(503, CORAL + "ServiceUnavailableException", "ServiceUnavailable", message,
            "Service is unavailable. Please try again.");
    }
  }

  private AwsException json(Service service, String message) {
    switch (this) {
      case ACCESS_DENIED:
        return error(400, "AccessDeniedException", message, "You don't have permissions to access this resource.");
      case MISSING_AUTHENTICATION:
        return error(400, "MissingAuthenticationTokenException", message, "Missing Authentication Token");
      case UNKNOWN_ACCESS_KEY:
      case INVALID_TOKEN:
        return error(400, "UnrecognizedClientException", message,
            "The security token included in the request is invalid.");
      case SIGNATURE_MISMATCH: return error(400, "InvalidSignatureException", message, SIGNATURE_MESSAGE);
      case INCOMPLETE_SIGNATURE:
        return error(400, "IncompleteSignatureException", message, "The request signature is incomplete.");
      case EXPIRED_TOKEN:
        return error(400, "ExpiredTokenException", message, "The security token included in the request is expired");
      case UNKNOWN_OPERATION: return error(400, "UnknownOperationException", message, "Unknown operation.");
      case THROTTLING:
        return service == Service.ORGANIZATIONS
            ? error(400, "TooManyRequestsException", message, "AWS Organizations can't complete your request "
                + "because it received too many requests. Try again later.")
            : error(400, "ThrottlingException", message, "Rate exceeded");
      case INTERNAL_ERROR: return error(500, "InternalFailure", message, "An internal error occurred.");
      default: return error(503, "ServiceUnavailableException", message, "Service is unavailable. Please try again.");
    }
  }

  private static final String SIGNATURE_MESSAGE = "The request signature we calculated does not match the "
      + "signature you provided. Check your AWS Secret Access Key and signing method. "
      + "Consult the service documentation for details.";

  private static AwsException error(int status, String code, String message, String usual) {
    return AwsException.of(status, code, message == null ? usual : message);
  }

  private static AwsException sqs(int status, String type, String queryCode, String message, String usual) {
    String code = type.substring(type.indexOf('#') + 1);
    return error(status, code, message, usual).jsonType(type).queryErrorCode(queryCode);
  }
}

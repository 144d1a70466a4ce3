package dev.rootbot.actions.fleet;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What AWS answered to a failed call, read the same way everywhere in this package: its error code and message. */
final class AwsAnswer {
  private AwsAnswer() {}

  /** The error code ({@code AccessDenied}, {@code Throttling}, …), or "HTTP 500" when AWS gave none. */
  static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode()
        : e.awsErrorDetails().errorCode();
  }

  static String message(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null ? String.valueOf(e.getMessage())
        : e.awsErrorDetails().errorMessage();
  }

  /** "Throttling: Rate exceeded", or the failure's own message when AWS did not answer. */
  static String describe(Throwable failure) {
    if (failure instanceof AwsServiceException) {
      var e = (AwsServiceException) failure;
      return code(e) + ": " + message(e);
    }
    return String.valueOf(failure.getMessage());
  }
}

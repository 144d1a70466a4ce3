package dev.rootbot.actions.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The change calls one root session has sent and what became of each, kept by an SDK interceptor on the
 * session's clients, so that a run knows whether "nothing was changed" is still true; a preview's session
 * refuses every change call before it leaves.
 *
 * <p>An operation is a read when its name starts with Get, List, Head or Describe, and a change otherwise
 * (every task policy's actions follow that rule). A change counts as sent from its first transmission attempt,
 * and keeps the outcome of its last: {@link Answer#REFUSED} only when AWS answered an error (4xx) to the one and
 * only attempt, since an earlier attempt whose answer was lost may have been performed. Thread-safe.
 */
public final class ChangeCalls implements ExecutionInterceptor {
  private static final ExecutionAttribute<Sent> SENT = new ExecutionAttribute<>("rootbot.changeCall");

  /** What AWS answered to a change call. */
  public enum Answer {
    /** Sent, and no answer yet. */
    AWAITED,
    /** AWS answered that it was done. */
    DONE,
    /** AWS answered an error to the only attempt: not done. */
    REFUSED,
    /** No answer that says: a lost answer, a timeout, a 5xx, or an error after a retried attempt. */
    UNKNOWN
  }

  /** One change call, as an IAM action ({@code s3:DeleteBucketPolicy}), and its answer. */
  public record ChangeCall(String action, Answer answer) {}

  private final boolean readsOnly;
  private final List<Sent> sent = new ArrayList<>();

  private ChangeCalls(boolean readsOnly) {
    this.readsOnly = readsOnly;
  }

  /** For a task's session: records each change call. */
  public static ChangeCalls recording() {
    return new ChangeCalls(false);
  }

  /** For a preview's session: refuses every change call before it is sent. */
  public static ChangeCalls refusing() {
    return new ChangeCalls(true);
  }

  /**
   * Whether {@code failure} is AWS's answer that it did not do the call: an error (4xx) to the one and only
   * attempt. Anything else may hide a call that AWS performed.
   */
  public static boolean refused(Throwable failure) {
    return failure instanceof AwsServiceException
        && ((AwsServiceException) failure).statusCode() >= 400 && ((AwsServiceException) failure).statusCode() < 500
        && Objects.equals(((AwsServiceException) failure).numAttempts(), 1);
  }

  /** The change calls sent so far, in the order they were first sent. */
  public synchronized List<ChangeCall> sent() {
    return sent.stream().map(s -> new ChangeCall(s.action, s.answer)).toList();
  }

  /** Whether some change call sent may have been done: false before any, or when AWS refused each one. */
  public synchronized boolean mayHaveChanged() {
    return sent.stream().anyMatch(s -> s.answer != Answer.REFUSED);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (isRead(operation)) {
      return;
    }
    String action = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT) + ":" + operation;
    if (readsOnly) {
      throw new IllegalStateException("this root session only reads; it refused " + action + " before sending it");
    }
    attributes.putAttribute(SENT, new Sent(action));
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Sent call = attributes.getAttribute(SENT);
    if (call != null) {
      synchronized (this) {
        if (!sent.contains(call)) {
          sent.add(call);
        }
      }
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    answer(attributes, Answer.DONE);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    answer(attributes, refused(context.exception()) ? Answer.REFUSED : Answer.UNKNOWN);
  }

  private synchronized void answer(ExecutionAttributes attributes, Answer answer) {
    Sent call = attributes.getAttribute(SENT);
    if (call != null && sent.contains(call)) {
      call.answer = answer;
    }
  }

  static boolean isRead(String operation) {
    return operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Head")
        || operation.startsWith("Describe");
  }

  /** One change call's entry; identity matters, not value. */
  private static final class Sent {
    final String action;
    Answer answer = Answer.AWAITED;

    Sent(String action) {
      this.action = action;
    }
  }
}

package dev.rootbot.actions.task;

/**
 * A task that could not be done, explained in words the person who asked can act on.
 *
 * <p>The message never contains credentials; it may name accounts, resources and AWS error codes.
 */
public final class TaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a task failed; decides what the person is told to do. */
  public enum Reason {
    UNKNOWN_ACCOUNT,
    MANAGEMENT_ACCOUNT,
    ACCOUNT_NOT_ACTIVE,
    NOT_ENABLED,
    SCP_DENIED,
    ACCESS_DENIED,
    NOT_FOUND,
    SESSION_EXPIRED,
    REGION_DISABLED,
    NOT_VERIFIED,
    BACKUP_NOT_STORED,
    NOT_RECORDED,
    AWS_ERROR,
    /** A change was sent, its answer was lost, and reading back could not tell whether AWS made it. */
    ANSWER_LOST
  }

  private final Reason reason;

  public TaskFailure(Reason reason, String explanation) {
    super(explanation);
    this.reason = reason;
  }

  public TaskFailure(Reason reason, String explanation, Throwable cause) {
    super(explanation, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The explanation for people; same as the message. */
  public String explanation() {
    return getMessage();
  }
}

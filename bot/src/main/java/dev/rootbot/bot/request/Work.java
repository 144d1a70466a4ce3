package dev.rootbot.bot.request;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request asks Rootbot to do: one root task in one member account, or a task over the organization
 * ({@link FleetTask}). The flow asks the work what every request has (its identifier for the approval policy, its
 * stored name, whether it changes something, a summary) and turns to the variant only where they differ: how it
 * runs and how its result is told.
 */
public sealed interface Work permits Work.InAccount, FleetTask {

  /** The stable identifier of its kind: approval policies, metrics and exports, e.g. {@code unlock-bucket}. */
  String id();

  /** The name stored with the request, e.g. {@code unlock_bucket}: stored data, never renamed. */
  String storedName();

  /**
   * The account the request is recorded under: the target account of a root task; for an organization-wide task
   * the organization's management account, which stands for the organization (rules of the approval policy are
   * matched against it, and the audit log ties the request to it).
   */
  AccountId account();

  /** Whether it changes anything in AWS. */
  boolean changes();

  /**
   * Whether a reason is required: for what changes something, except turning on centralized root access, which
   * changes no account and whose command takes none ({@code /root enable}).
   */
  default boolean needsReason() {
    return changes();
  }

  /** What it does, in a short line for a card: "unlock bucket payments-audit-logs", "audit every member account". */
  String summary();

  /** The task policy of its root sessions; empty when it runs with the bot's own role. */
  Optional<TaskPolicy> policy();

  /** The root task, for work in one account. */
  default Optional<RootTask> rootTask() {
    return Optional.empty();
  }

  /** One root task in one member account. */
  record InAccount(RootTask task) implements Work {
    public InAccount {
      Objects.requireNonNull(task, "task");
    }

    @Override
    public String id() {
      return task.kind().id();
    }

    @Override
    public String storedName() {
      return task.kind().storedName();
    }

    @Override
    public AccountId account() {
      return task.target();
    }

    @Override
    public boolean changes() {
      return task.changes();
    }

    @Override
    public String summary() {
      return task.summary();
    }

    @Override
    public Optional<TaskPolicy> policy() {
      return Optional.of(task.policy());
    }

    @Override
    public Optional<RootTask> rootTask() {
      return Optional.of(task);
    }
  }

  static Work of(RootTask task) {
    return new InAccount(task);
  }
}

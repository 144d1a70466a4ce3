package dev.rootbot.bot.request;

import dev.rootbot.actions.task.RootTask;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as it is asked, before the store gives it an ID and a time.
 *
 * @param work the root task, or the task over the organization
 * @param accountName the target account's name as Organizations has it, for the card
 * @param ttl how long it waits for approval ({@code ROOTBOT_REQUEST_TTL_MINUTES})
 * @param briefing what the approver will be shown: the preview, the preflight's warnings
 * @param restoreOf for a restore, the unlock whose backup it puts back
 * @param rule the approval policy's rule that applies
 * @param reviewDue for a break-glass run, when its review is due
 */
public record NewRequest(
    Work work, String accountName, UserId requester, Origin origin, Optional<Reason> reason, Duration ttl,
    Briefing briefing, Optional<RequestId> restoreOf, Optional<String> rule, Optional<java.time.Instant> reviewDue) {

  /** A request with nothing previewed, restoring nothing, under no named rule. */
  public NewRequest(RootTask task, String accountName, UserId requester, Origin origin, Optional<Reason> reason,
      Duration ttl) {
    this(Work.of(task), accountName, requester, origin, reason, ttl, Briefing.none(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** A request for a root task in one account, as asked. */
  public NewRequest(RootTask task, String accountName, UserId requester, Origin origin, Optional<Reason> reason,
      Duration ttl, Briefing briefing, Optional<RequestId> restoreOf, Optional<String> rule,
      Optional<java.time.Instant> reviewDue) {
    this(Work.of(task), accountName, requester, origin, reason, ttl, briefing, restoreOf, rule, reviewDue);
  }

  public NewRequest {
    Objects.requireNonNull(briefing, "briefing");
    Objects.requireNonNull(restoreOf, "restoreOf");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reviewDue, "reviewDue");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a request waits a positive time for approval; got " + ttl);
    }
  }
}

package dev.rootbot.bot.request;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.UnlockBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** SampleRequests for tests: one person asking to unlock a bucket, at a fixed time. */
public final class SampleRequests {
  public static final UserId ALICE = new UserId("U0ALICE");
  public static final UserId BOB = new UserId("U0BOB");
  public static final UserId CAROL = new UserId("U0CAROL");
  public static final ChannelId INCIDENTS = new ChannelId("C0INCIDENT");
  public static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");
  public static final Duration TTL = Duration.ofMinutes(30);
  public static final UnlockBucket UNLOCK = new UnlockBucket(new AccountId("222222222222"),
      BucketName.of("payments-audit-logs"), AwsRegion.US_EAST_1);

  private SampleRequests() {}

  /** Alice asks to unlock payments-audit-logs at noon. */
  public static NewRequest asked() {
    return new NewRequest(UNLOCK, "prod-payments", ALICE, Origin.channel(INCIDENTS),
        Optional.of(Reason.fromPlainText("INC-42 locked us out")), TTL);
  }

  /** Alice's request, waiting for approval since noon. */
  public static RootRequest waiting() {
    return RootRequest.requested(new RequestId("r-aaaaaaaaaa"), asked(), NOON);
  }

  /** Alice's request moved to {@code state} by the usual path, a minute per step. */
  public static RootRequest in(State state) {
    RootRequest request = waiting();
    Instant at = NOON;
    for (Transition step : pathTo(state)) {
      at = at.plusSeconds(60);
      request = request.after(step, at);
    }
    return request;
  }

  private static Transition[] pathTo(State state) {
    Outcome done = Outcome.of("done");
    return switch (state) {
      case REQUESTED -> new Transition[] {};
      case APPROVED -> new Transition[] {Transition.approve(BOB)};
      case RUNNING -> new Transition[] {Transition.approve(BOB), Transition.start()};
      case SUCCEEDED -> new Transition[] {Transition.approve(BOB), Transition.start(), Transition.succeed(done)};
      case FAILED -> new Transition[] {Transition.approve(BOB), Transition.start(), Transition.fail(done)};
      case UNKNOWN -> new Transition[] {Transition.approve(BOB), Transition.start(), Transition.interrupt(done)};
      case DENIED -> new Transition[] {Transition.deny(BOB, dev.rootbot.bot.request.Outcome.of("not during the freeze"))};
      case CANCELLED -> new Transition[] {Transition.cancel(ALICE)};
      case EXPIRED -> new Transition[] {Transition.expire()};
    };
  }
}

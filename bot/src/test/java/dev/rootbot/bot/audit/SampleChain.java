package dev.rootbot.bot.audit;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * The chain of a small day: alice's unlock in 222222222222, approved by bob, run and confirmed (entries 1–7);
 * carol's unlock in 333333333333, which she tries to approve herself and bob denies (8–10); a refused
 * request about no request (11).
 */
final class SampleChain {
  static final UserId ALICE = new UserId("U0ALICE01");
  static final UserId BOB = new UserId("U0BOB0000");
  static final UserId CAROL = new UserId("U0CAROL00");
  static final RequestId UNLOCK = new RequestId("r-aaaaaaaaaa");
  static final RequestId DENIED = new RequestId("r-bbbbbbbbbb");
  static final AccountId PAYMENTS = new AccountId("222222222222");
  static final AccountId DATA = new AccountId("333333333333");
  static final String KEY = "ASIAROOTSESSION00001";
  static final String EVENT_ID = "0f3c5a3e-1b2d-4c5e-8f90-123456789abc";
  static final String BACKUP = "{\"kind\":\"BUCKET_POLICY\",\"policy\":\"{\\\"Statement\\\":[]}\"}";

  private SampleChain() {}

  static FakeAuditedStore store() {
    var store = new FakeAuditedStore();
    store.file(UNLOCK, asked(PAYMENTS, "payments-audit-logs", ALICE));
    store.move(UNLOCK, Transition.approve(BOB));
    store.move(UNLOCK, Transition.start());
    store.sessionStarted(UNLOCK, KEY);
    store.keepBackup(UNLOCK, BACKUP);
    store.move(UNLOCK, Transition.succeed(Outcome.of("Removed the bucket policy of payments-audit-logs")));
    store.confirmed(UNLOCK, KEY, EVENT_ID);
    store.file(DENIED, asked(DATA, "data-lake-raw", CAROL));
    store.refused(Optional.of(DENIED), CAROL, "approve", "you asked; someone else must approve");
    store.move(DENIED, Transition.deny(BOB, dev.rootbot.bot.request.Outcome.of("not during the freeze")));
    store.refused(Optional.empty(), ALICE, "request", "there is no account \"prod-paymnets\"");
    return store;
  }

  static NewRequest asked(AccountId account, String bucket, UserId who) {
    return new NewRequest(new UnlockBucket(account, BucketName.of(bucket), AwsRegion.US_EAST_1), "prod", who,
        Origin.channel(new ChannelId("C0INCIDENT")), Optional.of(Reason.fromPlainText("INC-42 locked us out")),
        Duration.ofMinutes(30));
  }
}

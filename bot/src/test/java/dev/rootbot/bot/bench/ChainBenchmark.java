package dev.rootbot.bot.bench;

import dev.rootbot.bot.audit.Anchor;
import dev.rootbot.bot.audit.AuditExport;
import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.audit.ChainVerifier;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.ExportFilter;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.RequestFacts;
import dev.rootbot.bot.audit.RequestRow;
import dev.rootbot.bot.audit.Verdict;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the audit chain: one entry canonicalized and hashed ({@code append}, what every audited change
 * adds), and {@code audit verify} over 100,000 entries in memory with their 14,285 request rows ({@code verify};
 * the database read comes on top), and a JSON-lines export of them ({@code export}). Entries are those of
 * finished unlocks, seven per request. Run with {@code bench/audit-chain.sh}.
 */
@State(Scope.Benchmark)
@Fork(1)
public class ChainBenchmark {
  static final int ENTRIES = 100_000;
  private static final String[] STEPS = {"request", "approve", "start", "session", "backup", "succeed", "trail confirmed"};
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final List<ChainedEntry> chain = new ArrayList<>(ENTRIES);
  private final List<RequestRow> rows = new ArrayList<>();
  private Anchor anchor;
  private Head head;
  private Facts approval;
  private final Instant now = Instant.parse("2026-12-01T21:14:52.123456Z");

  @Setup(Level.Trial)
  public void build() {
    Head at = Head.EMPTY;
    Instant time = Instant.parse("2026-01-01T00:00:00Z");
    UserId alice = new UserId("U0ALICE01");
    UserId bob = new UserId("U0BOB0000");
    String task = "{\"kind\":\"unlock_bucket\",\"target\":\"222222222222\",\"bucket\":\"payments-audit-logs\",\"region\":\"us-east-1\"}";
    String backup = "{\"kind\":\"BUCKET_POLICY\",\"account\":\"222222222222\",\"resource\":\"payments-audit-logs\",\"region\":"
        + "\"us-east-1\",\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Sid\\\":\\\"DenyAll\\\"}]}\"}";
    String outcome = "{\"text\":\"Removed the bucket policy of payments-audit-logs\",\"steps\":[]}";
    for (int n = 0; chain.size() + STEPS.length <= ENTRIES; n++) {
      RequestId id = id(n);
      String key = "ASIAROOT" + String.format("%012d", n);
      for (String step : STEPS) {
        time = time.plusMillis(1500);
        Facts facts = switch (step) {
          case "request" -> Facts.NONE.with(RequestFacts.REQUESTER, alice.value()).with(RequestFacts.ACCOUNT, "222222222222")
              .with(RequestFacts.TASK, RequestFacts.digest(task)).with(RequestFacts.REASON, "INC-" + n + " locked us out")
              .with(RequestFacts.STATE, "REQUESTED");
          case "approve" -> RequestFacts.moved(dev.rootbot.bot.request.State.REQUESTED, Transition.approve(bob), Optional.empty());
          case "start" -> RequestFacts.moved(dev.rootbot.bot.request.State.APPROVED, Transition.start(), Optional.empty());
          case "session" -> RequestFacts.sessionStarted(key);
          case "backup" -> RequestFacts.backupKept(backup);
          case "succeed" -> RequestFacts.moved(dev.rootbot.bot.request.State.RUNNING, Transition.succeed(
              Outcome.of("done")), Optional.of(outcome));
          default -> RequestFacts.trailConfirmed(key, "0f3c5a3e-1b2d-4c5e-8f90-" + String.format("%012d", n));
        };
        String actor = step.equals("request") ? alice.value() : step.equals("approve") ? bob.value() : "rootbot";
        ChainedEntry entry = Chain.next(at, time, Optional.of(id), actor, step,
            "unlock bucket payments-audit-logs in prod-payments (222222222222): " + step, facts);
        chain.add(entry);
        at = entry.head();
      }
      rows.add(new RequestRow(id.value(), alice.value(), "222222222222", task, Optional.of("INC-" + n + " locked us out"),
          "SUCCEEDED", Optional.of(bob.value()), Optional.of(key), Optional.of(backup), Optional.of(outcome)));
    }
    while (chain.size() < ENTRIES) {
      time = time.plusMillis(1500);
      ChainedEntry entry = Chain.next(at, time, Optional.empty(), alice.value(), "refused request",
          "there is no account \"prod-paymnets\"", Facts.NONE);
      chain.add(entry);
      at = entry.head();
    }
    head = at;
    anchor = at.anchor();
    approval = RequestFacts.moved(dev.rootbot.bot.request.State.REQUESTED, Transition.approve(bob), Optional.empty());
    if (!(ChainVerifier.verify(chain.iterator(), Optional.of(anchor), rows.iterator()) instanceof Verdict.Intact)) {
      throw new IllegalStateException("the benchmark's chain does not verify");
    }
  }

  /** One entry as the store appends it: canonical JSON and SHA-256 after the head. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public ChainedEntry append() {
    return Chain.next(head, now, Optional.of(new RequestId("r-k3mwx2pqa7")), "U0BOB0000", "approve",
        "REQUESTED → APPROVED", approval);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public Verdict verify() {
    Verdict verdict = ChainVerifier.verify(chain.iterator(), Optional.of(anchor), rows.iterator());
    if (!(verdict instanceof Verdict.Intact)) {
      throw new IllegalStateException(verdict.line());
    }
    return verdict;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  public long export() throws IOException {
    var out = new Counting();
    AuditExport.write(chain.iterator(), ExportFilter.ALL, AuditExport.Format.JSONL, out);
    return out.characters;
  }

  private static RequestId id(int n) {
    var id = new StringBuilder("r-");
    for (int i = 0; i < 10; i++) {
      id.append(BASE32[(int) ((n >>> (5 * (9 - i))) & 31)]);
    }
    return new RequestId(id.toString());
  }

  /** Counts what an export writes, so that the benchmark measures writing and not a disk. */
  private static final class Counting implements Appendable {
    long characters;

    @Override
    public Appendable append(CharSequence text) {
      characters += text.length();
      return this;
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) {
      characters += end - start;
      return this;
    }

    @Override
    public Appendable append(char c) {
      characters++;
      return this;
    }
  }
}

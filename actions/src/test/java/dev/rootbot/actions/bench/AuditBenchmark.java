package dev.rootbot.actions.bench;

import dev.rootbot.actions.RootTasks;
import dev.rootbot.actions.TaskObserver;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.org.OrganizationFeatures;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The audit task's wall time with 100 ms of latency on every call it makes, its reads at the same time
 * ({@code parallel}) versus one after another ({@code sequential}, the same reads on a direct executor).
 * Both include the AssumeRoot call, which has the same latency. Run with {@code bench/audit.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 15)
@Fork(1)
public class AuditBenchmark {
  static final List<String> AUDIT_CALLS = List.of("sts:AssumeRoot", "iam:GetUser", "iam:GetLoginProfile",
      "iam:ListAccessKeys", "iam:GetAccessKeyLastUsed", "iam:ListSigningCertificates", "iam:ListMFADevices",
      "iam:GetAccountSummary");

  private SimulatedAws aws;
  private AwsClients clients;
  private ExecutorService pool;
  private RootTasks parallel;
  private RootTasks sequential;
  private final AuditRootCredentials audit = new AuditRootCredentials(new AccountId("333333333333"));

  @Setup(Level.Trial)
  public void start() {
    aws = SimulatedAws.start(Seed.demo());
    for (String call : AUDIT_CALLS) {
      aws.faults().inject(call, Fault.latency(Duration.ofMillis(100)).always());
    }
    var key = aws.managementKey();
    clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
    pool = Executors.newFixedThreadPool(8);
    var directory = new OrganizationDirectory(clients.organizations());
    var sessions = new RootSessions(clients, Duration.ofMinutes(15));
    // The organization's features are read once: the benchmark measures the task, not the preflight.
    Set<String> features = new ReadinessCheck(clients).features();
    parallel = new RootTasks(directory, new OrganizationFeatures(() -> features), sessions, new ScpCheck(clients.organizations()),
        () -> new AccountId("111111111111"), AwsRegion.US_EAST_1, pool, Clock.systemUTC());
    sequential = new RootTasks(directory, new OrganizationFeatures(() -> features), sessions, new ScpCheck(clients.organizations()),
        () -> new AccountId("111111111111"), AwsRegion.US_EAST_1, Runnable::run, Clock.systemUTC());
  }

  @TearDown(Level.Trial)
  public void stop() {
    pool.shutdownNow();
    clients.close();
    aws.close();
  }

  @Benchmark
  public TaskResult parallel() {
    return check(parallel.run(audit, Optional.empty(), TaskObserver.ignoring()));
  }

  @Benchmark
  public TaskResult sequential() {
    return check(sequential.run(audit, Optional.empty(), TaskObserver.ignoring()));
  }

  private static TaskResult check(TaskResult result) {
    if (!result.succeeded()) {
      throw new IllegalStateException(result.headline());
    }
    return result;
  }
}

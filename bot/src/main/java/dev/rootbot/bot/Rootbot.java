package dev.rootbot.bot;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.socket_mode.SocketModeClient;
import dev.rootbot.actions.RootTasks;
import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.org.OrganizationTree;
import dev.rootbot.actions.org.Preflight;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.org.ScpReport;
import dev.rootbot.actions.org.ScpStatus;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.rootbot.actions.TaskObserver;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.trail.TrailConfirmation;
import dev.rootbot.bot.approval.Approvers;
import dev.rootbot.bot.card.Approving;
import dev.rootbot.bot.card.Card;
import dev.rootbot.bot.card.StatusReport;
import dev.rootbot.bot.command.Grammar;
import dev.rootbot.bot.config.Config;
import dev.rootbot.bot.config.ConfigError;
import dev.rootbot.bot.flow.Alerts;
import dev.rootbot.bot.flow.Asking;
import dev.rootbot.bot.flow.ChainWatch;
import dev.rootbot.bot.flow.Confirming;
import dev.rootbot.bot.flow.Deciding;
import dev.rootbot.bot.flow.OrganizationAccounts;
import dev.rootbot.bot.flow.Placements;
import dev.rootbot.bot.flow.ReadingHistory;
import dev.rootbot.bot.flow.Reviewing;
import dev.rootbot.bot.flow.TellingPolicy;
import dev.rootbot.bot.flow.Running;
import dev.rootbot.bot.flow.RunningFleet;
import dev.rootbot.actions.fleet.ConcurrencyBounds;
import dev.rootbot.actions.fleet.EnablePlan;
import dev.rootbot.actions.fleet.FleetAudit;
import dev.rootbot.actions.fleet.FleetDeletion;
import dev.rootbot.actions.fleet.RootAccessEnabler;
import dev.rootbot.actions.org.OrganizationFeatures;
import dev.rootbot.actions.org.OrganizationSnapshot;
import dev.rootbot.bot.flow.Sweeping;
import dev.rootbot.bot.logging.RequestLog;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.policy.Policies;
import dev.rootbot.bot.policy.Policy;
import dev.rootbot.bot.policy.Problem;
import dev.rootbot.bot.policy.SnapshotView;
import dev.rootbot.bot.slack.SlackMethods;
import dev.rootbot.bot.slack.Health;
import dev.rootbot.bot.slack.AlertChannel;
import dev.rootbot.bot.slack.HttpEndpoint;
import dev.rootbot.bot.slack.OutboxSender;
import dev.rootbot.bot.slack.SignatureCheck;
import dev.rootbot.bot.slack.SlackApp;
import dev.rootbot.bot.slack.SlackPeople;
import dev.rootbot.bot.store.ReplicaId;
import dev.rootbot.bot.slack.Work;
import dev.rootbot.bot.store.Store;
import dev.rootbot.bot.store.StoreFailure;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Rootbot, assembled from its configuration: the store, the AWS side, the Slack app, the outbox and the
 * housekeeping, started in order and closed in reverse. {@code Main} builds one; tests build one against the
 * sandbox with the same {@link #start}.
 *
 * <p>Threads: Jetty (or Socket Mode) runs the handlers, which only ack; a bounded work pool does what follows
 * an ack; the runner takes approved requests from the store onto its task threads; one thread sends the
 * outbox; one writes this replica's heartbeat; one runs the periodic jobs (expiry, recovery, CloudTrail
 * confirmation, pruning), each run by one replica at a time under a job lease; one watches the audit chain
 * (verified at start, then hourly and anchored daily under job leases).
 */
public final class Rootbot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Rootbot.class);
  static final Duration SWEEP_EVERY = Duration.ofSeconds(15);
  static final Duration CONFIRM_EVERY = Duration.ofSeconds(5);
  /** How long a Slack Web API call may take to answer before it counts as failed (and may be retried). */
  static final Duration SLACK_TIMEOUT = Duration.ofSeconds(10);
  static final Duration PRUNE_EVERY = Duration.ofHours(1);
  /** How often overdue break-glass reviews are looked for; each is reminded once an hour. */
  static final Duration REVIEW_EVERY = Duration.ofSeconds(10);
  /** How many root tasks one replica runs at once. */
  static final int RUNNERS = 4;
  /** How often a runner looks for work approved on another replica. */
  static final Duration RUNNER_POLL = Duration.ofSeconds(1);
  /** The fleet audit's progress message is updated at most this often (Slack's chat.update allows about one a second). */
  static final Duration FLEET_PROGRESS_EVERY = Duration.ofSeconds(2);
  /** How long a stop waits for root tasks in flight; a task still running after it will show as UNKNOWN. */
  static final Duration DRAIN = Duration.ofSeconds(60);

  private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
  private final Metrics metrics = new Metrics();
  private HttpEndpoint http;
  private Store store;
  private Policies policies;
  private final AtomicInteger policyProblems = new AtomicInteger();

  private Rootbot() {}

  /**
   * Starts Rootbot. On return it answers Slack.
   *
   * @param awsCredentials the bot's own AWS identity (the default chain in production)
   * @throws ConfigError when the configuration cannot work, e.g. {@code ROOTBOT_APPROVERS} is malformed
   */
  public static Rootbot start(Config config, AwsCredentialsProvider awsCredentials, Clock clock) {
    var bot = new Rootbot();
    try {
      bot.assemble(config, awsCredentials, clock);
      return bot;
    } catch (RuntimeException e) {
      bot.close();
      throw e;
    }
  }

  private void assemble(Config config, AwsCredentialsProvider awsCredentials, Clock clock) {
    open(metrics); // closed last
    RequestLog.replica(config.replica().id().value());
    Approvers approvers;
    try {
      approvers = Approvers.parse(config.approvers());
    } catch (IllegalArgumentException e) {
      throw new ConfigError(List.of(e.getMessage()));
    }
    if (approvers.isEmpty() && config.policy().isEmpty()) {
      log.warn("ROOTBOT_APPROVERS is empty: nobody can approve (or request) until it lists Slack user or group IDs");
    }
    try {
      store = open(Store.open(config.store(), clock));
    } catch (StoreFailure | IllegalArgumentException e) {
      throw ConfigError.store(config.store(), e); // reported like any configuration problem, without the password
    }

    var aws = open(new AwsClients(config.aws().region(), config.aws().endpoints(), awsCredentials, List.of(metrics.awsCalls())));
    var directory = new OrganizationDirectory(aws.organizations());
    var readiness = new ReadinessCheck(aws);
    var features = new OrganizationFeatures(readiness::features); // one read a minute, for previews and runs alike
    var caller = memoized(() -> new AccountId(aws.sts().getCallerIdentity().account()));

    ReplicaId me = config.replica().id();
    Duration lease = config.replica().lease();
    // Closed in the reverse order: saying "stopped" comes last, once nothing of this replica can still write, since
    // a heartbeat after it would revive the replica and an outbox message still being sent would be sent again.
    closeables.push(() -> store.replicas().stopped(me));
    ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("rootbot-heartbeat"));
    closeables.push(() -> {
      heartbeats.shutdownNow();
      heartbeats.awaitTermination(5, TimeUnit.SECONDS);
    });
    ExecutorService parallel = open(pool("rootbot-read", 8, 8, 1_000));
    ExecutorService work = open(pool("rootbot-work", 2, 8, 200));
    ScheduledExecutorService timers = open(Executors.newSingleThreadScheduledExecutor(daemon("rootbot-timer")));

    var sessions = new RootSessions(aws, config.aws().sessionLength());
    var rootTasks = new RootTasks(directory, features, sessions,
        new ScpCheck(aws.organizations()), caller, config.aws().region(), parallel, clock);
    var tree = new OrganizationTree(aws.organizations(), Duration.ofMinutes(2), Ticker.systemTicker(), parallel);
    var preflight = new Preflight(tree, features);
    var scps = new ScpStatus(tree);

    var slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl().toString());
    slackConfig.setPrettyResponseLoggingEnabled(false);
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig, slackHttp(slackConfig));
    MethodsClient methods = new SlackMethods(slack.getHttpClient(), config.slack().botToken());

    policies = policies(config, approvers, tree);
    Placements placements = account -> SnapshotView.account(tree.readWith(account), account);
    var card = new Card(config.aws().sessionLength(), Approving.by(policies));
    OutboxSender outbox = open(new OutboxSender(store, methods, card, clock, metrics, me));
    Runnable nudge = outbox::nudge;

    var trail = new TrailConfirmation(aws.cloudTrail(config.aws().region()), config.aws().region());
    var confirming = new Confirming(store, trail::lookOnce, clock, Duration.ofMinutes(15), nudge);
    // A fleet audit's accounts run on pools of their own: one thread per account in flight, and its reads.
    var bounds = ConcurrencyBounds.standard();
    ExecutorService fleetWorkers = open(Executors.newFixedThreadPool(bounds.max(), daemon("rootbot-fleet")));
    ExecutorService fleetReads = open(Executors.newFixedThreadPool(bounds.max() * 4, daemon("rootbot-fleet-read")));
    var enabler = new RootAccessEnabler(aws);
    var fleetAudit = new FleetAudit(aws, sessions, preflight, fleetWorkers, fleetReads, clock, bounds);
    ExecutorService deletionWorkers = open(Executors.newFixedThreadPool(bounds.max(), daemon("rootbot-fleet-delete")));
    var fleetDeletion = new FleetDeletion(aws, rootTasks, deletionWorkers, clock, bounds);
    var fleet = new RunningFleet(store, enabler, fleetAudit, fleetDeletion, () -> {
      tree.invalidate(); // the accounts in scope as they are now, not as a cache had them
      return tree.read();
    }, clock, nudge, FLEET_PROGRESS_EVERY);
    var running = new Running(store, rootTasks, fleet, me, RUNNERS, RUNNER_POLL, nudge, metrics);
    // Kept no longer than the policy promises; by the bot's clock, so that a test can move it.
    var people = new SlackPeople(methods, () -> policies.current().userGroups(), SlackPeople.FRESH,
        () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    Asking.Preflights preflights = (task, region) -> preflight.check(task.target(), task.policy(), task.kind().actions(),
        region, task.kind().onRootUser() ? Optional.empty() : Optional.of(task.resource()));
    Optional<Asking.Previews> previews = config.preview()
        ? Optional.of(task -> rootTasks.preview(task, TaskObserver.ignoring())) : Optional.empty();
    var accounts = new OrganizationAccounts(directory);
    var asking = new Asking(store, policies, people, new Asking.Organization(accounts, directory, placements),
        preflights, previews, config.aws().region(), config.requestTtl(), clock,
        new Asking.Wakers(running::nudge, nudge), metrics, new Asking.FleetView() {
          @Override
          public OrganizationSnapshot tree() {
            return tree.read();
          }

          @Override
          public EnablePlan plan(boolean credentialsOnly) {
            return enabler.plan(credentialsOnly);
          }
        });
    fleet.fileDeletionsWith(asking::deleteFleet);
    var deciding = new Deciding(store, policies, placements, people, clock, running::nudge, nudge);
    var reviewing = new Reviewing(store, policies, nudge);
    metrics.gauge(Metrics.REVIEWS_OVERDUE, "Break-glass runs whose review is overdue, when last looked at",
        reviewing::overdue);
    metrics.gauge(Metrics.POLICY_PROBLEMS, "Problems the approval policy file had when last read (0: in force)",
        policyProblems::get);
    metrics.declare(Metrics.POLICY_RELOADS, "outcome", "applied");
    metrics.declare(Metrics.POLICY_RELOADS, "outcome", "kept_previous");
    var sweeping = new Sweeping(store, caller, config.aws().region(), lease, config.requestTtl(), nudge);

    var history = new ReadingHistory(store.audit(), people, accounts);
    var telling = new TellingPolicy(policies, people, accounts, placements);

    var grammar = new Grammar(config.command());
    App app = SlackApp.build(slack, config.slack().botToken(), config.command(), grammar, asking, deciding, directory,
        () -> status(readiness, scps), history, telling, store.events(), new Work(work, metrics, clock), fleet);

    // What a previous process with this replica ID was doing is orphaned now; then this one says it is alive.
    int recovered = sweeping.startingAs(me).size();
    if (recovered > 0) {
      log.warn("{} request(s) were left running or waiting by a replica that is gone; marked and reported, not re-run",
          recovered);
    }
    // On a thread of its own: a job that takes long must not delay it, or this replica would look gone.
    heartbeats.scheduleWithFixedDelay(() -> guarded("heartbeat", () -> store.replicas().heartbeat(me)),
        lease.toMillis() / 4, lease.toMillis() / 4, TimeUnit.MILLISECONDS);
    outbox.start();
    running.start();
    job(timers, store, me, "expiry", SWEEP_EVERY, sweeping::expireDue);
    job(timers, store, me, "recovery", Duration.ofMillis(Math.max(1_000, lease.toMillis() / 3)),
        sweeping::recoverOrphans);
    job(timers, store, me, "trail", CONFIRM_EVERY, () -> {
      try {
        confirming.confirmDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    job(timers, store, me, "reviews", REVIEW_EVERY, reviewing::remindOverdue);
    job(timers, store, me, "pruning", PRUNE_EVERY,
        () -> store.events().forgetBefore(clock.instant().minus(Duration.ofDays(1))));
    // The chain is read whole and alerts may wait for Slack: on a thread of their own, never delaying the heartbeat.
    var chain = new ChainWatch(store.audit(), config.alertChannel().<Alerts>map(channel -> new AlertChannel(methods,
        channel)).orElse(Alerts.NONE), metrics);
    ScheduledExecutorService auditing = open(Executors.newSingleThreadScheduledExecutor(daemon("rootbot-audit")));
    auditing.execute(() -> guarded("audit chain check", chain::verify)); // at every start, on every replica
    job(auditing, store, me, "audit-verify", ChainWatch.VERIFY_EVERY, ChainWatch.VERIFY_EVERY, chain::verify);
    job(auditing, store, me, "audit-anchor", ChainWatch.ANCHOR_EVERY, Duration.ZERO, chain::anchor);

    // Closed right after Slack stops reaching us: root tasks in flight finish, so a stop does not leave them UNKNOWN.
    closeables.push(() -> {
      // One deadline for both, so a stop takes at most DRAIN (an orchestrator's stop timeout must exceed it).
      long deadline = System.nanoTime() + DRAIN.toNanos();
      drain(List.of(work), DRAIN);
      if (!running.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        log.warn("Stopping with root tasks still running; they will show as UNKNOWN once this replica's lease ends");
      }
    });
    // A replica that cannot read its store answers 503, so a load balancer sends Slack elsewhere.
    var health = Health.of(store::ping, "the store cannot be reached");
    if (config.slack().socketMode()) {
      try {
        var socket = new SocketModeApp(config.slack().appToken().orElseThrow(), SocketModeClient.Backend.JavaWebSocket, app);
        socket.startAsync();
        closeables.push(socket::stop);
      } catch (Exception e) {
        throw new IllegalStateException("Could not connect to Slack with Socket Mode: " + e.getMessage(), e);
      }
      http = open(HttpEndpoint.start("0.0.0.0", config.port(), Optional.empty(), Optional.empty(), health, metrics, clock));
    } else {
      var check = new SignatureCheck(config.slack().signingSecret().orElseThrow());
      http = open(HttpEndpoint.start("0.0.0.0", config.port(), Optional.of(app), Optional.of(check), health, metrics, clock));
    }
    log.info("Rootbot is up on port {} ({}), command {}", http.port(),
        config.slack().socketMode() ? "Socket Mode" : "HTTP at /slack/events", config.command());
  }

  /**
   * Slack's HTTP client, which never sends a request again by itself: OkHttp resends a POST whose connection
   * closed without an answer, which posts a message twice when Slack had taken it. The outbox retries instead,
   * after looking for the message in Slack. An answer later than the timeouts is a failure the outbox handles
   * the same way.
   */
  private static SlackHttpClient slackHttp(SlackConfig config) {
    config.setHttpClientReadTimeoutMillis((int) SLACK_TIMEOUT.toMillis());
    config.setHttpClientWriteTimeoutMillis((int) SLACK_TIMEOUT.toMillis());
    config.setHttpClientCallTimeoutMillis((int) SLACK_TIMEOUT.multipliedBy(2).toMillis());
    var client = new SlackHttpClient(SlackHttpClient.buildOkHttpClient(config).newBuilder()
        .retryOnConnectionFailure(false).build());
    client.setConfig(config);
    return client;
  }

  /** The HTTP port, useful when started on port 0. */
  public int port() {
    return http.port();
  }

  public Metrics metrics() {
    return metrics;
  }

  /** The store, for tests and tools that inspect what Rootbot recorded. */
  public Store store() {
    return store;
  }

  private String status(ReadinessCheck readiness, ScpStatus scps) {
    try {
      Optional<ScpReport> report;
      try {
        report = Optional.of(scps.report());
      } catch (SdkException e) {
        report = Optional.empty(); // the features still tell something
        log.info("Could not read the organization's SCPs for /root status: {}", e.getMessage());
      }
      return StatusReport.render(readiness.check(), report, store.requests().open());
    } catch (SdkException e) {
      return StatusReport.unavailable(String.valueOf(e.getMessage()));
    }
  }

  /**
   * The approval policy: the file's, checked against the organization, or the approver list's.
   *
   * @throws ConfigError with every problem of the file, by line and column
   */
  private static Policies policies(Config config, Approvers approvers, OrganizationTree tree) {
    if (config.policy().isEmpty()) {
      return Policies.fixed(Policy.fromApprovers(approvers));
    }
    Path file = config.policy().get();
    try {
      Policies policies = Policies.fromFile(file, () -> SnapshotView.of(tree.read()));
      log.info("Approval policy {}: {} rule(s) in force", file, policies.current().rules().size());
      return policies;
    } catch (Policies.Invalid e) {
      throw new ConfigError(e.problems().stream().map(problem -> "ROOTBOT_POLICY " + problem.format(file.toString()))
          .toList());
    } catch (SdkException e) {
      throw new ConfigError(List.of("ROOTBOT_POLICY " + file + " names accounts and OUs that must be checked against"
          + " the organization, and AWS Organizations could not be read: " + e.getMessage()));
    }
  }

  /** The approval policy file in force, when there is one. */
  public Optional<Path> policyFile() {
    return policies.file();
  }

  /**
   * Reads the approval policy file again (on SIGHUP): a valid file applies at once, to requests already waiting
   * too; an invalid one keeps the policy in force, and its problems go to the log and {@code /metrics}.
   *
   * @return the problems that kept the previous policy; empty when the file's policy is in force, or there is no file
   */
  public List<Problem> reloadPolicy() {
    if (policies.file().isEmpty()) {
      log.info("No approval policy file to read again (ROOTBOT_POLICY is not set)");
      return List.of();
    }
    String file = policies.file().get().toString();
    List<Problem> problems;
    try {
      problems = policies.reload();
    } catch (SdkException e) {
      problems = List.of(new Problem(1, 1, "AWS Organizations could not be read to check it: " + e.getMessage()));
    }
    policyProblems.set(problems.size());
    if (problems.isEmpty()) {
      metrics.count(Metrics.POLICY_RELOADS, "outcome", "applied");
      log.info("Approval policy {} read again: {} rule(s) in force", file, policies.current().rules().size());
    } else {
      metrics.count(Metrics.POLICY_RELOADS, "outcome", "kept_previous");
      log.error("Approval policy {} has {} problem(s); the previous policy stays in force:\n  {}", file,
          problems.size(), String.join("\n  ", problems.stream().map(p -> p.format(file)).toList()));
    }
    return problems;
  }

  private <T extends AutoCloseable> T open(T closeable) {
    closeables.push(closeable);
    return closeable;
  }

  private ExecutorService open(ExecutorService executor) {
    closeables.push(executor::shutdownNow);
    return executor;
  }

  private ScheduledExecutorService open(ScheduledExecutorService executor) {
    closeables.push(executor::shutdownNow);
    return executor;
  }

  private static ExecutorService pool(String name, int core, int max, int queue) {
    return new ThreadPoolExecutor(core, max, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), daemon(name));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    var count = new AtomicInteger();
    return runnable -> {
      var thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> supplier) {
    return new java.util.function.Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          synchronized (this) {
            if (value == null) {
              value = supplier.get();
            }
            v = value;
          }
        }
        return v;
      }
    };
  }

  private static void drain(List<ExecutorService> pools, Duration patience) {
    pools.forEach(ExecutorService::shutdown);
    try {
      for (ExecutorService pool : pools) {
        if (!pool.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn("Stopping with work still running; a root task cut short will show as UNKNOWN at the next start");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code job} every {@code every} on whichever replica holds its lease, so that across replicas it runs
   * once per period.
   */
  private static void job(ScheduledExecutorService timers, Store store, ReplicaId me, String name, Duration every,
      Runnable job) {
    job(timers, store, me, name, every, Duration.ZERO, job);
  }

  /** As above, the first time after {@code first}. */
  private static void job(ScheduledExecutorService timers, Store store, ReplicaId me, String name, Duration every,
      Duration first, Runnable job) {
    timers.scheduleWithFixedDelay(() -> guarded(name, () -> {
      if (store.replicas().acquireJob(name, me, every)) {
        job.run();
      }
    }), first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void guarded(String what, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      log.warn("{} failed ({}); will try again", what, e.getMessage());
    }
  }

  /** Stops answering Slack first, then the rest, in reverse order of starting. */
  @Override
  public void close() {
    while (!closeables.isEmpty()) {
      try {
        closeables.pop().close();
      } catch (Exception e) {
        log.warn("Error while stopping", e);
      }
    }
  }
}

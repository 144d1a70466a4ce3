package dev.rootbot.actions.fleet;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.rootbot.actions.RootTasks;
import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.org.OrganizationFeatures;
import dev.rootbot.actions.org.OrganizationTree;
import dev.rootbot.actions.org.Preflight;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.sandbox.aws.RecordedCalls;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.aws.organizations.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The fleet engines wired to a simulated AWS organization over HTTP, as the bot would wire them. */
final class Fleet implements AutoCloseable {
  static final AccountId MANAGEMENT = new AccountId("111111111111");

  final SimulatedAws aws;
  final AwsClients clients;
  final OrganizationTree tree;
  final Preflight preflight;
  final RootSessions sessions;
  final ExecutorService workers = Executors.newCachedThreadPool();
  final ExecutorService reads = Executors.newCachedThreadPool();
  final ExecutorService treeReads = Executors.newFixedThreadPool(4);

  Fleet(Seed seed) {
    this(SimulatedAws.start(seed));
  }

  Fleet(SimulatedAws aws) {
    this.aws = aws;
    var key = aws.managementKey();
    clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
    tree = new OrganizationTree(clients.organizations(), Duration.ofMinutes(2), Ticker.systemTicker(), treeReads);
    var readiness = new ReadinessCheck(clients);
    preflight = new Preflight(tree, new OrganizationFeatures(readiness::features));
    sessions = new RootSessions(clients, Duration.ofSeconds(900));
  }

  FleetAudit audit(ConcurrencyBounds bounds) {
    return new FleetAudit(clients, sessions, preflight, workers, reads, Clock.systemUTC(), bounds);
  }

  FleetAudit audit() {
    return audit(ConcurrencyBounds.standard());
  }

  /** Root tasks as the fleet deletion needs them: the organization's features read once for the whole run. */
  RootTasks rootTasks() {
    Set<String> features = new ReadinessCheck(clients).features();
    return new RootTasks(new OrganizationDirectory(clients.organizations()), new OrganizationFeatures(() -> features), sessions,
        new ScpCheck(clients.organizations()), () -> MANAGEMENT, AwsRegion.US_EAST_1, reads, Clock.systemUTC());
  }

  /** The calls the bot made with its own key. */
  RecordedCalls botCalls() {
    return aws.calls().withAccessKey(aws.managementKey().accessKeyId());
  }

  /** The ACTIVE member accounts as the simulated organization itself has them, under {@code parentId} nested. */
  List<Account> activeMembersUnder(String parentId) {
    List<Account> found = new ArrayList<>();
    Deque<String> parents = new ArrayDeque<>(List.of(parentId));
    while (!parents.isEmpty()) {
      String parent = parents.pop();
      aws.organization().accountsUnder(parent).stream().filter(Account::active)
          .filter(a -> !a.id().equals(MANAGEMENT.value())).forEach(found::add);
      aws.organization().unitsUnder(parent).forEach(u -> parents.push(u.id()));
    }
    return found;
  }

  String ouId(String name) {
    return aws.organization().units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow().id();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    reads.shutdownNow();
    treeReads.shutdownNow();
    clients.close();
    aws.close();
  }
}

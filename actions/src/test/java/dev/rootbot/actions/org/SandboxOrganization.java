package dev.rootbot.actions.org;

import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.sandbox.aws.RecordedCalls;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/** The org package wired to a simulated AWS organization over HTTP, as the bot wires it to AWS. */
final class SandboxOrganization implements AutoCloseable {
  static final AccountId MANAGEMENT = new AccountId("111111111111");
  static final AccountId PROD_PAYMENTS = new AccountId("222222222222");
  static final AccountId DEV_PLAYGROUND = new AccountId("444444444444");
  static final Duration TTL = Duration.ofMinutes(2);

  final SimulatedAws aws;
  final AwsClients clients;
  final OrganizationsClient organizations;
  final FakeTicker ticker = new FakeTicker();
  final ExecutorService reads = Executors.newFixedThreadPool(4);
  final OrganizationTree tree;
  final ReadinessCheck readiness;
  final Preflight preflight;

  SandboxOrganization(Seed seed) {
    this.aws = SimulatedAws.start(seed);
    var key = aws.managementKey();
    this.clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
    this.organizations = clients.organizations();
    this.tree = new OrganizationTree(organizations, TTL, ticker, reads);
    this.readiness = new ReadinessCheck(clients);
    this.preflight = new Preflight(tree, new OrganizationFeatures(readiness::features, TTL, ticker));
  }

  static SandboxOrganization demo() {
    return new SandboxOrganization(Seed.demo());
  }

  /** The calls made with the bot's own key: every read the preflight made. */
  RecordedCalls botCalls() {
    return aws.calls().withAccessKey(aws.managementKey().accessKeyId());
  }

  /** Waits, up to ten seconds, until the bot has made {@code action} at least {@code count} times. */
  void awaitCalls(String action, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (botCalls().withAction(action).size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " calls of " + action + ", saw " + botCalls().withAction(action));
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  String ouId(String name) {
    return aws.organization().units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow().id();
  }

  String policyId(String name) {
    return aws.organization().policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
  }

  @Override
  public void close() {
    reads.shutdownNow();
    organizations.close();
    clients.close();
    aws.close();
  }
}

package dev.rootbot.actions;

import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.org.OrganizationFeatures;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The actions module wired to a simulated AWS organization over HTTP, as the bot wires it to AWS. */
final class Organization implements AutoCloseable {
  static final AccountId MANAGEMENT = new AccountId("111111111111");
  static final AccountId PROD_PAYMENTS = new AccountId("222222222222");
  static final AccountId PROD_DATA = new AccountId("333333333333");
  static final AccountId DEV_PLAYGROUND = new AccountId("444444444444");
  static final AwsRegion US_EAST_1 = AwsRegion.US_EAST_1;
  static final AwsRegion EU_WEST_1 = AwsRegion.parse("eu-west-1");

  final SimulatedAws aws;
  final AwsClients clients;
  final OrganizationDirectory directory;
  final ReadinessCheck readiness;
  final RootTasks tasks;
  private final ExecutorService parallel = Executors.newFixedThreadPool(8);

  Organization(Seed seed) {
    this(SimulatedAws.start(seed), true, List.of());
  }

  Organization(SimulatedAws aws, boolean parallelReads) {
    this(aws, parallelReads, List.of());
  }

  /** With {@code interceptors} on every client, e.g. {@link LostAnswers}. */
  Organization(SimulatedAws aws, boolean parallelReads, List<ExecutionInterceptor> interceptors) {
    this.aws = aws;
    var key = aws.managementKey();
    this.clients = new AwsClients(US_EAST_1, AwsEndpoints.all(aws.endpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())),
        interceptors);
    this.directory = new OrganizationDirectory(clients.organizations());
    this.readiness = new ReadinessCheck(clients);
    this.tasks = new RootTasks(directory, new OrganizationFeatures(readiness::features), new RootSessions(clients, Duration.ofSeconds(900)),
        new ScpCheck(clients.organizations()), () -> MANAGEMENT, US_EAST_1,
        parallelReads ? parallel : Runnable::run, Clock.systemUTC());
  }

  static Organization demo() {
    return new Organization(Seed.demo());
  }

  /** The demo organization, its clients carrying {@code interceptor}. */
  static Organization demo(ExecutionInterceptor interceptor) {
    return new Organization(SimulatedAws.start(Seed.demo()), true, List.of(interceptor));
  }

  @Override
  public void close() {
    parallel.shutdownNow();
    clients.close();
    aws.close();
  }
}

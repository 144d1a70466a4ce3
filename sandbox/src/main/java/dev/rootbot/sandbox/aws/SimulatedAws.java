package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.cloudtrail.CloudTrailService;
import dev.rootbot.sandbox.aws.cloudtrail.Trail;
import dev.rootbot.sandbox.aws.iam.IamService;
import dev.rootbot.sandbox.aws.iam.RootCredentials;
import dev.rootbot.sandbox.aws.identity.IamUser;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.organizations.Features;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.organizations.OrganizationsService;
import dev.rootbot.sandbox.aws.s3.Buckets;
import dev.rootbot.sandbox.aws.s3.S3Service;
import dev.rootbot.sandbox.aws.sqs.Queues;
import dev.rootbot.sandbox.aws.sqs.SqsService;
import dev.rootbot.sandbox.aws.sts.StsService;
import dev.rootbot.sandbox.aws.wire.Service;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated AWS organization on one local HTTP endpoint, which the unmodified AWS SDK talks to: STS, IAM,
 * S3, SQS, Organizations and CloudTrail, each in its real wire protocol, enforcing SigV4, AssumeRoot's rules,
 * task policies, SCPs and resource policies, and recording every call as a CloudTrail event.
 *
 * <pre>{@code
 * try (SimulatedAws aws = SimulatedAws.start(Seed.demo())) {
 *   StsClient sts = StsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
 *       .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
 *           aws.managementKey().accessKeyId(), aws.managementKey().secretAccessKey()))).build();
 *   ...
 *   assertThat(aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
 * }
 * }</pre>
 *
 * <p>Thread-safe: the server handles requests concurrently, and tests may read and change the state while it
 * runs. Listens on 127.0.0.1 only.
 */
public final class SimulatedAws implements AutoCloseable {
  private final World world;
  private final Faults faults = new Faults();
  private final Limits limits;
  private final Latency latency = new Latency();
  private final CallLog calls = new CallLog();
  private final AwsServer server;

  private SimulatedAws(Seed seed, int port) {
    world = seed.build(new SimulatedClock());
    limits = new Limits(world.clock());
    Organization organization = world.organization();
    var handlers = Map.of(
        Service.STS, new StsService(organization, world.identities()),
        Service.IAM, new IamService(world.rootUsers(), organization),
        Service.S3, new S3Service(world.buckets()),
        Service.SQS, new SqsService(world.queues()),
        Service.ORGANIZATIONS, new OrganizationsService(organization, world.clock()),
        Service.CLOUDTRAIL, new CloudTrailService(world.trail(), world.clock()));
    var dispatcher = new Dispatcher(handlers, world.identities(), new Authorizer(organization), faults, limits,
        latency, calls, world.trail(), world.clock());
    server = new AwsServer(dispatcher, new Inspection(world, limits, latency), "127.0.0.1", port);
  }

  /** Starts the simulated organization on a free port of 127.0.0.1. */
  public static SimulatedAws start(Seed seed) {
    return start(seed, 0);
  }

  /** Starts the simulated organization on {@code port} of 127.0.0.1 (0 for a free one). */
  public static SimulatedAws start(Seed seed, int port) {
    return new SimulatedAws(seed, port);
  }

  /** {@code http://127.0.0.1:PORT}, for every client's {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.port();
  }

  /** The access key of the first IAM user the seed gives the management account. */
  public CallerKey managementKey() {
    return callerKey(world.organization().managementAccountId());
  }

  /** The access key of the first IAM user the seed gives {@code account}. */
  public CallerKey callerKey(String account) {
    return world.identities().users().stream().filter(u -> u.account().equals(account)).findFirst()
        .map(this::key)
        .orElseThrow(() -> new IllegalArgumentException("the seed gives account " + account + " no caller key"));
  }

  /**
   * The root session AWS issued with {@code accessKeyId}, secret and token included, so that a test can prove
   * they never leak into output. Its {@code toString} still redacts them.
   */
  public Optional<RootSession> session(String accessKeyId) {
    return world.identities().byAccessKey(accessKeyId).filter(RootSession.class::isInstance)
        .map(RootSession.class::cast);
  }

  public Buckets buckets() {
    return world.buckets();
  }

  public Queues queues() {
    return world.queues();
  }

  /** What long-term credentials {@code account}'s root user has now. */
  public RootCredentials rootCredentials(String account) {
    return world.rootUsers().credentials(account);
  }

  /** The organization's {@code RootCredentialsManagement} and {@code RootSessions} features. */
  public Features features() {
    return new Features(world.organization());
  }

  /** The organization's tree, SCPs and settings. */
  public Organization organization() {
    return world.organization();
  }

  /** Every call received so far (at least the most recent ones, see {@link #retain}), allowed or refused, oldest first. */
  public RecordedCalls calls() {
    return calls.snapshot();
  }

  public Trail trail() {
    return world.trail();
  }

  public SimulatedClock clock() {
    return world.clock();
  }

  public Faults faults() {
    return faults;
  }

  /** The request-rate limits per operation, and how many calls they have throttled. */
  public Limits limits() {
    return limits;
  }

  /** Adds {@code latency} to every call from now on, before it is handled (zero: none, the default). */
  public void latency(Duration latency) {
    this.latency.set(latency);
  }

  /** The latency added to every call. */
  public Duration latency() {
    return latency.get();
  }

  /**
   * Keeps at least the most recent {@code count} recorded calls and as many CloudTrail events (100,000 of each
   * unless set); older ones are dropped, so that long benchmarks run in bounded memory.
   */
  public void retain(int count) {
    calls.capacity(count);
    world.trail().capacity(count);
  }

  @Override
  public void close() {
    server.close();
  }

  private CallerKey key(IamUser user) {
    return new CallerKey(user.accessKeyId(), user.secretAccessKey());
  }

  @Override
  public String toString() {
    return "SimulatedAws[" + world.organization().id() + " at " + endpoint() + "]";
  }
}

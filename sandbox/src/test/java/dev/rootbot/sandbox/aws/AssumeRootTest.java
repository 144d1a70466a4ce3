package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.Demo.DEV_PLAYGROUND;
import static dev.rootbot.sandbox.aws.Demo.MANAGEMENT;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static dev.rootbot.sandbox.aws.Demo.SECURITY_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

class AssumeRootTest {
  private static final String S3_UNLOCK = TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn();

  private SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void management_account_gets_asia_credentials_that_expire_in_900_seconds_by_default() {
    Instant before = aws.clock().now();
    Credentials credentials = assumeRoot(management(), PROD_PAYMENTS, S3_UNLOCK);

    assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
    assertThat(credentials.secretAccessKey()).isNotBlank();
    assertThat(credentials.sessionToken()).isNotBlank();
    assertThat(credentials.expiration()).isBetween(before.plusSeconds(899), aws.clock().now().plusSeconds(901));
  }

  @Test
  void duration_seconds_sets_the_expiration() {
    Credentials credentials = management().assumeRoot(request(PROD_PAYMENTS, S3_UNLOCK).toBuilder()
        .durationSeconds(60).build()).credentials();

    assertThat(Duration.between(aws.clock().now(), credentials.expiration())).isBetween(
        Duration.ofSeconds(55), Duration.ofSeconds(61));
  }

  @Test
  void the_target_can_be_named_by_its_root_user_arn() {
    Credentials credentials = assumeRoot(management(), "arn:aws:iam::" + PROD_PAYMENTS + ":root", S3_UNLOCK);

    String arn = Clients.session(aws, credentials).sts().getCallerIdentity().arn();
    assertThat(arn).isEqualTo("arn:aws:iam::222222222222:root");
  }

  @Test
  void a_root_session_reports_the_member_accounts_root_user_as_its_identity() {
    var identity = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).sts()
        .getCallerIdentity();

    assertThat(identity.account()).isEqualTo(PROD_PAYMENTS);
    assertThat(identity.arn()).isEqualTo("arn:aws:iam::222222222222:root");
    assertThat(identity.userId()).isEqualTo(PROD_PAYMENTS);
  }

  @Test
  void a_member_account_caller_is_refused() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withCaller(SECURITY_TOOLING, "ops", "AKIASANDBOXSECURITY1", "s3cret"));
    StsClient member = Clients.as(aws, aws.callerKey(SECURITY_TOOLING)).withoutRetries().sts();

    assertRefused(() -> assumeRoot(member, PROD_PAYMENTS, S3_UNLOCK), 403, "AccessDenied",
        "User: arn:aws:iam::555555555555:user/ops is not authorized to perform: sts:AssumeRoot on resource: "
            + "arn:aws:iam::222222222222:root");
  }

  @Test
  void the_delegated_administrator_for_iam_is_allowed() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo()
        .withCaller(SECURITY_TOOLING, "rootbot", "AKIASANDBOXDELEGATED", "delegated-secret")
        .withDelegatedAdministrator(SECURITY_TOOLING, "iam.amazonaws.com"));
    StsClient delegated = Clients.as(aws, aws.callerKey(SECURITY_TOOLING)).sts();

    Credentials credentials = assumeRoot(delegated, PROD_PAYMENTS, S3_UNLOCK);

    assertThat(Clients.session(aws, credentials).sts().getCallerIdentity().account()).isEqualTo(PROD_PAYMENTS);
    assertThat(aws.calls().withAction("sts:AssumeRoot").get(0).account()).isEqualTo(SECURITY_TOOLING);
  }

  @Test
  void a_delegated_administrator_for_another_service_is_refused() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo()
        .withCaller(SECURITY_TOOLING, "rootbot", "AKIASANDBOXDELEGATED", "delegated-secret")
        .withDelegatedAdministrator(SECURITY_TOOLING, "guardduty.amazonaws.com"));
    StsClient delegated = Clients.as(aws, aws.callerKey(SECURITY_TOOLING)).withoutRetries().sts();

    assertRefused(() -> assumeRoot(delegated, PROD_PAYMENTS, S3_UNLOCK), 403, "AccessDenied",
        "only the management account and the delegated administrator");
  }

  @Test
  void the_management_account_cannot_be_the_target() {
    assertRefused(() -> assumeRoot(management(), MANAGEMENT, S3_UNLOCK), 403, "AccessDenied",
        "the management account cannot be the target");
  }

  @Test
  void a_suspended_target_is_refused() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withAccountStatus(DEV_PLAYGROUND, "SUSPENDED"));

    assertRefused(() -> assumeRoot(management(), DEV_PLAYGROUND, S3_UNLOCK), 403, "AccessDenied",
        "is SUSPENDED");
  }

  @Test
  void an_account_outside_the_organization_is_refused() {
    assertRefused(() -> assumeRoot(management(), "999999999999", S3_UNLOCK), 403, "AccessDenied",
        "is not an account of organization o-exampleorg1");
  }

  @Test
  void a_target_that_is_not_an_account_id_is_a_validation_error() {
    assertRefused(() -> assumeRoot(management(), "prod-payments", S3_UNLOCK), 400, "ValidationError",
        "targetPrincipal");
  }

  @Test
  void root_sessions_must_be_enabled() {
    aws.features().disable("RootSessions");
    assertRefused(() -> assumeRoot(management(), PROD_PAYMENTS, S3_UNLOCK), 403, "AccessDenied",
        "root sessions are not enabled");

    aws.features().enable("RootSessions");
    assertThat(assumeRoot(management(), PROD_PAYMENTS, S3_UNLOCK).accessKeyId()).startsWith("ASIA");
  }

  @Test
  void trusted_access_for_iam_is_needed_too() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withTrustedServices());

    assertRefused(() -> assumeRoot(management(), PROD_PAYMENTS, S3_UNLOCK), 403, "AccessDenied",
        "root sessions are not enabled");
  }

  @Test
  void the_task_policy_must_be_one_of_the_five_root_task_policies() {
    assertRefused(() -> assumeRoot(management(), PROD_PAYMENTS, "arn:aws:iam::aws:policy/AdministratorAccess"),
        400, "ValidationError", "taskPolicyArn");
    assertRefused(() -> assumeRoot(management(), PROD_PAYMENTS, "arn:aws:iam::aws:policy/root-task/Everything"),
        400, "ValidationError", "taskPolicyArn");
  }

  @Test
  void every_one_of_the_five_task_policies_is_accepted() {
    for (TaskPolicy policy : TaskPolicy.values()) {
      assertThat(assumeRoot(management(), PROD_PAYMENTS, policy.arn()).accessKeyId()).startsWith("ASIA");
    }
    assertThat(aws.calls().withAction("sts:AssumeRoot").refused()).isEmpty();
  }

  @Test
  void duration_seconds_must_be_between_0_and_900() {
    StsClient sts = management();
    assertRefused(() -> sts.assumeRoot(request(PROD_PAYMENTS, S3_UNLOCK).toBuilder().durationSeconds(901).build()),
        400, "ValidationError", "less than or equal to 900");
    assertRefused(() -> sts.assumeRoot(request(PROD_PAYMENTS, S3_UNLOCK).toBuilder().durationSeconds(-1).build()),
        400, "ValidationError", "greater than or equal to 0");

    Credentials longest = sts.assumeRoot(request(PROD_PAYMENTS, S3_UNLOCK).toBuilder().durationSeconds(900).build())
        .credentials();
    assertThat(longest.expiration()).isAfter(aws.clock().now().plusSeconds(890));
  }

  @Test
  void a_root_session_cannot_call_assume_root() {
    StsClient session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY)
        .withoutRetries().sts();

    assertRefused(() -> assumeRoot(session, DEV_PLAYGROUND, S3_UNLOCK), 403, "AccessDenied",
        "because no session policy allows the sts:AssumeRoot action");
  }

  @Test
  void an_expired_session_is_refused_with_expired_token() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries();
    assertThat(session.sts().getCallerIdentity().account()).isEqualTo(PROD_PAYMENTS);

    aws.clock().advance(Duration.ofMinutes(16));

    assertRefused(() -> session.sts().getCallerIdentity(), 403, "ExpiredToken", "expired");
  }

  @Test
  void a_zero_second_session_is_expired_at_once() {
    Credentials credentials = management().assumeRoot(request(PROD_PAYMENTS, S3_UNLOCK).toBuilder()
        .durationSeconds(0).build()).credentials();

    assertRefused(() -> Clients.session(aws, credentials).withoutRetries().sts().getCallerIdentity(), 403,
        "ExpiredToken", "expired");
  }

  @Test
  void twenty_concurrent_calls_each_get_their_own_session() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Credentials>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> assumeRoot(management(), PROD_PAYMENTS, S3_UNLOCK));
      }
      var keys = new HashSet<String>();
      for (Future<Credentials> result : pool.invokeAll(calls)) {
        keys.add(result.get().accessKeyId());
      }

      assertThat(keys).hasSize(20);
      assertThat(aws.calls().withAction("sts:AssumeRoot")).hasSize(20);
      assertThat(aws.trail().events(MANAGEMENT, "us-east-1")).filteredOn(e -> e.eventName().equals("AssumeRoot"))
          .hasSize(20);
    } finally {
      pool.shutdownNow();
    }
  }

  private StsClient management() {
    return Clients.management(aws).withoutRetries().sts();
  }

  private static AssumeRootRequest request(String target, String policyArn) {
    return AssumeRootRequest.builder().targetPrincipal(target).taskPolicyArn(p -> p.arn(policyArn)).build();
  }

  private static Credentials assumeRoot(StsClient sts, String target, String policyArn) {
    return sts.assumeRoot(request(target, policyArn)).credentials();
  }

  /** Asserts the call fails as the SDK reports AWS errors; a null code or message is not checked (HEAD has none). */
  static void assertRefused(Runnable call, int status, String code, String messagePart) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.statusCode()).as("HTTP status").isEqualTo(status);
      if (code != null) {
        assertThat(e.awsErrorDetails().errorCode()).as("error code").isEqualTo(code);
      }
      if (messagePart != null) {
        assertThat(e.awsErrorDetails().errorMessage()).as("message").contains(messagePart);
      }
    });
  }
}

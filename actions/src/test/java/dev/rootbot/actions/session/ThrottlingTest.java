package dev.rootbot.actions.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ThrottlingTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());
  private final AwsClients clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
      StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.managementKey().accessKeyId(),
          aws.managementKey().secretAccessKey())));
  private final List<Throttling.Throttled> heard = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    clients.close();
    aws.close();
  }

  @Test
  void each_throttled_attempt_the_sdk_retries_is_heard_with_its_service_and_whether_a_root_session_made_it() {
    aws.faults().inject("sts:AssumeRoot", Fault.throttling().times(1));
    aws.faults().inject("iam:GetUser", Fault.throttling().times(2));

    try (var registration = clients.throttling().listen(heard::add);
        var session = new RootSessions(clients, Duration.ofSeconds(900))
            .open(new AccountId("333333333333"), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)) {
      session.iam().getUser(r -> {});
    }

    assertThat(heard).containsExactly(new Throttling.Throttled("sts", false), new Throttling.Throttled("iam", true),
        new Throttling.Throttled("iam", true));
    assertThat(clients.throttling().count()).isEqualTo(3);
    assertThat(aws.calls().withAction("iam:GetUser")).hasSize(3);
  }

  @Test
  void a_closed_registration_hears_nothing_more_and_other_failures_are_not_throttling() {
    aws.faults().inject("iam:ListOrganizationsFeatures", Fault.serverError(500).times(1));
    clients.throttling().listen(heard::add).close();
    aws.faults().inject("sts:GetCallerIdentity", Fault.throttling().times(1));

    clients.iam().listOrganizationsFeatures(r -> {});
    clients.sts().getCallerIdentity();

    assertThat(heard).isEmpty();
    assertThat(clients.throttling().count()).as("only the throttled attempt counts").isEqualTo(1);
  }
}

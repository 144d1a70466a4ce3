package dev.rootbot.actions.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsClientsTest {
  /** Regression: each session's client had a timer pool of its own, alive 60 s after the client closed. */
  @Test
  void root_sessions_share_the_timer_threads_of_their_call_timeouts_and_leave_none_behind() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.demo());
        AwsClients clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
            StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.managementKey().accessKeyId(),
                aws.managementKey().secretAccessKey())))) {
      var sessions = new RootSessions(clients, Duration.ofSeconds(900));
      for (int i = 0; i < 20; i++) {
        try (var session = sessions.open(new AccountId("333333333333"), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)) {
          session.iam().listMFADevices(r -> {});
        }
      }

      assertThat(threads("sdk-ScheduledExecutor")).isZero();
      assertThat(threads("aws-call-timeouts-")).isBetween(1L, 2L);
    }
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
  }
}

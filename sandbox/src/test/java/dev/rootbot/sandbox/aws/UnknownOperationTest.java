package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** An operation the simulated AWS does not implement is answered as AWS answers an unknown action. */
class UnknownOperationTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());
  private final Clients clients = Clients.management(aws).withoutRetries();

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void query_services_answer_invalid_action() {
    assertRefused(() -> clients.sts().getSessionToken(), 400, "InvalidAction", "GetSessionToken");
    assertRefused(() -> clients.iam().listUsers(), 400, "InvalidAction", "ListUsers");
  }

  @Test
  void s3_answers_not_implemented() {
    assertRefused(() -> clients.s3(Region.US_EAST_1).listObjectsV2(b -> b.bucket("payments-audit-logs")), 501,
        "NotImplemented", "not implemented");
  }

  @Test
  void json_services_answer_unknown_operation() {
    assertRefused(() -> clients.sqs(Region.US_EAST_1).sendMessage(b -> b.queueUrl(Demo.PAYMENTS_QUEUE_URL)
        .messageBody("hi")), 400, "UnknownOperationException", null);
    assertRefused(() -> clients.organizations().listHandshakesForOrganization(b -> { }), 400,
        "UnknownOperationException", null);
    assertRefused(() -> clients.cloudTrail(Region.US_EAST_1).describeTrails(), 400,
        "UnknownOperationException", null);
  }

  @Test
  void unknown_operations_are_recorded_like_any_call() {
    assertRefused(() -> clients.sts().getSessionToken(), 400, "InvalidAction", null);

    assertThat(aws.calls()).extracting(c -> c.action() + " " + c.errorCode().orElse("-"))
        .containsExactly("sts:GetSessionToken InvalidAction");
    assertThat(aws.trail().events()).extracting(e -> e.eventName()).containsExactly("GetSessionToken");
  }
}

package dev.rootbot.actions.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class TrailConfirmationTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());
  private final AwsClients clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
      StaticCredentialsProvider.create(AwsBasicCredentials.create(
          aws.managementKey().accessKeyId(), aws.managementKey().secretAccessKey())));
  private final List<Duration> pauses = new ArrayList<>();

  @AfterEach
  void close() {
    clients.close();
    aws.close();
  }

  private TrailConfirmation confirmation(Duration maxWait) {
    aws.clock().freeze();
    return new TrailConfirmation(clients.cloudTrail(AwsRegion.US_EAST_1), AwsRegion.US_EAST_1, aws.clock(),
        pause -> {
          pauses.add(pause);
          aws.clock().advance(pause);
        }, maxWait);
  }

  private String openSession() {
    try (var session = new RootSessions(clients, Duration.ofMinutes(15))
        .open(new AccountId("222222222222"), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)) {
      return session.accessKeyId();
    }
  }

  @Test
  void finds_the_assume_root_event_that_issued_the_key_once_cloudtrail_delivers_it() throws Exception {
    aws.trail().deliveryDelay(Duration.ofMinutes(4));
    var confirmation = confirmation(Duration.ofMinutes(15));
    Instant issuedAt = aws.clock().instant();
    openSession(); // another session's event, which must not be mistaken for ours
    String key = openSession();

    var confirmed = confirmation.confirm(key, issuedAt).orElseThrow();

    var event = aws.trail().events().stream()
        .filter(e -> e.eventName().equals("AssumeRoot") && e.json().contains(key)).findFirst().orElseThrow();
    assertThat(confirmed.eventId()).isEqualTo(event.eventId());
    assertThat(confirmed.link().url().toString()).endsWith("#/events/" + event.eventId());
    assertThat(Duration.between(issuedAt, aws.clock().instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void stays_within_lookup_events_limits() throws Exception {
    aws.trail().deliveryDelay(Duration.ofMinutes(3));
    var confirmation = confirmation(Duration.ofMinutes(15));
    Instant issuedAt = aws.clock().instant();
    String key = openSession();

    confirmation.confirm(key, issuedAt).orElseThrow();

    List<RecordedCall> lookups = aws.calls().withAction("cloudtrail:LookupEvents");
    assertThat(lookups).hasSizeGreaterThan(1).allSatisfy(call -> {
      assertThat(call.errorCode()).isEmpty();
      assertThat(call.parameters().get("MaxResults")).isEqualTo("50");
    });
    for (int i = 1; i < lookups.size(); i++) {
      assertThat(Duration.between(lookups.get(i - 1).time(), lookups.get(i).time()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }
  }

  @Test
  void gives_up_after_the_longest_wait_when_the_event_never_arrives() throws Exception {
    aws.trail().deliveryDelay(Duration.ofHours(1));
    var confirmation = confirmation(Duration.ofMinutes(15));
    Instant issuedAt = aws.clock().instant();
    String key = openSession();

    assertThat(confirmation.confirm(key, issuedAt)).isEmpty();
    assertThat(Duration.between(issuedAt, aws.clock().instant())).isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(pauses).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(Duration.ofSeconds(60)));
  }
}

package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.Message;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each task end to end, from a slash command and from a mention in an incident thread. */
class EveryTaskTest {
  private Sandboxed sandbox;

  @BeforeEach
  void start() {
    sandbox = Sandboxed.start();
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  static Stream<Arguments> tasks() {
    return Stream.of(
        Arguments.of("unlock bucket data-lake-raw in account prod-data region eu-west-1 because INC-7 ETL is locked out",
            "s3:DeleteBucketPolicy", (Consumer<Sandboxed>) s ->
                assertThat(s.aws.buckets().policy("333333333333", "data-lake-raw")).isEmpty()),
        Arguments.of("unlock queue payments-events in account 222222222222 because INC-8 consumers get AccessDenied",
            "sqs:SetQueueAttributes", (Consumer<Sandboxed>) s ->
                assertThat(s.aws.queues().policy("222222222222", "payments-events")).isEmpty()),
        Arguments.of("audit account prod-data", "iam:ListAccessKeys", (Consumer<Sandboxed>) s ->
            assertThat(s.aws.rootCredentials("333333333333").hasPassword()).isTrue()),
        Arguments.of("allow password recovery in account security-tooling because SEC-3 the owner must sign in for billing",
            "iam:CreateLoginProfile", (Consumer<Sandboxed>) s ->
                assertThat(s.aws.rootCredentials("555555555555").hasPassword()).isTrue()),
        Arguments.of("delete root credentials in account prod-data because SEC-12 the root access key leaked",
            "iam:DeleteAccessKey", (Consumer<Sandboxed>) s ->
                assertThat(s.aws.rootCredentials("333333333333").none()).isTrue()));
  }

  @ParameterizedTest(name = "/root {0}")
  @MethodSource("tasks")
  void from_a_slash_command(String text, String call, Consumer<Sandboxed> changed) {
    Message card = sandbox.nextCard(PLATFORM, () -> sandbox.slack.as(ALICE).slashCommand("/root", text, PLATFORM));

    sandbox.slack.as(CAROL).click(PLATFORM, card.ts(), "approve");

    Message result = sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(result.allText()).contains(call, "cloudtrailv2", "AccessKeyId=ASIA");
    changed.accept(sandbox);
  }

  @ParameterizedTest(name = "@rootbot {0}")
  @MethodSource("tasks")
  void from_a_mention_in_an_incident_thread(String text, String call, Consumer<Sandboxed> changed) {
    var incident = sandbox.slack.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> help");
    assertThat(incident.status()).isEqualTo(200);
    Message top = sandbox.slack.messages(INCIDENT_42).stream()
        .filter(m -> m.user().equals(ALICE.id()) && !m.isReply())
        .max(java.util.Comparator.comparing(Message::ts)).orElseThrow();

    sandbox.slack.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> " + text, top.ts());

    Message card = sandbox.slack.awaitReply(INCIDENT_42, top.ts(),
        m -> m.fromBot() && m.actionIds().contains("approve"), Sandboxed.WAIT);
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    Message result = sandbox.slack.awaitReply(INCIDENT_42, top.ts(), m -> m.allText().contains("Done: "), Sandboxed.WAIT);
    assertThat(result.allText()).contains(call, "cloudtrailv2");
    assertThat(result.threadTs()).contains(top.ts());
    changed.accept(sandbox);
  }
}

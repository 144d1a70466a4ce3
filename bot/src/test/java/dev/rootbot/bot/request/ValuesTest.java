package dev.rootbot.bot.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.InvalidInput;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The values a request is made of check themselves. */
class ValuesTest {

  static Stream<Arguments> reasonsFromSlack() {
    return Stream.of(
        arguments("plain words stay", "INC-42 locked us out", "INC-42 locked us out"),
        arguments("spaces of any kind collapse", "  INC-42\u00A0\n locked  ", "INC-42 locked"),
        arguments("escapes from Slack stay escaped", "a &amp; b &lt;c&gt;", "a &amp; b &lt;c&gt;"),
        arguments("a stray ampersand is escaped", "R&D is down", "R&amp;D is down"),
        arguments("a user mention drops its label", "<@U024BE7LH|alice> asked", "<@U024BE7LH> asked"),
        arguments("a channel link drops its label", "see <#C0INC42|inc-42>", "see <#C0INC42>"),
        arguments("a link shows its real address", "see <https://evil.example/x|the runbook>",
            "see <https://evil.example/x>"),
        arguments("@channel becomes words", "<!channel> help", "@channel help"),
        arguments("@here with a label becomes words", "<!here|@here> now", "@here now"),
        arguments("a group mention becomes its name", "<!subteam^S0614TZR7|@oncall> paged", "@oncall paged"),
        arguments("a group mention without a label", "<!subteam^S0614TZR7> paged", "@S0614TZR7 paged"),
        arguments("unknown markup is escaped", "<javascript:alert(1)> x", "&lt;javascript:alert(1)&gt; x"),
        arguments("unbalanced brackets are escaped", "a < b and c > d", "a &lt; b and c &gt; d"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reasonsFromSlack")
  void a_reason_from_slack_keeps_only_markup_that_cannot_surprise(String description, String slack, String text) {
    assertThat(Reason.fromSlack(slack).text()).isEqualTo(text);
  }

  @Test
  void a_reason_from_a_form_is_plain_text_so_everything_is_escaped() {
    assertThat(Reason.fromPlainText("<!channel> & <@U1>").text()).isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt;");
  }

  @Test
  void a_reason_is_counted_in_characters_people_see() {
    assertThat(Reason.fromPlainText("<<>>").text()).isEqualTo("&lt;&lt;&gt;&gt;");
    assertThat(Reason.fromPlainText("é".repeat(Reason.MAX_LENGTH)).text()).hasSize(Reason.MAX_LENGTH);
    assertThat(Reason.fromPlainText("🙂".repeat(Reason.MAX_LENGTH))).isNotNull();
  }

  static Stream<Arguments> badReasons() {
    return Stream.of(
        arguments("empty", "", "too short"),
        arguments("three characters", "abc", "too short"),
        arguments("only spaces", "     ", "too short"),
        arguments("501 characters", "x".repeat(501), "501 characters"),
        arguments("a broadcast of two letters is short", "<!me>", "too short"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReasons")
  void a_reason_too_short_or_too_long_is_refused_in_words(String description, String slack, String message) {
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class, () -> Reason.fromSlack(slack)))
        .hasMessageContaining(message);
  }

  @Test
  void a_reason_built_directly_must_already_be_safe() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Reason("ping <!channel>"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Reason(" padded "));
    assertThat(new Reason("ask <@U024BE7LH> about <https://x.example>").text()).contains("<@U024BE7LH>");
  }

  @Test
  void a_request_id_is_r_and_ten_base32_characters_and_unguessably_random() {
    var random = new SplittableRandom(7);
    var seen = new HashSet<String>();
    for (int i = 0; i < 1000; i++) {
      String id = RequestId.random(random).value();
      assertThat(id).matches("r-[a-z2-7]{10}");
      seen.add(id);
    }
    assertThat(seen).hasSize(1000);
    assertThat(RequestId.random()).isNotEqualTo(RequestId.random());
    assertThat(RequestId.parse(" r-k3mwx2pqa7 ")).isEqualTo(new RequestId("r-k3mwx2pqa7"));
  }

  @Test
  void malformed_ids_are_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> RequestId.parse("r-K3M9X2PQA7"));
    assertThatIllegalArgumentException().isThrownBy(() -> RequestId.parse("r-k3m9x2pqa"));
    assertThatIllegalArgumentException().isThrownBy(() -> RequestId.parse("r-k3m9x2pqa1"));
    assertThatIllegalArgumentException().isThrownBy(() -> new UserId("C0ALICE"));
    assertThatIllegalArgumentException().isThrownBy(() -> new UserId("<@U0ALICE>"));
    assertThatIllegalArgumentException().isThrownBy(() -> new ChannelId("U0ALICE"));
    assertThatIllegalArgumentException().isThrownBy(() -> new MessageTs("12:00"));
    assertThat(new UserId("W0ALICE").mention()).isEqualTo("<@W0ALICE>");
  }

  @Test
  void a_task_that_changes_something_cannot_be_requested_without_a_reason() {
    NewRequest asked = SampleRequests.asked();
    var noReason = new NewRequest(asked.work().rootTask().orElseThrow(), asked.accountName(), asked.requester(), asked.origin(),
        Optional.empty(), asked.ttl());

    assertThatIllegalArgumentException().isThrownBy(() -> RootRequest.requested(RequestId.random(), noReason, SampleRequests.NOON))
        .withMessageContaining("needs a reason");
    var audit = new NewRequest(new AuditRootCredentials(new AccountId("222222222222")), "prod-payments",
        SampleRequests.ALICE, asked.origin(), Optional.empty(), asked.ttl());
    assertThat(RootRequest.requested(RequestId.random(), audit, SampleRequests.NOON).reason()).isEmpty();
  }

  @Test
  void a_request_waits_a_positive_time() {
    NewRequest asked = SampleRequests.asked();

    assertThatIllegalArgumentException().isThrownBy(() -> new NewRequest(asked.work().rootTask().orElseThrow(), asked.accountName(),
        asked.requester(), asked.origin(), asked.reason(), Duration.ZERO));
  }

  @Test
  void a_transition_carries_exactly_what_its_action_needs() {
    assertThatIllegalArgumentException().isThrownBy(
        () -> new Transition(Action.APPROVE, Optional.empty(), Optional.empty()));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new Transition(Action.START, Optional.of(SampleRequests.BOB), Optional.empty()));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new Transition(Action.SUCCEED, Optional.empty(), Optional.empty()));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new Transition(Action.EXPIRE, Optional.empty(), Optional.of(Outcome.of("x"))));
  }
}

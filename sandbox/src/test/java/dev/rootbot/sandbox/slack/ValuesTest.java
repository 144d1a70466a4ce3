package dev.rootbot.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public values: they check themselves, and those holding secrets print without them. */
class ValuesTest {

  @Test
  void a_person_knows_the_flags_slack_reports_for_their_standing() {
    Person guest = Person.member("U0GUEST00", "guest", "A Guest").asGuest();
    Person single = Person.member("U0SINGLE0", "single", "One Channel").asSingleChannelGuest();
    Person gone = Person.member("U0GONE000", "gone", "Gone").deactivated();

    assertThat(List.of(guest.isRestricted(), guest.isUltraRestricted(), guest.deleted())).containsExactly(true, false,
        false);
    assertThat(List.of(single.isRestricted(), single.isUltraRestricted())).containsExactly(true, true);
    assertThat(gone.deleted()).isTrue();
    assertThat(SlackWorkspace.ROOTBOT.isBot()).isTrue();
    assertThat(SlackWorkspace.ALICE.mention()).isEqualTo("<@U0ALICE00>");
  }

  @Test
  void ids_that_slack_would_never_issue_are_refused() {
    assertThatThrownBy(() -> Person.member("alice", "alice", "Alice")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Channel.publicChannel("#general", "general"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserGroup("G0GROUP00", "g", "G", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SlackWorkspace.ROOTBOT.asGuest()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void records_holding_secrets_print_without_them() {
    String secret = "do-not-print-this-secret";

    assertThat(Signing.withSecret(secret).toString()).doesNotContain(secret);
    assertThat(new HttpBot(URI.create("http://127.0.0.1:1/slack/events"), secret, Clock.systemUTC()).toString())
        .doesNotContain(secret).contains("127.0.0.1:1");
    assertThat(new ApiCall("auth.test", "xoxb-" + secret, java.util.Map.of(), java.time.Instant.EPOCH, 200,
        java.util.Optional.empty()).toString()).doesNotContain(secret).contains("xoxb-");
  }

  @Test
  void a_forgery_that_would_not_be_one_is_refused() {
    assertThatThrownBy(() -> Signing.withSecret("same").sign("body", "same", java.time.Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Signing.tamperedAfterSigning(b -> b).sign("body", "secret", java.time.Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

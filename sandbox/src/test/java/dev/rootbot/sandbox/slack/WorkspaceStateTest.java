package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What tests and the sandbox page read: the state as JSON, change notices, and waiting for what the bot does. */
class WorkspaceStateTest {
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final MethodsClient client = SlackClients.bot(workspace);

  @BeforeEach
  void forgetEverything() {
    workspace.reset();
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void the_state_json_nests_replies_under_their_thread_and_lists_ephemerals_with_who_sees_them() throws Exception {
    String card = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("card")
        .blocksAsString("[{\"type\":\"divider\"}]")).getTs();
    client.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card).text("Succeeded"));
    client.chatPostEphemeral(r -> r.channel(PLATFORM).user(ALICE.id()).text("only alice"));

    JsonObject state = JsonParser.parseString(workspace.stateJson()).getAsJsonObject();

    assertThat(state.getAsJsonObject("team").get("id").getAsString()).isEqualTo("T0SANDBOX");
    assertThat(state.getAsJsonArray("people")).hasSize(6);
    assertThat(state.getAsJsonArray("user_groups").get(0).getAsJsonObject().getAsJsonArray("users").get(0)
        .getAsString()).isEqualTo("U0CAROL00");
    JsonObject incident = channel(state, INCIDENT_42);
    JsonArray messages = incident.getAsJsonArray("messages");
    assertThat(messages).hasSize(1);
    JsonObject top = messages.get(0).getAsJsonObject();
    assertThat(top.get("text").getAsString()).isEqualTo("card");
    assertThat(top.getAsJsonArray("blocks").get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("divider");
    assertThat(top.getAsJsonArray("replies").get(0).getAsJsonObject().get("text").getAsString()).isEqualTo("Succeeded");
    JsonObject ephemeral = state.getAsJsonArray("ephemerals").get(0).getAsJsonObject();
    assertThat(ephemeral.get("user").getAsString()).isEqualTo(ALICE.id());
    assertThat(ephemeral.get("channel").getAsString()).isEqualTo(PLATFORM);
  }

  @Test
  void listeners_hear_of_each_change_to_what_people_see() throws Exception {
    List<Change> changes = new CopyOnWriteArrayList<>();
    SlackWorkspace own = SlackWorkspace.onFreePort();
    try {
      own.onChange(changes::add);
      MethodsClient ownClient = SlackClients.bot(own);
      String ts = ownClient.chatPostMessage(r -> r.channel(INCIDENT_42).text("one")).getTs();
      ownClient.chatUpdate(r -> r.channel(INCIDENT_42).ts(ts).text("two"));
      ownClient.chatPostEphemeral(r -> r.channel(INCIDENT_42).user(BOB.id()).text("psst"));
      ownClient.chatDelete(r -> r.channel(INCIDENT_42).ts(ts));

      assertThat(changes).extracting(Change::kind).containsExactly(Change.Kind.MESSAGE_POSTED,
          Change.Kind.MESSAGE_CHANGED, Change.Kind.EPHEMERAL_POSTED, Change.Kind.MESSAGE_DELETED);
      assertThat(changes.get(0)).isEqualTo(new Change(Change.Kind.MESSAGE_POSTED, INCIDENT_42, "", ts));
      assertThat(changes.get(2).user()).isEqualTo(BOB.id());
    } finally {
      own.close();
    }
  }

  @Test
  void waiting_for_a_message_returns_it_once_the_bot_posts_it() {
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try {
      later.schedule(() -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Succeeded")), 200,
          TimeUnit.MILLISECONDS);

      Message posted = workspace.awaitMessage(INCIDENT_42, m -> m.text().equals("Succeeded"), Duration.ofSeconds(5));

      assertThat(posted.fromBot()).isTrue();
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  void a_waiter_looks_at_each_new_message_once_rather_than_at_the_whole_channel_after_every_change()
      throws Exception {
    for (int i = 0; i < 200; i++) {
      String text = "card " + i;
      client.chatPostMessage(r -> r.channel(INCIDENT_42).text(text));
    }
    java.util.concurrent.atomic.AtomicInteger looked = new java.util.concurrent.atomic.AtomicInteger();
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try {
      later.schedule(() -> {
        for (int i = 200; i < 500; i++) {
          String text = "card " + i;
          client.chatPostMessage(r -> r.channel(INCIDENT_42).text(text));
        }
        return client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Succeeded"));
      }, 100, TimeUnit.MILLISECONDS);

      Message found = workspace.awaitMessage(INCIDENT_42, m -> {
        looked.incrementAndGet();
        return m.text().equals("Succeeded");
      }, Duration.ofSeconds(30));

      assertThat(found.fromBot()).isTrue();
      // Once each (the 200 there at first, the 300 posted while it waited, the one it waited for), twice for those
      // posted while it took its first look; looking at the whole channel after every post would be ~100,000.
      assertThat(looked.get()).isLessThan(2 * (200 + 300 + 1));
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  void waiting_in_vain_fails_and_lists_what_was_there() throws Exception {
    client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Failed: AccessDenied"));

    assertThatThrownBy(() -> workspace.awaitMessage(INCIDENT_42, m -> m.text().equals("Succeeded"),
        Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no message in C0INCIDENT matched within PT0.2S")
        .hasMessageContaining("U0ROOTBOT: Failed: AccessDenied");
  }

  @Test
  void waiting_for_a_call_fails_and_lists_the_calls_made() throws Exception {
    client.authTest(r -> r);

    assertThatThrownBy(() -> workspace.awaitCall("chat.update", c -> true, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("auth.test");
  }

  @Test
  void reset_forgets_messages_but_keeps_people_added_by_tests() throws Exception {
    workspace.add(Person.member("U0GRACE00", "grace", "Grace Hill"));
    client.chatPostMessage(r -> r.channel(INCIDENT_42).text("before"));

    workspace.reset();

    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
    assertThat(workspace.calls()).isEmpty();
    assertThat(workspace.person("U0GRACE00")).isPresent();
  }

  @Test
  void a_deleted_message_is_gone_from_history() throws Exception {
    String ts = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("oops")).getTs();

    boolean ok = client.chatDelete(r -> r.channel(INCIDENT_42).ts(ts)).isOk();

    assertThat(ok).isTrue();
    assertThat(workspace.message(INCIDENT_42, ts)).isEmpty();
    assertThat(client.conversationsHistory(r -> r.channel(INCIDENT_42)).getMessages()).isEmpty();
  }

  private static JsonObject channel(JsonObject state, String id) {
    for (var channel : state.getAsJsonArray("channels")) {
      if (channel.getAsJsonObject().get("id").getAsString().equals(id)) {
        return channel.getAsJsonObject();
      }
    }
    throw new AssertionError("no channel " + id);
  }
}

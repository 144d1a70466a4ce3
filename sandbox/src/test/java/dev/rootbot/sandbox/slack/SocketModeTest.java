package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.request.EventsApiEnvelope;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.socket_mode.response.MessagePayload;
import com.slack.api.socket_mode.response.MessageResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Socket Mode, driven by the Slack SDK's own Socket Mode client (Java-WebSocket backend) and by Bolt's SocketModeApp. */
class SocketModeTest {
  SlackWorkspace workspace;
  Slack slack;

  @BeforeEach
  void start() {
    workspace = SlackWorkspace.onFreePort();
    slack = SlackClients.slack(workspace);
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    workspace.close();
  }

  @Test
  void apps_connections_open_takes_the_app_token_and_hands_out_a_websocket_url() throws Exception {
    AppsConnectionsOpenResponse opened = slack.methods(workspace.appToken()).appsConnectionsOpen(r -> r);
    AppsConnectionsOpenResponse withBotToken = slack.methods(workspace.botToken()).appsConnectionsOpen(r -> r);

    assertThat(opened.getUrl()).startsWith("ws://127.0.0.1:" + workspace.port() + "/link/?ticket=");
    assertThat(withBotToken.getError()).isEqualTo("not_allowed_token_type");
  }

  @Test
  void the_sdk_client_gets_hello_then_a_slash_command_envelope_whose_ack_comes_back_to_the_sender() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    try (SocketModeClient client = slack.socketMode(workspace.appToken(), SocketModeClient.Backend.JavaWebSocket)) {
      client.addWebSocketMessageListener(received::add);
      client.addSlashCommandsEnvelopeListener(envelope -> client.sendSocketModeResponse(MessageResponse.builder()
          .envelopeId(envelope.getEnvelopeId()).payload(MessagePayload.builder().text("Filed request 7").build())
          .build()));
      client.connect();
      workspace.awaitSocketMode(Duration.ofSeconds(10));

      BotResponse response = workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

      assertThat(response.transport()).isEqualTo(BotResponse.Transport.SOCKET_MODE);
      assertThat(response.acknowledged()).isTrue();
      assertThat(JsonParser.parseString(response.body()).getAsJsonObject().get("text").getAsString())
          .isEqualTo("Filed request 7");
      assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text).containsExactly("Filed request 7");
      JsonObject hello = JsonParser.parseString(received.get(0)).getAsJsonObject();
      assertThat(hello.get("type").getAsString()).isEqualTo("hello");
      assertThat(hello.getAsJsonObject("connection_info").get("app_id").getAsString()).isEqualTo("A0ROOTBOT");
      JsonObject envelope = JsonParser.parseString(received.get(1)).getAsJsonObject();
      assertThat(envelope.get("type").getAsString()).isEqualTo("slash_commands");
      assertThat(envelope.get("accepts_response_payload").getAsBoolean()).isTrue();
      assertThat(envelope.getAsJsonObject("payload").get("command").getAsString()).isEqualTo("/root");
      assertThat(envelope.getAsJsonObject("payload").get("user_id").getAsString()).isEqualTo(ALICE.id());
      assertThat(response.request().body()).isEqualTo(received.get(1));
    }
  }

  @Test
  void an_envelope_the_client_does_not_acknowledge_times_out_and_the_command_fails() throws Exception {
    try (SocketModeClient client = slack.socketMode(workspace.appToken(), SocketModeClient.Backend.JavaWebSocket)) {
      client.connect();
      workspace.awaitSocketMode(Duration.ofSeconds(10));
      workspace.ackTimeout(Duration.ofMillis(300));

      BotResponse response = workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

      assertThat(response.timedOut()).isTrue();
      assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text)
          .containsExactly("/root failed with the error \"operation_timeout\"");
    }
  }

  @Test
  void a_redelivered_event_carries_its_retry_attempt_in_the_envelope() throws Exception {
    List<EventsApiEnvelope> events = new CopyOnWriteArrayList<>();
    try (SocketModeClient client = slack.socketMode(workspace.appToken(), SocketModeClient.Backend.JavaWebSocket)) {
      client.addEventsApiEnvelopeListener(envelope -> {
        events.add(envelope);
        client.sendSocketModeResponse(new AckResponse(envelope.getEnvelopeId()));
      });
      client.connect();
      workspace.awaitSocketMode(Duration.ofSeconds(10));
      BotResponse first = workspace.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> status");

      BotResponse retry = workspace.redeliver(first.request().eventId().orElseThrow(), 2, "http_timeout");

      assertThat(first.acknowledged()).isTrue();
      assertThat(retry.acknowledged()).isTrue();
      assertThat(first.body()).isEmpty();
      assertThat(events).hasSize(2);
      assertThat(events.get(0).getAcceptsResponsePayload()).isFalse();
      assertThat(events.get(1).getRetryAttempt()).isEqualTo(2);
      assertThat(events.get(1).getRetryReason()).isEqualTo("http_timeout");
      assertThat(events.get(1).getPayload().getAsJsonObject().get("event_id").getAsString())
          .isEqualTo(first.request().eventId().orElseThrow());
    }
  }

  @Test
  void a_bolt_app_on_socket_mode_handles_a_command_a_click_and_a_mention() throws Exception {
    App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(workspace.botToken()).build());
    app.command("/root", (req, ctx) -> {
      ctx.client().chatPostMessage(r -> r.channel(req.getPayload().getChannelId())
          .text("Request from " + req.getPayload().getUserId())
          .blocksAsString("[{\"type\":\"actions\",\"block_id\":\"decision\",\"elements\":[{\"type\":\"button\","
              + "\"action_id\":\"approve\",\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"},\"value\":\"7\"}]}]"));
      return ctx.ack("Filed");
    });
    app.blockAction("approve", (req, ctx) -> {
      ctx.client().chatUpdate(r -> r.channel(req.getPayload().getChannel().getId())
          .ts(req.getPayload().getMessage().getTs()).text("Approved by " + req.getPayload().getUser().getId())
          .blocksAsString("[]"));
      return ctx.ack();
    });
    app.event(AppMentionEvent.class, (event, ctx) -> {
      ctx.client().chatPostMessage(r -> r.channel(event.getEvent().getChannel()).threadTs(event.getEvent().getTs())
          .text("Seen"));
      return ctx.ack();
    });
    SocketModeApp socketMode = new SocketModeApp(workspace.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
    try {
      socketMode.startAsync();
      workspace.awaitSocketMode(Duration.ofSeconds(10));

      BotResponse command = workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);
      Message card = workspace.awaitMessage(INCIDENT_42, m -> m.text().equals("Request from U0ALICE00"),
          Duration.ofSeconds(5));
      BotResponse click = workspace.as(BOB).click(INCIDENT_42, card.ts(), "approve");
      BotResponse mention = workspace.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> hello");

      assertThat(List.of(command, click, mention)).allMatch(BotResponse::acknowledged)
          .allMatch(r -> r.transport() == BotResponse.Transport.SOCKET_MODE);
      assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text).containsExactly("Filed");
      assertThat(workspace.message(INCIDENT_42, card.ts()).orElseThrow().text()).isEqualTo("Approved by U0BOB0000");
      String mentionTs = workspace.messages(INCIDENT_42).stream().filter(m -> m.text().contains("hello"))
          .findFirst().orElseThrow().ts();
      assertThat(workspace.awaitReply(INCIDENT_42, mentionTs, m -> m.text().equals("Seen"), Duration.ofSeconds(5))
          .fromBot()).isTrue();
    } finally {
      socketMode.close();
    }
  }
}

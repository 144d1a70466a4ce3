package dev.rootbot.sandbox.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small Bolt app shaped like Rootbot, served over HTTP: {@code /root …} posts a card with Approve and
 * Deny, Approve updates the card, answers the approver and replies "Succeeded" in the thread, Deny opens a
 * form for the reason (the card's channel and ts in its private metadata) and puts the reason on the card;
 * {@code /root} alone opens a form that wants a reason of ten characters or more.
 */
final class ExampleBot implements AutoCloseable {
  static final String CARD = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"%s asks to unlock a bucket\"}},"
      + "{\"type\":\"actions\",\"block_id\":\"decision\",\"elements\":["
      + "{\"type\":\"button\",\"action_id\":\"approve\",\"style\":\"primary\",\"value\":\"req-7\","
      + "\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"},\"confirm\":{\"title\":{\"type\":\"plain_text\","
      + "\"text\":\"Sure?\"},\"text\":{\"type\":\"plain_text\",\"text\":\"Root for 15 minutes\"},"
      + "\"confirm\":{\"type\":\"plain_text\",\"text\":\"Approve\"},\"deny\":{\"type\":\"plain_text\",\"text\":\"No\"}}},"
      + "{\"type\":\"button\",\"action_id\":\"deny\",\"value\":\"req-7\",\"text\":{\"type\":\"plain_text\",\"text\":\"Deny\"}}]}]";
  static final String FORM = "{\"type\":\"modal\",\"callback_id\":\"root_form\",\"title\":{\"type\":\"plain_text\","
      + "\"text\":\"Root task\"},\"submit\":{\"type\":\"plain_text\",\"text\":\"Request\"},\"blocks\":[{\"type\":\"input\","
      + "\"block_id\":\"reason_block\",\"label\":{\"type\":\"plain_text\",\"text\":\"Reason\"},\"element\":"
      + "{\"type\":\"plain_text_input\",\"action_id\":\"reason\"}}]}";

  static final String DENY_FORM = "{\"type\":\"modal\",\"callback_id\":\"deny_form\",\"private_metadata\":\"%s\","
      + "\"title\":{\"type\":\"plain_text\",\"text\":\"Deny req-7\"},\"submit\":{\"type\":\"plain_text\","
      + "\"text\":\"Deny\"},\"blocks\":[{\"type\":\"input\",\"block_id\":\"deny_reason\",\"label\":"
      + "{\"type\":\"plain_text\",\"text\":\"Why not?\"},\"element\":{\"type\":\"plain_text_input\","
      + "\"action_id\":\"reason\",\"multiline\":true}}]}";

  final AtomicReference<String> lastCommandText = new AtomicReference<>();
  private final Slack slack;
  private final BoltOverHttp server;

  /** Starts the bot against the Web API at {@code apiUrl}, as {@code SLACK_API_URL} would point it. */
  static ExampleBot start(String apiUrl, String botToken, String signingSecret) {
    return new ExampleBot(apiUrl, botToken, signingSecret);
  }

  private ExampleBot(String apiUrl, String botToken, String signingSecret) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    config.setFailOnUnknownProperties(true);
    slack = Slack.getInstance(config);
    App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(botToken).signingSecret(signingSecret)
        .build());
    app.command("/root", (req, ctx) -> {
      String text = req.getPayload().getText();
      lastCommandText.set(text);
      if (text == null) {
        ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).viewAsString(FORM));
        return ctx.ack();
      }
      ctx.client().chatPostMessage(r -> r.channel(req.getPayload().getChannelId()).text("Approval needed")
          .blocksAsString(String.format(CARD, "<@" + req.getPayload().getUserId() + ">")));
      return ctx.ack("Request filed");
    });
    app.blockAction("approve", (req, ctx) -> {
      String channel = req.getPayload().getChannel().getId();
      String ts = req.getPayload().getMessage().getTs();
      ctx.client().chatUpdate(r -> r.channel(channel).ts(ts).text("Approved by <@" + req.getPayload().getUser().getId()
          + ">").blocksAsString("[]"));
      ctx.respond("You approved " + req.getPayload().getActions().get(0).getValue());
      ctx.client().chatPostMessage(r -> r.channel(channel).threadTs(ts).text("Succeeded"));
      return ctx.ack();
    });
    app.blockAction("deny", (req, ctx) -> {
      String where = req.getPayload().getChannel().getId() + " " + req.getPayload().getMessage().getTs();
      ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId())
          .viewAsString(String.format(DENY_FORM, where)));
      return ctx.ack();
    });
    app.viewSubmission("deny_form", (req, ctx) -> {
      String[] where = req.getPayload().getView().getPrivateMetadata().split(" ");
      String reason = req.getPayload().getView().getState().getValues().get("deny_reason").get("reason").getValue();
      ctx.client().chatUpdate(r -> r.channel(where[0]).ts(where[1]).text("Denied by <@"
          + req.getPayload().getUser().getId() + ">: " + reason).blocksAsString("[]"));
      return ctx.ack();
    });
    app.viewSubmission("root_form", (req, ctx) -> {
      String reason = req.getPayload().getView().getState().getValues().get("reason_block").get("reason").getValue();
      return reason.length() < 10 ? ctx.ack(r -> r.responseAction("errors").errors(Map.of("reason_block", "Say more")))
          : ctx.ack();
    });
    app.event(AppMentionEvent.class, (event, ctx) -> ctx.ack());
    server = new BoltOverHttp(app);
  }

  URI eventsUrl() {
    return server.eventsUrl();
  }

  @Override
  public void close() {
    server.close();
    try {
      slack.close();
    } catch (Exception e) {
      throw new IllegalStateException("the Slack client did not close", e);
    }
  }
}

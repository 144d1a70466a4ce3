package dev.rootbot.sandbox.slack.page;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.view.ViewState;
import dev.rootbot.sandbox.slack.BoltOverHttp;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bolt app that stands in for Rootbot, with the same blocks: {@code /root unlock …} posts the approval card,
 * Approve (after its confirm dialog) updates the card in place and replies in its thread, Deny asks for a reason
 * in a form and then ends it, Cancel ends it, {@code /root help} and anything it does not understand answer only the sender, {@code /root} alone opens
 * the form, and a mention is answered in a thread. It records who clicked what.
 */
final class FakeRootbot implements AutoCloseable {
  static final String SECRET = "fake-rootbot-signing-secret";
  static final List<String[]> ACCOUNTS = List.of(new String[] {"prod-payments", "222222222222"},
      new String[] {"prod-data", "333333333333"}, new String[] {"dev-playground", "444444444444"},
      new String[] {"security-tooling", "555555555555"});
  static final String FORM = """
      {"type":"modal","callback_id":"root_form","title":{"type":"plain_text","text":"Ask for a root task"},
       "submit":{"type":"plain_text","text":"Ask"},"close":{"type":"plain_text","text":"Cancel"},
       "blocks":[
        {"type":"section","text":{"type":"mrkdwn","text":"Someone else approves it, and the root session can do *only this task*."}},
        {"type":"input","block_id":"task_block","label":{"type":"plain_text","text":"Task"},
         "element":{"type":"static_select","action_id":"task","placeholder":{"type":"plain_text","text":"Choose a task"},
          "options":[{"text":{"type":"plain_text","text":"Unlock a bucket"},"value":"unlock bucket"},
                     {"text":{"type":"plain_text","text":"Unlock a queue"},"value":"unlock queue"},
                     {"text":{"type":"plain_text","text":"Audit root credentials"},"value":"audit account"}]}},
        {"type":"input","block_id":"account_block","label":{"type":"plain_text","text":"Account"},
         "hint":{"type":"plain_text","text":"Type part of its name or ID"},
         "element":{"type":"external_select","action_id":"account","min_query_length":1,
          "placeholder":{"type":"plain_text","text":"Find an account"}}},
        {"type":"input","block_id":"resource_block","optional":true,"label":{"type":"plain_text","text":"Bucket or queue"},
         "hint":{"type":"plain_text","text":"Leave it empty for an audit"},
         "element":{"type":"plain_text_input","action_id":"resource","placeholder":{"type":"plain_text","text":"payments-audit-logs"}}},
        {"type":"input","block_id":"reason_block","label":{"type":"plain_text","text":"Reason"},
         "hint":{"type":"plain_text","text":"Approvers read this"},
         "element":{"type":"plain_text_input","action_id":"reason","multiline":true}}]}
      """;

  private final Slack slack;
  private final BoltOverHttp server;
  private final ExecutorService work = Executors.newSingleThreadExecutor();
  private final List<String> clicks = new CopyOnWriteArrayList<>();
  private final Map<String, String> requesters = new ConcurrentHashMap<>();
  private final Map<String, String> summaries = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  static FakeRootbot start(SlackWorkspace workspace) {
    FakeRootbot bot = new FakeRootbot(workspace.apiUrl(), workspace.botToken());
    workspace.connectBot(bot.eventsUrl(), SECRET);
    return bot;
  }

  private FakeRootbot(String apiUrl, String botToken) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(botToken).signingSecret(SECRET).build());
    app.command("/root", (req, ctx) -> {
      var payload = req.getPayload();
      String text = payload.getText() == null ? "" : payload.getText().strip();
      if (text.isEmpty()) {
        ctx.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).viewAsString(FORM));
        return ctx.ack();
      }
      if (text.equals("help")) {
        return ctx.ack(":information_source: *Rootbot* runs one AWS root task after someone else approves it.\n"
            + "• `/root unlock bucket NAME in account ACCOUNT because REASON`\n• `/root audit account ACCOUNT`");
      }
      if (!text.startsWith("unlock bucket ")) {
        return ctx.ack(":warning: I did not understand `" + text + "`. Try `/root help`.");
      }
      String bucket = text.split(" ")[2];
      String reason = text.contains(" because ") ? text.substring(text.indexOf(" because ") + 9) : "none";
      fileRequest(payload.getChannelId(), payload.getUserId(), "unlock bucket " + bucket, bucket, ACCOUNTS.get(0), reason);
      return ctx.ack();
    });
    app.blockAction("approve", (req, ctx) -> {
      var payload = req.getPayload();
      String who = payload.getUser().getId();
      String request = payload.getActions().get(0).getValue();
      clicks.add("approve " + request + " by " + who);
      String channel = payload.getChannel().getId();
      String ts = payload.getMessage().getTs();
      ctx.client().chatUpdate(r -> r.channel(channel).ts(ts).text("Approved").blocksAsString(
          ended(request, ":white_check_mark: *Approved* by <@" + who + ">; starting the root session…")));
      ctx.client().chatPostMessage(r -> r.channel(channel).threadTs(ts).text("Approved").blocksAsString(section(
          ":white_check_mark: <@" + who + "> approved. Opening a root session in *prod-payments* with"
              + " `S3UnlockBucketPolicy`…")));
      work.execute(() -> call(() -> ctx.client().chatPostMessage(r -> r.channel(channel).threadTs(ts).text("Done")
          .blocksAsString(result(request)))));
      return ctx.ack();
    });
    app.blockAction("deny", (req, ctx) -> {
      var payload = req.getPayload();
      String who = payload.getUser().getId();
      String request = payload.getActions().get(0).getValue();
      clicks.add("deny " + request + " by " + who);
      ctx.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).viewAsString(denyForm(request,
          payload.getChannel().getId(), payload.getMessage().getTs())));
      return ctx.ack();
    });
    app.viewSubmission("deny_form", (req, ctx) -> {
      String[] denied = req.getPayload().getView().getPrivateMetadata().split(" ");
      String reason = req.getPayload().getView().getState().getValues().get("deny_block").get("reason").getValue();
      String who = req.getPayload().getUser().getId();
      work.execute(() -> call(() -> slack.methods(SlackWorkspace.BOT_TOKEN).chatUpdate(r -> r.channel(denied[1])
          .ts(denied[2]).text("Denied").blocksAsString(ended(denied[0], ":no_entry: *Denied* by <@" + who + ">: "
              + reason + ". Nothing was run.")))));
      return ctx.ack();
    });
    app.blockAction("cancel", (req, ctx) -> {
      var payload = req.getPayload();
      String who = payload.getUser().getId();
      String request = payload.getActions().get(0).getValue();
      clicks.add("cancel " + request + " by " + who);
      if (!who.equals(requesters.get(request))) {
        ctx.client().chatPostEphemeral(r -> r.channel(payload.getChannel().getId()).user(who)
            .text(":no_entry: Only <@" + requesters.get(request) + "> can cancel this request."));
      } else {
        ctx.client().chatUpdate(r -> r.channel(payload.getChannel().getId()).ts(payload.getMessage().getTs())
            .text("Cancelled").blocksAsString(ended(request, ":heavy_multiplication_x: *Cancelled* by <@" + who
                + ">. Nothing was run.")));
      }
      return ctx.ack();
    });
    app.blockSuggestion("account", (req, ctx) -> {
      String typed = req.getPayload().getValue().toLowerCase();
      List<Option> options = ACCOUNTS.stream().filter(a -> a[0].contains(typed) || a[1].contains(typed))
          .map(a -> new Option(PlainTextObject.builder().text(a[0] + " (" + a[1] + ")").build(), a[1]))
          .toList();
      return ctx.ack(r -> r.options(options));
    });
    app.viewSubmission("root_form", (req, ctx) -> {
      Map<String, Map<String, ViewState.Value>> values = req.getPayload().getView().getState().getValues();
      String reason = values.get("reason_block").get("reason").getValue();
      if (reason == null || reason.strip().length() < 10) {
        return ctx.ack(r -> r.responseAction("errors").errors(Map.of("reason_block",
            "Say why in at least 10 characters.")));
      }
      String task = values.get("task_block").get("task").getSelectedOption().getValue();
      String accountId = values.get("account_block").get("account").getSelectedOption().getValue();
      String resource = values.get("resource_block").get("resource").getValue();
      String[] account = ACCOUNTS.stream().filter(a -> a[1].equals(accountId)).findFirst().orElseThrow();
      String user = req.getPayload().getUser().getId();
      work.execute(() -> fileRequest(SlackWorkspace.INCIDENT_42, user,
          task + (resource == null ? "" : " " + resource), resource == null ? "-" : resource, account, reason));
      return ctx.ack();
    });
    app.event(AppMentionEvent.class, (event, ctx) -> {
      AppMentionEvent mention = event.getEvent();
      String said = mention.getText().replace("<@" + SlackWorkspace.ROOTBOT.id() + ">", "").strip();
      String thread = mention.getThreadTs() != null ? mention.getThreadTs() : mention.getTs();
      String reply = said.equals("status") ? ":mag: No requests are waiting for approval."
          : ":mag: <@" + mention.getUser() + "> said: " + said;
      ctx.client().chatPostMessage(r -> r.channel(mention.getChannel()).threadTs(thread).text(reply));
      return ctx.ack();
    });
    server = new BoltOverHttp(app);
  }

  URI eventsUrl() {
    return server.eventsUrl();
  }

  /** What people clicked, in order: "approve req-1 by U0BOB0000". */
  List<String> clicks() {
    return List.copyOf(clicks);
  }

  void forget() {
    clicks.clear();
    requesters.clear();
    summaries.clear();
    requests.set(0);
  }

  private void fileRequest(String channel, String requester, String summary, String resource, String[] account,
      String reason) {
    String request = "req-" + requests.incrementAndGet();
    requesters.put(request, requester);
    summaries.put(request, summary);
    MethodsClient client = slack.methods(SlackWorkspace.BOT_TOKEN);
    call(() -> client.chatPostMessage(r -> r.channel(channel).text("Root task request " + request)
        .blocksAsString(card(request, requester, summary, resource, account, reason))));
  }

  /** The form Deny opens: the reason, with the request, channel and card in its private metadata. */
  static String denyForm(String request, String channel, String ts) {
    JsonObject form = new JsonObject();
    form.addProperty("type", "modal");
    form.addProperty("callback_id", "deny_form");
    form.addProperty("private_metadata", request + " " + channel + " " + ts);
    form.add("title", text("plain_text", "Deny " + request));
    form.add("submit", text("plain_text", "Deny"));
    JsonObject input = block("input");
    input.addProperty("block_id", "deny_block");
    input.add("label", text("plain_text", "Why not?"));
    JsonObject element = new JsonObject();
    element.addProperty("type", "plain_text_input");
    element.addProperty("action_id", "reason");
    element.addProperty("multiline", true);
    input.add("element", element);
    JsonArray blocks = new JsonArray();
    blocks.add(input);
    form.add("blocks", blocks);
    return form.toString();
  }

  /** The approval card, block for block as Rootbot's {@code Card} draws a request waiting for approval. */
  static String card(String request, String requester, String summary, String resource, String[] account,
      String reason) {
    long expires = Instant.now().plusSeconds(30 * 60).getEpochSecond();
    JsonArray blocks = new JsonArray();
    blocks.add(header("🔐 Root task: " + summary));
    blocks.add(sectionBlock("<@" + requester + "> asks for a root session in *" + account[0] + "* (`" + account[1] + "`)"));
    JsonObject fields = block("section");
    JsonArray list = new JsonArray();
    for (String field : new String[] {"*Task*\n" + summary, "*Task policy*\n`S3UnlockBucketPolicy`",
        "*Account*\n" + account[0] + " (`" + account[1] + "`)", "*Resource*\n`" + resource + "`", "*Region*\nus-east-1",
        "*Requested by*\n<@" + requester + ">"}) {
      list.add(text("mrkdwn", field));
    }
    fields.add("fields", list);
    blocks.add(fields);
    blocks.add(sectionBlock("*Reason*\n>" + reason));
    blocks.add(context(":lock: Root session of at most 15 min, this task only: S3UnlockBucketPolicy allows"
        + " `s3:DeleteBucketPolicy`, `s3:GetBucketPolicy`, `s3:ListAllMyBuckets`, `s3:PutBucketPolicy` · request `"
        + request + "`"));
    blocks.add(context(":warning: Changes are recorded in CloudTrail under the root session's key."));
    blocks.add(block("divider"));
    blocks.add(sectionBlock(":hourglass_flowing_sand: *Waiting for approval* by someone other than <@" + requester
        + ">. Expires <!date^" + expires + "^{date_short_pretty} at {time}|in 30 minutes>."));
    JsonObject actions = block("actions");
    actions.addProperty("block_id", "decision");
    JsonArray buttons = new JsonArray();
    JsonObject approve = button("approve", "Approve", request, "primary");
    JsonObject confirm = new JsonObject();
    confirm.add("title", text("plain_text", "Approve root task?"));
    confirm.add("text", text("mrkdwn", "A root session in *" + account[0] + "* will " + summary
        + ". It can do only this, for at most 15 minutes."));
    confirm.add("confirm", text("plain_text", "Approve"));
    confirm.add("deny", text("plain_text", "Not yet"));
    approve.add("confirm", confirm);
    buttons.add(approve);
    buttons.add(button("deny", "Deny", request, "danger"));
    buttons.add(button("cancel", "Cancel request", request, null));
    actions.add("elements", buttons);
    blocks.add(actions);
    return blocks.toString();
  }

  private String ended(String request, String status) {
    JsonArray blocks = new JsonArray();
    blocks.add(header("🔒 Root task: " + summaries.getOrDefault(request, "unknown request")));
    blocks.add(context("request `" + request + "`"));
    blocks.add(block("divider"));
    blocks.add(sectionBlock(status));
    return blocks.toString();
  }

  /** The result Rootbot replies in the thread: steps, the backup as a code block, CloudTrail links. */
  private static String result(String request) {
    JsonArray blocks = new JsonArray();
    blocks.add(header("✅ Done: unlock bucket payments-audit-logs"));
    blocks.add(sectionBlock("Removed the bucket policy that denied everyone."));
    blocks.add(sectionBlock("*Steps*\n• `s3:GetBucketPolicy` read the policy\n• `s3:DeleteBucketPolicy` removed it"));
    blocks.add(sectionBlock("*Before* (kept as the backup of request `" + request + "`)\n```{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Sid\":\"DenyEveryone\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\"}]}```"));
    blocks.add(sectionBlock("*CloudTrail* (events arrive within minutes)\n• <https://us-east-1.console.aws.amazon.com/"
        + "cloudtrailv2/home?region=us-east-1#/events?AccessKeyId=ASIAEXAMPLEROOTKEY1|Root session events in prod-payments>"));
    blocks.add(context("Root session key `ASIAEXAMPLEROOTKEY1` · took 412 ms"));
    return blocks.toString();
  }

  private static String section(String mrkdwn) {
    JsonArray blocks = new JsonArray();
    blocks.add(sectionBlock(mrkdwn));
    return blocks.toString();
  }

  private static JsonObject header(String plain) {
    JsonObject header = block("header");
    header.add("text", text("plain_text", plain));
    return header;
  }

  private static JsonObject sectionBlock(String mrkdwn) {
    JsonObject section = block("section");
    section.add("text", text("mrkdwn", mrkdwn));
    return section;
  }

  private static JsonObject context(String mrkdwn) {
    JsonObject context = block("context");
    JsonArray elements = new JsonArray();
    elements.add(text("mrkdwn", mrkdwn));
    context.add("elements", elements);
    return context;
  }

  private static JsonObject button(String actionId, String label, String value, String style) {
    JsonObject button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", actionId);
    button.add("text", text("plain_text", label));
    button.addProperty("value", value);
    if (style != null) {
      button.addProperty("style", style);
    }
    return button;
  }

  private static JsonObject block(String type) {
    JsonObject block = new JsonObject();
    block.addProperty("type", type);
    return block;
  }

  private static JsonObject text(String type, String text) {
    JsonObject object = new JsonObject();
    object.addProperty("type", type);
    object.addProperty("text", text);
    if (type.equals("plain_text")) {
      object.addProperty("emoji", true);
    }
    return object;
  }

  private interface SlackCall {
    void run() throws IOException, SlackApiException;
  }

  private static void call(SlackCall call) {
    try {
      call.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SlackApiException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    work.shutdownNow();
    server.close();
    try {
      slack.close();
    } catch (Exception e) {
      throw new IllegalStateException("the Slack client did not close", e);
    }
  }
}

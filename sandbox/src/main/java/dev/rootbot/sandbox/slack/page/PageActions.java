package dev.rootbot.sandbox.slack.page;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.slack.Actor;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.Person;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a person does on the page, done through {@link SlackWorkspace#as(Person)}, so each action reaches the
 * bot signed exactly as Slack sends it. Each takes a JSON object naming the person ({@code as}, a user ID)
 * and answers a JSON object; see {@link SandboxPage} for the list.
 */
final class PageActions {
  private final SlackWorkspace workspace;

  PageActions(SlackWorkspace workspace) {
    this.workspace = workspace;
  }

  /** A message typed in the composer: a mention of the bot is sent as {@code app_mention}, anything else is only posted. */
  JsonObject message(Body body) {
    Actor actor = actor(body);
    String channel = body.string("channel");
    String typed = body.string("text");
    if (typed.isBlank()) {
      throw new IllegalArgumentException("there is nothing to send");
    }
    String text = Typing.message(typed, workspace.people());
    Optional<String> threadTs = body.optional("thread_ts");
    if (text.contains(SlackWorkspace.ROOTBOT.mention())) {
      BotResponse response = threadTs.map(ts -> actor.mention(channel, text, ts))
          .orElseGet(() -> actor.mention(channel, text));
      JsonObject answer = answer(response);
      answer.addProperty("sent", "app_mention");
      return answer;
    }
    Message message = threadTs.map(ts -> actor.say(channel, text, ts)).orElseGet(() -> actor.say(channel, text));
    JsonObject answer = ok();
    answer.addProperty("ts", message.ts());
    answer.addProperty("sent", "nothing");
    return answer;
  }

  /** {@code {command: "/root", text}}, the text as typed. */
  JsonObject command(Body body) {
    return answer(actor(body).slashCommand(body.string("command"), Typing.commandText(body.optional("text").orElse("")),
        body.string("channel")));
  }

  /** A click on a message's button ({@code channel}, {@code ts}) or on one in a modal ({@code view_id}). */
  JsonObject click(Body body) {
    Actor actor = actor(body);
    String actionId = body.string("action_id");
    Optional<String> view = body.optional("view_id");
    if (view.isPresent()) {
      return answer(actor.clickInView(view.get(), actionId));
    }
    return answer(actor.click(body.string("channel"), body.string("ts"), actionId, body.optional("value").orElse(null)));
  }

  /** {@code {view_id, values: {action_id: value}}}. */
  JsonObject submit(Body body) {
    Map<String, String> values = new LinkedHashMap<>();
    body.object("values").entrySet().forEach(e -> values.put(e.getKey(),
        e.getValue().isJsonNull() ? "" : e.getValue().getAsString()));
    return answer(actor(body).submit(body.string("view_id"), values));
  }

  /** What the bot offers for what was typed into an external select: its {@code options} or {@code option_groups}. */
  JsonObject suggest(Body body) {
    BotResponse response = actor(body).suggest(body.string("view_id"), body.string("action_id"),
        body.optional("value").orElse(""));
    JsonObject answer = answer(response);
    JsonObject offered = parse(response.body());
    for (String key : new String[] {"options", "option_groups"}) {
      if (offered.has(key) && offered.get(key).isJsonArray()) {
        answer.add(key, offered.get(key));
      }
    }
    return answer;
  }

  JsonObject close(Body body) {
    Optional<BotResponse> told = actor(body).close(body.string("view_id"));
    return told.map(PageActions::answer).orElseGet(PageActions::ok);
  }

  private Actor actor(Body body) {
    Person person = viewer(workspace, body.string("as"));
    return workspace.as(person);
  }

  /**
   * The person a page request is for, by user ID or name ({@code ?as=bob} reads well in an address): someone in
   * the workspace who can use Slack, not a bot or a deactivated account.
   */
  static Person viewer(SlackWorkspace workspace, String idOrName) {
    Person person = workspace.person(idOrName)
        .or(() -> workspace.people().stream().filter(p -> p.name().equalsIgnoreCase(idOrName)).findFirst())
        .orElseThrow(() -> new IllegalArgumentException("no person " + idOrName + " in the workspace"));
    if (person.isBot() || person.deleted()) {
      throw new IllegalArgumentException("the page acts only as people who can use Slack, not as " + person.name());
    }
    return person;
  }

  private static JsonObject answer(BotResponse response) {
    JsonObject answer = ok();
    answer.addProperty("acknowledged", response.acknowledged());
    answer.addProperty("status", response.status());
    answer.addProperty("body", response.body());
    return answer;
  }

  private static JsonObject ok() {
    JsonObject ok = new JsonObject();
    ok.addProperty("ok", true);
    return ok;
  }

  private static JsonObject parse(String text) {
    try {
      JsonElement parsed = JsonParser.parseString(text);
      return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
    } catch (JsonParseException e) {
      return new JsonObject();
    }
  }

  /** A request's JSON body, with the refusals a missing field deserves. */
  record Body(JsonObject json) {
    static Body parse(byte[] bytes) {
      JsonObject json = PageActions.parse(new String(bytes, StandardCharsets.UTF_8));
      return new Body(json);
    }

    String string(String key) {
      return optional(key).orElseThrow(() -> new IllegalArgumentException("the request needs " + key));
    }

    Optional<String> optional(String key) {
      JsonElement value = json.get(key);
      return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString()) : Optional.empty();
    }

    JsonObject object(String key) {
      JsonElement value = json.get(key);
      return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
    }
  }
}

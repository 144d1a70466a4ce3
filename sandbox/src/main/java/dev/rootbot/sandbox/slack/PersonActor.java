package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/** A person's actions, turned into the requests Slack sends and the effects Slack applies. */
final class PersonActor implements Actor {
  private final Person person;
  private final Signing signing;
  private final Parts parts;
  private final AckEffects effects;

  PersonActor(Person person, Signing signing, Parts parts) {
    this.person = person;
    this.signing = signing;
    this.parts = parts;
    this.effects = new AckEffects(parts);
  }

  @Override
  public Person person() {
    return person;
  }

  @Override
  public Actor signing(Signing newSigning) {
    return new PersonActor(person, newSigning, parts);
  }

  @Override
  public BotResponse slashCommand(String command, String text, String channel) {
    if (!command.matches("/[^\\s/]+")) {
      throw new IllegalArgumentException("a slash command is / and a word: " + command);
    }
    Channel where = channel(channel);
    String responseUrl = parts.responseUrls().issue(new MessageResponses.Target(where.id(), person.id(), Optional.empty()));
    JsonObject payload = parts.payloads().slashCommand(person, where, command, text, responseUrl,
        parts.triggers().issue(person.id()));
    BotResponse response = parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.SLASH_COMMAND, payload), signing);
    effects.afterCommand(person, where, command, text, response);
    return response;
  }

  @Override
  public BotResponse mention(String channel, String text) {
    return mention(channel, text, Optional.empty());
  }

  @Override
  public BotResponse mention(String channel, String text, String threadTs) {
    return mention(channel, text, Optional.of(threadTs));
  }

  private BotResponse mention(String channel, String text, Optional<String> threadTs) {
    Channel where = channel(channel);
    Person bot = parts.directory().bot();
    if (!text.contains(bot.mention())) {
      throw new IllegalArgumentException("Slack sends app_mention only for text that mentions " + bot.mention() + ": "
          + text);
    }
    Message message = post(where, text, threadTs);
    Optional<String> parentUser = message.threadTs().flatMap(ts -> parts.state().message(where.id(), ts))
        .map(Message::user);
    return sendEvent(Payloads.appMention(message, parts.ids().uuid(), parentUser));
  }

  @Override
  public Message say(String channel, String text) {
    return say(channel, text, Optional.empty());
  }

  @Override
  public Message say(String channel, String text, String threadTs) {
    return say(channel, text, Optional.of(threadTs));
  }

  private Message say(String channel, String text, Optional<String> threadTs) {
    Channel where = channel(channel);
    Person bot = parts.directory().bot();
    if (text.contains(bot.mention())) {
      throw new IllegalArgumentException("this text mentions " + bot.mention() + ", so Slack would send app_mention:"
          + " use mention");
    }
    return post(where, text, threadTs);
  }

  /** Posts what the person typed, in the channel or in the thread of the message {@code threadTs}. */
  private Message post(Channel where, String text, Optional<String> threadTs) {
    Optional<Message> parent = threadTs.map(ts -> parts.state().message(where.id(), ts).orElseThrow(
        () -> new IllegalArgumentException("no message " + ts + " in " + where.id() + " to reply to")));
    Optional<String> root = parent.map(p -> p.threadTs().orElse(p.ts()));
    Message message = Message.of(where.id(), parts.ids().nextTs(), person, text,
        Json.write(RichText.blocks(text, parts.ids().shortId())), root, false, Via.PERSON);
    parts.state().post(message);
    return message;
  }

  @Override
  public BotResponse click(String channel, String messageTs, String actionId) {
    return click(channel, messageTs, actionId, null);
  }

  @Override
  public BotResponse click(String channel, String messageTs, String actionId, String value) {
    Channel where = channel(channel);
    Optional<Message> message = parts.state().message(where.id(), messageTs);
    Optional<Ephemeral> ephemeral = parts.state().ephemeral(person.id(), messageTs)
        .filter(e -> e.channel().equals(where.id()));
    if (message.isEmpty() && ephemeral.isEmpty()) {
      throw new IllegalArgumentException(person.name() + " sees no message " + messageTs + " in " + where.id());
    }
    String blocks = message.map(Message::blocksJson).orElseGet(() -> ephemeral.orElseThrow().blocksJson());
    BlockKit.Element element = element(blocks, actionId, "message " + messageTs);
    Optional<String> threadTs = message.isPresent()
        ? message.get().threadTs()
        : ephemeral.orElseThrow().threadTs();
    String responseUrl = parts.responseUrls().issue(new MessageResponses.Target(where.id(), person.id(),
        Optional.of(new MessageResponses.Original(messageTs, message.isEmpty()))));
    JsonObject payload = parts.payloads().blockActions(person, where, messageTs, threadTs, message, element,
        valueOf(element, value), responseUrl, parts.triggers().issue(person.id()), parts.ids().nextTs());
    return parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.INTERACTIVE, payload), signing);
  }

  @Override
  public BotResponse forgedClick(String channel, String messageTs, String actionId, String value) {
    Channel where = parts.directory().channel(channel).orElseGet(() -> Channel.publicChannel(channel, channel));
    Optional<Message> message = parts.state().message(where.id(), messageTs);
    BlockKit.Element element = message.flatMap(m -> BlockKit.element(m.blocksJson(), actionId))
        .orElseGet(() -> forgedButton(actionId));
    String responseUrl = parts.responseUrls().issue(new MessageResponses.Target(where.id(), person.id(),
        Optional.of(new MessageResponses.Original(messageTs, message.isEmpty()))));
    JsonObject payload = parts.payloads().blockActions(person, where, messageTs,
        message.flatMap(Message::threadTs), message, element, value, responseUrl, parts.triggers().issue(person.id()),
        parts.ids().nextTs());
    return parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.INTERACTIVE, payload), signing);
  }

  private BlockKit.Element forgedButton(String actionId) {
    JsonObject button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", actionId);
    JsonObject text = new JsonObject();
    text.addProperty("type", "plain_text");
    text.addProperty("text", actionId);
    button.add("text", text);
    return new BlockKit.Element(parts.ids().shortId(), "actions", button);
  }

  @Override
  public BotResponse clickInView(String viewId, String actionId) {
    View view = openView(viewId);
    BlockKit.Element element = element(view.blocksJson(), actionId, "view " + viewId);
    JsonObject payload = parts.payloads().blockActionsInView(person, view, element, valueOf(element, null),
        parts.triggers().issue(person.id()), parts.ids().nextTs());
    return parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.INTERACTIVE, payload), signing);
  }

  @Override
  public BotResponse submit(String viewId, Map<String, String> values) {
    View view = openView(viewId);
    if (!parts.state().viewsFor(person.id()).get(0).id().equals(viewId)) {
      throw new IllegalArgumentException("only the view in front can be submitted, not " + viewId);
    }
    JsonObject state = ViewInputs.values(view.blocksJson(), values);
    JsonObject payload = parts.payloads().viewSubmission(person, view, state, parts.triggers().issue(person.id()));
    BotResponse response = parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.INTERACTIVE, payload), signing);
    effects.afterSubmission(view, response);
    return response;
  }

  @Override
  public Optional<BotResponse> close(String viewId) {
    View view = openView(viewId);
    parts.state().close(view.id());
    if (!Json.bool(view.object(), "notify_on_close")) {
      return Optional.empty();
    }
    JsonObject payload = parts.payloads().viewClosed(person, view);
    return Optional.of(parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.INTERACTIVE, payload), signing));
  }

  @Override
  public BotResponse suggest(String viewId, String actionId, String typed) {
    View view = openView(viewId);
    BlockKit.Element element = element(view.blocksJson(), actionId, "view " + viewId);
    if (!element.type().contains("external_select")) {
      throw new IllegalArgumentException("only an external select asks the bot for options; " + actionId + " is a "
          + element.type());
    }
    JsonObject payload = parts.payloads().blockSuggestion(person, view, element, typed);
    return parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.INTERACTIVE, payload), signing);
  }

  @Override
  public BotResponse react(String channel, String messageTs, String emoji) {
    Channel where = channel(channel);
    Message item = parts.state().message(where.id(), messageTs).orElseThrow(
        () -> new IllegalArgumentException("no message " + messageTs + " in " + where.id() + " to react to"));
    return sendEvent(Payloads.reactionAdded(person.id(), item, emoji, parts.ids().nextTs()));
  }

  private BotResponse sendEvent(JsonObject event) {
    JsonObject payload = parts.payloads().eventCallback(event, parts.ids().eventId(),
        parts.clock().instant().getEpochSecond());
    return parts.dispatcher().deliver(Outgoing.of(Outgoing.Kind.EVENT, payload), signing);
  }

  private Channel channel(String id) {
    return parts.directory().channel(id).orElseThrow(
        () -> new IllegalArgumentException("no channel " + id + " in the workspace; it has "
            + parts.directory().channels().stream().map(Channel::id).toList()));
  }

  private View openView(String viewId) {
    return parts.state().view(viewId).filter(v -> v.user().equals(person.id())).orElseThrow(
        () -> new IllegalArgumentException(person.name() + " has no view " + viewId + " open; they have "
            + parts.state().viewsFor(person.id()).stream().map(View::id).toList()));
  }

  private static BlockKit.Element element(String blocksJson, String actionId, String where) {
    return BlockKit.element(blocksJson, actionId).orElseThrow(() -> new IllegalArgumentException(
        "no element with action ID " + actionId + " in " + where + "; it has " + BlockKit.actionIds(blocksJson)));
  }

  /** The value a click sends: the one given, or a button's own. */
  private static String valueOf(BlockKit.Element element, String given) {
    return given != null ? given : Json.string(element.json(), "value").orElse(null);
  }
}

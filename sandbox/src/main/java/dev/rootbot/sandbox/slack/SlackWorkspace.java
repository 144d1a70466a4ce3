package dev.rootbot.sandbox.slack;

import dev.rootbot.sandbox.slack.page.SandboxPage;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Slack workspace on one local HTTP port, for a bot to talk to as it talks to Slack: the Web API at
 * {@link #apiUrl()}, {@code response_url}s, Socket Mode, and people who send the bot signed slash
 * commands, clicks, form submissions and mentions ({@link #as(Person)}). It records every call and
 * holds what people would see, for tests to read and wait on.
 *
 * <pre>{@code
 * try (SlackWorkspace slack = SlackWorkspace.onFreePort()) {
 *   URI bot = startBot(slack.apiUrl(), slack.botToken(), SlackWorkspace.SIGNING_SECRET); // the bot under test
 *   slack.connectBot(bot, SlackWorkspace.SIGNING_SECRET);
 *
 *   slack.as(ALICE).slashCommand("/root", "unlock bucket payments-audit-logs in account 222222222222"
 *       + " because the auditors are locked out", INCIDENT_42);
 *   Message card = slack.awaitMessage(INCIDENT_42, m -> m.actionIds().contains("approve"), Duration.ofSeconds(5));
 *   slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
 *   Message outcome = slack.awaitReply(INCIDENT_42, card.ts(), m -> m.allText().contains("Succeeded"),
 *       Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>The same port serves the sandbox page ({@link SandboxPage}) at {@link #baseUrl()}: a browser page that
 * looks like a Slack channel, where anyone can act as anyone, so only for the sandbox. Its AWS panel reads
 * the simulated AWS that {@link #showAws(URI)} names.
 *
 * <p>This class is the one entry point, so it is long in methods but each one delegates to a
 * package-private part. Thread-safe.
 */
public final class SlackWorkspace implements AutoCloseable {
  public static final String TEAM_ID = "T0SANDBOX";
  public static final String TEAM_NAME = "Rootbot Sandbox";
  public static final String TEAM_DOMAIN = "rootbot-sandbox";
  /** The Rootbot app's ID ({@code api_app_id} in every payload). */
  public static final String APP_ID = "A0ROOTBOT";
  /** The bot token ({@code SLACK_BOT_TOKEN}); acts as {@link #ROOTBOT}. */
  public static final String BOT_TOKEN = "xoxb-sandbox-0000000000-rootbot";
  /** The app-level token ({@code SLACK_APP_TOKEN}) that opens Socket Mode connections. */
  public static final String APP_TOKEN = "xapp-1-A0ROOTBOT-sandbox-rootbot";
  /**
   * A workspace admin's user token, which only tests hold: it may change user groups through the Web API
   * ({@code usergroups.users.update}), which the bot token may not.
   */
  public static final String ADMIN_TOKEN = "xoxp-sandbox-0000000000-admin";
  /** The signing secret of sandbox mode ({@code SLACK_SIGNING_SECRET}); tests may connect the bot with another. */
  public static final String SIGNING_SECRET = "sandbox-signing-secret-0000000000";
  /** The deprecated verification token Slack still puts in payloads as {@code token}. */
  public static final String VERIFICATION_TOKEN = "sandboxVerificationToken000";

  public static final Person ROOTBOT = Person.bot("U0ROOTBOT", "rootbot", "Rootbot", "B0ROOTBOT");
  public static final Person ALICE = Person.member("U0ALICE00", "alice", "Alice Archer").titled("Engineer");
  public static final Person BOB = Person.member("U0BOB0000", "bob", "Bob Baker").titled("Approver");
  public static final Person CAROL = Person.member("U0CAROL00", "carol", "Carol Chen").titled("Approver (group)");
  public static final Person DAVE = Person.member("U0DAVE000", "dave", "Dave Doyle").titled("Contractor").asGuest();
  public static final Person ERIN = Person.member("U0ERIN000", "erin", "Erin Evans").titled("Former").deactivated();
  /** The user group whose members may approve: Carol. */
  public static final String APPROVERS = "S0APPROVE";
  public static final String INCIDENT_42 = "C0INCIDENT";
  public static final String PLATFORM = "C0PLATFORM";
  /** The largest file the workspace keeps (in memory); Slack's own limit is 1 GB. */
  public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

  private final Parts parts;
  private final WebApiFaults faults;
  private final SocketMode socketMode;
  private final SlackJson json;
  private final SandboxPage page;
  private final Javalin server;
  private final String baseUrl;

  private SlackWorkspace(int port, Clock clock) {
    AtomicReference<String> base = new AtomicReference<>();
    Directory directory = seeded();
    WorkspaceState state = new WorkspaceState();
    Ids ids = new Ids(clock);
    json = new SlackJson(directory, state, clock, base::get);
    faults = new WebApiFaults();
    socketMode = new SocketMode(ids, clock, base::get);
    Triggers triggers = new Triggers(ids, clock);
    ChatMethods chat = new ChatMethods(directory, state, ids, json, clock);
    ViewMethods views = new ViewMethods(state, triggers, ids, json);
    MessageResponses responses = new MessageResponses(directory, state, chat, ids, clock);
    ResponseUrls responseUrls = new ResponseUrls(responses, state, ids, clock, base::get);
    parts = new Parts(directory, state, ids, clock, triggers, responseUrls, responses, chat, views, new Payloads(json),
        new Dispatcher(socketMode, clock));
    WebApi api = new WebApi(state, faults, clock, BOT_TOKEN, APP_TOKEN, ADMIN_TOKEN);
    chat.registerOn(api);
    views.registerOn(api);
    new DirectoryMethods(directory, state, json).registerOn(api);
    new ConversationMethods(directory, state, json).registerOn(api);
    FileMethods files = new FileMethods(directory, state, chat, ids, json, clock, base::get);
    files.registerOn(api);
    socketMode.registerOn(api);
    page = new SandboxPage(this);
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      // Uploaded files are held in memory; Javalin's own limit (1 MB) would refuse a large report.
      config.http.maxRequestSize = MAX_FILE_BYTES;
      config.routes.post("/api/{method}", api::handle);
      config.routes.get("/api/{method}", api::handle);
      config.routes.post("/respond/{id}", responseUrls::handle);
      config.routes.post("/upload/v1/{key}", files::upload);
      config.routes.get("/files-pri/{file}/{name}", ctx -> files.serve(ctx, BOT_TOKEN));
      config.routes.get("/files-pri/{file}/download/{name}", ctx -> files.serve(ctx, BOT_TOKEN));
      config.routes.ws("/link", socketMode::configure);
      page.registerOn(config.routes);
    }).start("127.0.0.1", port);
    baseUrl = "http://127.0.0.1:" + server.port();
    base.set(baseUrl);
  }

  private static Directory seeded() {
    Directory directory = new Directory(ROOTBOT);
    List.of(ALICE, BOB, CAROL, DAVE, ERIN).forEach(directory::add);
    directory.add(new UserGroup(APPROVERS, "rootbot-approvers", "Rootbot approvers", List.of(CAROL.id())));
    directory.add(Channel.publicChannel(INCIDENT_42, "incident-42"));
    directory.add(Channel.publicChannel(PLATFORM, "platform"));
    return directory;
  }

  /** The seeded workspace on a free port. */
  public static SlackWorkspace onFreePort() {
    return start(0, Clock.systemUTC());
  }

  public static SlackWorkspace onPort(int port) {
    return start(port, Clock.systemUTC());
  }

  /** The seeded workspace on {@code port} (0 for a free one), telling time by {@code clock}. */
  public static SlackWorkspace start(int port, Clock clock) {
    return new SlackWorkspace(port, clock);
  }

  // ---- where it is ----

  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:PORT}, where the sandbox page is. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The Web API prefix, {@code http://127.0.0.1:PORT/api/}: {@code SLACK_API_URL}, or the SDK's methods endpoint prefix. */
  public String apiUrl() {
    return baseUrl + "/api/";
  }

  public String botToken() {
    return BOT_TOKEN;
  }

  public String appToken() {
    return APP_TOKEN;
  }

  // ---- people and places ----

  /** Adds a person, or replaces the one with the same ID (to deactivate someone, say). */
  public void add(Person person) {
    parts.directory().add(person);
    parts.state().announce(new Change(Change.Kind.DIRECTORY_CHANGED, "", person.id(), person.id()));
  }

  public void add(Channel channel) {
    parts.directory().add(channel);
    parts.state().announce(new Change(Change.Kind.DIRECTORY_CHANGED, channel.id(), "", channel.id()));
  }

  public void add(UserGroup group) {
    parts.directory().add(group);
    parts.state().announce(new Change(Change.Kind.DIRECTORY_CHANGED, "", "", group.id()));
  }

  public Optional<UserGroup> group(String groupId) {
    return parts.directory().group(groupId);
  }

  /** Adds {@code person} to a user group, as an admin does in Slack; the bot sees it in {@code usergroups.users.list}. */
  public UserGroup addToGroup(String groupId, Person person) {
    return changeGroup(groupId, g -> g.with(person.id()));
  }

  /** Removes {@code person} from a user group, at once, while the bot runs. */
  public UserGroup removeFromGroup(String groupId, Person person) {
    return changeGroup(groupId, g -> g.without(person.id()));
  }

  private UserGroup changeGroup(String groupId, UnaryOperator<UserGroup> change) {
    UserGroup changed = parts.directory().updateGroup(groupId, change).orElseThrow(() -> new IllegalArgumentException(
        "no user group " + groupId + " in the workspace; it has "
            + parts.directory().groups().stream().map(UserGroup::id).toList()));
    parts.state().announce(new Change(Change.Kind.DIRECTORY_CHANGED, "", "", groupId));
    return changed;
  }

  public Optional<Person> person(String userId) {
    return parts.directory().person(userId);
  }

  /** Everyone in the workspace, the bot user first. */
  public List<Person> people() {
    return parts.directory().people();
  }

  // ---- the sandbox page ----

  /** Tells the sandbox page where the simulated AWS is ({@code http://127.0.0.1:PORT}), for its AWS panel. */
  public void showAws(URI awsEndpoint) {
    page.showAws(awsEndpoint);
  }

  // ---- the bot ----

  /** Sends requests to the bot's Request URL, signed with its signing secret (unless it connects with Socket Mode). */
  public void connectBot(URI eventsUrl, String signingSecret) {
    parts.dispatcher().connect(eventsUrl, signingSecret);
  }

  /** How long the sender waits for the bot's answer; Slack waits three seconds. */
  public void ackTimeout(Duration timeout) {
    parts.dispatcher().ackTimeout(timeout);
  }

  public boolean socketModeConnected() {
    return socketMode.connected();
  }

  public void awaitSocketMode(Duration timeout) {
    socketMode.awaitConnection(timeout);
  }

  // ---- sending ----

  /** The person at the keyboard, whose actions reach the bot signed as Slack signs them. */
  public Actor as(Person person) {
    if (parts.directory().person(person.id()).isEmpty()) {
      throw new IllegalArgumentException("no " + person.id() + " in the workspace; add them first");
    }
    return new PersonActor(person, Signing.asSlack(), parts);
  }

  /** Sends the {@code url_verification} challenge Slack sends when a Request URL is saved; the bot echoes it. */
  public BotResponse urlVerification() {
    return parts.dispatcher().deliver(
        Outgoing.of(Outgoing.Kind.URL_VERIFICATION, Payloads.urlVerification(parts.ids().secret())), Signing.asSlack());
  }

  /**
   * Sends an event again with the same {@code event_id}, as Slack retries: {@code X-Slack-Retry-Num} and
   * {@code X-Slack-Retry-Reason} (such as {@code http_timeout}) over HTTP, {@code retry_attempt} and
   * {@code retry_reason} over Socket Mode.
   */
  public BotResponse redeliver(String eventId, int retryNum, String reason) {
    return parts.dispatcher().redeliver(eventId, retryNum, reason);
  }

  /**
   * Sends the very request {@code sent} went out as again, over HTTP: the same body, the same
   * {@code X-Slack-Request-Timestamp}, the same signature, as someone who captured it would replay it. Only
   * the bot's replay protection can tell it from the first.
   */
  public BotResponse replay(BotResponse sent) {
    if (sent.transport() != BotResponse.Transport.HTTP) {
      throw new IllegalArgumentException("only a request sent over HTTP is signed, so only such a request can be"
          + " replayed; this one went over Socket Mode");
    }
    return parts.dispatcher().replay(sent.request());
  }

  /** Replays {@code sent} {@code times} times, one after another; the answers in order. */
  public List<BotResponse> replay(BotResponse sent, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("a replay is sent at least once: " + times);
    }
    return IntStream.range(0, times).mapToObj(i -> replay(sent)).toList();
  }

  /** Posts {@code body} to the bot over HTTP exactly as given, signed as {@code signing} says: for requests Slack never sends. */
  public BotResponse deliverRaw(String contentType, String body, Signing signing) {
    return parts.dispatcher().deliverRaw(contentType, body, signing);
  }

  // ---- what people see ----

  /** Every message in the channel, replies included, oldest first. */
  public List<Message> messages(String channel) {
    return parts.state().messages(channel);
  }

  public Optional<Message> message(String channel, String ts) {
    return parts.state().message(channel, ts);
  }

  /** The message that started the thread and its replies, oldest first. */
  public List<Message> thread(String channel, String threadTs) {
    return parts.state().thread(channel, threadTs);
  }

  public List<Ephemeral> ephemeralsFor(Person person) {
    return parts.state().ephemeralsFor(person.id());
  }

  /** The person's open views, the one in front first. */
  public List<View> openViews(Person person) {
    return parts.state().viewsFor(person.id());
  }

  public Optional<View> view(String viewId) {
    return parts.state().view(viewId);
  }

  public List<ApiCall> calls() {
    return parts.state().calls();
  }

  public List<ApiCall> calls(String method) {
    return parts.state().calls(method);
  }

  /** Every file the bot uploaded and completed, oldest first. */
  public List<SharedFile> files() {
    return parts.state().files();
  }

  public Optional<SharedFile> file(String fileId) {
    return parts.state().file(fileId);
  }

  /** The files shared in a thread (its first message included), in the order they were shared. */
  public List<SharedFile> files(String channel, String threadTs) {
    return thread(channel, threadTs).stream().flatMap(m -> m.fileIds().stream())
        .flatMap(id -> parts.state().file(id).stream()).toList();
  }

  public List<ResponseUrlPost> responseUrlPosts() {
    return parts.state().responseUrlPosts();
  }

  /** The whole workspace as JSON: people, groups, channels with messages and threads, ephemerals, views. */
  public String stateJson() {
    return StateJson.write(parts.directory(), parts.state(), json);
  }

  /** Calls {@code listener} after every change to what people see, on the thread that made it. */
  public void onChange(Consumer<Change> listener) {
    parts.state().addListener(listener);
  }

  // ---- waiting ----

  public Message awaitMessage(String channel, Predicate<Message> matching, Duration timeout) {
    return parts.state().await(Searches.message(parts.state(), channel, matching), timeout,
        () -> "no message in " + channel + " matched within " + timeout + "; it has:" + describe(messages(channel)));
  }

  public Message awaitReply(String channel, String threadTs, Predicate<Message> matching, Duration timeout) {
    return parts.state().await(Searches.reply(parts.state(), channel, threadTs, matching), timeout,
        () -> "no reply in thread " + threadTs + " of " + channel + " matched within " + timeout + "; it has:"
            + describe(thread(channel, threadTs)));
  }

  /** Waits for a file shared in the thread of {@code threadTs} (or with its first message). */
  public SharedFile awaitFile(String channel, String threadTs, Predicate<SharedFile> matching, Duration timeout) {
    return parts.state().await(Searches.file(parts.state(), channel, threadTs, matching), timeout,
        () -> "no file in thread " + threadTs + " of " + channel + " matched within " + timeout + "; it has:"
            + files(channel, threadTs).stream().map(f -> "\n  " + f).collect(Collectors.joining()));
  }

  public Ephemeral awaitEphemeral(Person person, Predicate<Ephemeral> matching, Duration timeout) {
    return parts.state().await(Searches.ephemeral(parts.state(), person.id(), matching), timeout,
        () -> "no ephemeral message for " + person.name() + " matched within " + timeout + "; they have:"
            + ephemeralsFor(person).stream().map(e -> "\n  " + e.ts() + " in " + e.channel() + ": " + e.allText())
                .collect(Collectors.joining()));
  }

  public View awaitView(Person person, Predicate<View> matching, Duration timeout) {
    return parts.state().await(Searches.view(parts.state(), person.id(), matching), timeout,
        () -> "no open view for " + person.name() + " matched within " + timeout + "; they have:"
            + openViews(person).stream().map(v -> "\n  " + v.id() + " " + v.callbackId() + " \"" + v.title() + "\"")
                .collect(Collectors.joining()));
  }

  public ApiCall awaitCall(String method, Predicate<ApiCall> matching, Duration timeout) {
    return parts.state().await(Searches.call(parts.state(), method, matching), timeout,
        () -> "no " + method + " call matched within " + timeout + "; calls made:"
            + calls().stream().map(c -> "\n  " + c).collect(Collectors.joining()));
  }

  private static String describe(List<Message> messages) {
    return messages.isEmpty() ? " nothing" : messages.stream()
        .map(m -> "\n  " + m.ts() + (m.isReply() ? " (reply)" : "") + " " + m.user() + ": " + m.allText())
        .collect(Collectors.joining());
  }

  // ---- faults and housekeeping ----

  public Faults faults() {
    return faults;
  }

  /** Forgets messages, files, views, calls and faults; keeps people, channels, groups and the bot's connection. */
  public void reset() {
    faults.recover();
    parts.state().clear();
  }

  @Override
  public void close() {
    page.close();
    socketMode.closeAll();
    server.stop();
  }
}

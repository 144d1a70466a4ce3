package dev.rootbot.bot.config;

import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.bot.logging.LogFormat;
import dev.rootbot.bot.policy.Policy;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.store.ReplicaId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Rootbot is told at start, read once from the environment and checked before anything starts.
 * Holds tokens and the store's password: {@link #toString()} never prints them (see {@link Redaction}), and
 * {@link #scrub} removes them from text that may repeat one.
 */
public record Config(Slack slack, int port, String command, String approvers, String store, Duration requestTtl,
    Aws aws, Replica replica, LogFormat logFormat, boolean preview, Optional<Path> policy,
    Optional<ChannelId> alertChannel) {

  /**
   * This process among the replicas sharing the store: its name in logs and leases, and how long it may stay
   * silent before another replica takes over what it holds.
   */
  public record Replica(ReplicaId id, Duration lease) {}

  /** How the bot reaches Slack and how Slack reaches it. */
  public record Slack(String botToken, Optional<String> signingSecret, Optional<String> appToken, URI apiUrl) {
    /** Socket Mode when an app-level token is set; otherwise Slack posts to {@code /slack/events}. */
    public boolean socketMode() {
      return appToken.isPresent();
    }

    @Override
    public String toString() {
      return "Slack[botToken=***, signingSecret=" + signingSecret.map(s -> "***").orElse("none")
          + ", appToken=" + appToken.map(s -> "***").orElse("none") + ", apiUrl=" + Redaction.of(apiUrl.toString()) + "]";
    }
  }

  /** Where AssumeRoot and CloudTrail calls go, and how long a root session lasts. */
  public record Aws(AwsRegion region, AwsEndpoints endpoints, Duration sessionLength) {
    @Override
    public String toString() {
      return "Aws[region=" + region + ", endpoints=" + Redaction.scrub(endpoints.toString(), List.of())
          + ", sessionLength=" + sessionLength + "]";
    }
  }

  /** Every field, with tokens hidden and the store and URLs printed without their passwords. */
  @Override
  public String toString() {
    return "Config[slack=" + slack + ", port=" + port + ", command=" + command + ", approvers=" + approvers
        + ", store=" + Redaction.of(store) + ", requestTtl=" + requestTtl + ", aws=" + aws + ", replica=" + replica
        + ", logFormat=" + logFormat + ", preview=" + (preview ? "on" : "off") + ", policy=" + policy.map(Path::toString)
        .orElse("none") + "]";
  }

  /**
   * {@code text} without any token, signing secret or store password of this configuration, in any form: for an
   * error that may repeat one, such as the database driver's message when the store cannot be opened.
   */
  public String scrub(String text) {
    var secrets = new ArrayList<String>(Redaction.secretsIn(store));
    secrets.add(slack.botToken());
    slack.signingSecret().ifPresent(secrets::add);
    slack.appToken().ifPresent(secrets::add);
    secrets.addAll(Redaction.secretsIn(slack.apiUrl().toString()));
    return Redaction.scrub(text, secrets);
  }

  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Reads and checks the environment; throws {@link ConfigError} listing every problem at once. */
  public static Config fromEnvironment(Map<String, String> env) {
    var problems = new ArrayList<String>();
    var read = new Reader(env, problems);

    String botToken = read.required("SLACK_BOT_TOKEN", "the bot token from your Slack app's OAuth page (xoxb-…)");
    if (botToken != null && !botToken.startsWith("xoxb-")) {
      problems.add("SLACK_BOT_TOKEN must be a bot token, starting with xoxb-");
    }
    Optional<String> appToken = read.optional("SLACK_APP_TOKEN");
    if (appToken.isPresent() && !appToken.get().startsWith("xapp-")) {
      problems.add("SLACK_APP_TOKEN must be an app-level token, starting with xapp- (or unset it to serve HTTP)");
    }
    Optional<String> signingSecret = read.optional("SLACK_SIGNING_SECRET");
    if (appToken.isEmpty() && signingSecret.isEmpty()) {
      // Fail closed: without the secret no request can be verified, so none may be served.
      problems.add("SLACK_SIGNING_SECRET is required to serve HTTP (Basic Information → Signing Secret),"
          + " or set SLACK_APP_TOKEN to use Socket Mode");
    }
    URI apiUrl = read.url("SLACK_API_URL", DEFAULT_API_URL);
    int port = read.integer("PORT", 3000, 0, 65535); // 0: any free port, for tests
    String command = read.optional("ROOTBOT_COMMAND").orElse("/root");
    if (!command.matches("/[a-z0-9_-]{1,31}")) {
      problems.add("ROOTBOT_COMMAND must be a slash command like /root; got " + command);
    }
    String approvers = read.optional("ROOTBOT_APPROVERS").orElse("");
    Optional<Path> policy = read.optional("ROOTBOT_POLICY").map(Path::of);
    if (policy.isPresent() && !approvers.isBlank()) {
      problems.add(Policy.BOTH_SET);
    }
    boolean preview = read.onOff("ROOTBOT_PREVIEW", true);
    String store = read.optional("ROOTBOT_STORE").orElse("sqlite:rootbot.db");
    if (!store.startsWith("sqlite:") && !store.startsWith("jdbc:postgresql:")) {
      problems.add("ROOTBOT_STORE must be sqlite:PATH or a jdbc:postgresql://… URL; got " + Redaction.of(store));
    }
    Duration ttl = Duration.ofMinutes(read.integer("ROOTBOT_REQUEST_TTL_MINUTES", 30, 1, 7 * 24 * 60));
    Duration session = Duration.ofSeconds(read.integer("ROOTBOT_SESSION_SECONDS",
        (int) RootSessions.MAX_LENGTH.toSeconds(), 1, (int) RootSessions.MAX_LENGTH.toSeconds()));
    AwsRegion region = read.region();
    AwsEndpoints endpoints = AwsEndpoints.none();
    try {
      endpoints = AwsEndpoints.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      problems.add(Redaction.scrub(e.getMessage(), List.of()));
    }
    ReplicaId replica = read.replicaId();
    Duration lease = Duration.ofSeconds(read.integer("ROOTBOT_LEASE_SECONDS", 30, 5, 600));
    String format = read.optional("ROOTBOT_LOG_FORMAT").orElse("text");
    LogFormat logFormat = LogFormat.parse(format).orElse(LogFormat.TEXT);
    if (LogFormat.parse(format).isEmpty()) {
      problems.add("ROOTBOT_LOG_FORMAT must be text or json; got " + format);
    }
    Optional<ChannelId> alertChannel = read.alertChannel();
    if (!problems.isEmpty()) {
      throw new ConfigError(problems);
    }
    return new Config(new Slack(botToken, signingSecret, appToken, apiUrl), port, command, approvers, store, ttl,
        new Aws(region, endpoints, session), new Replica(replica, lease), logFormat, preview, policy, alertChannel);
  }

  /** Reads variables, collecting problems instead of stopping at the first. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems;

    Reader(Map<String, String> env, List<String> problems) {
      this.env = env;
      this.problems = problems;
    }

    Optional<String> optional(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String required(String name, String what) {
      Optional<String> value = optional(name);
      if (value.isEmpty()) {
        problems.add(name + " is required: " + what);
      }
      return value.orElse(null);
    }

    boolean onOff(String name, boolean fallback) {
      Optional<String> value = optional(name);
      if (value.isEmpty()) {
        return fallback;
      }
      switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
        case "on":
          return true;
        case "off":
          return false;
        default:
          problems.add(name + " must be on or off; got " + value.get());
          return fallback;
      }
    }

    int integer(String name, int fallback, int min, int max) {
      Optional<String> value = optional(name);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(value.get());
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(name + " must be a whole number from " + min + " to " + max + "; got " + value.get());
      return fallback;
    }

    URI url(String name, String fallback) {
      String value = optional(name).orElse(fallback);
      try {
        URI uri = URI.create(value.endsWith("/") ? value : value + "/");
        if (uri.getScheme() != null && uri.getHost() != null) {
          return uri;
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
      problems.add(name + " must be a URL like " + fallback + "; got " + Redaction.of(value));
      return URI.create(fallback);
    }

    ReplicaId replicaId() {
      Optional<String> value = optional("ROOTBOT_REPLICA_ID");
      if (value.isEmpty()) {
        // Not InetAddress.getLocalHost(): it may wait seconds for DNS, and the name is only a label.
        String host = optional("HOSTNAME").orElseGet(() -> {
          try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
          } catch (IOException | RuntimeException e) {
            return "rootbot"; // not Linux: the process ID still tells replicas on one host apart
          }
        });
        return ReplicaId.ofThisProcess(host);
      }
      try {
        return new ReplicaId(value.get());
      } catch (IllegalArgumentException e) {
        problems.add("ROOTBOT_REPLICA_ID must be letters, digits and . _ : @ - (at most 100); got " + value.get());
        return ReplicaId.ofThisProcess("rootbot");
      }
    }

    /** A channel's ID, not its name: Slack's API takes IDs, and a name can be reused by another channel. */
    Optional<ChannelId> alertChannel() {
      Optional<String> value = optional("ROOTBOT_ALERT_CHANNEL");
      if (value.isPresent() && !value.get().matches("[CG][A-Z0-9]{2,}")) {
        problems.add("ROOTBOT_ALERT_CHANNEL must be a channel ID like C024BE91L (the channel's details show it at the"
            + " bottom), not a name; got " + value.get());
        return Optional.empty();
      }
      return value.map(ChannelId::new);
    }

    AwsRegion region() {
      Optional<String> value = optional("AWS_REGION").or(() -> optional("AWS_DEFAULT_REGION"));
      if (value.isEmpty()) {
        problems.add("AWS_REGION is required: the region of the bot's STS endpoint for AssumeRoot, e.g. us-east-1");
        return AwsRegion.US_EAST_1;
      }
      try {
        return AwsRegion.parse(value.get());
      } catch (InvalidInput e) {
        problems.add("AWS_REGION: " + e.getMessage());
        return AwsRegion.US_EAST_1;
      }
    }
  }
}

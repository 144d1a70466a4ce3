package dev.rootbot.bot.command;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what people type after {@code /root} (or after mentioning the bot) into a {@link Command}. Pure:
 * no I/O, no clock; it throws {@link UsageError} for anything it cannot read, and nothing else.
 *
 * <pre>{@code
 * var grammar = new Grammar("/root");
 * Command command = grammar.parse("unlock bucket prod-logs in account 111122223333 because INC-42");
 * if (command instanceof AskFor ask) {
 *   RootTask task = ask.toTask(ask.account().resolve(directory), AwsRegion.US_EAST_1);
 * }
 * }</pre>
 *
 * <p>Keywords are case-insensitive; an account is a 12-digit ID (dashes allowed) or a name from
 * Organizations, in quotes when it contains a keyword; the reason is the rest of the text after "because".
 */
public final class Grammar {
  /** The slash command when {@code ROOTBOT_COMMAND} is not set. */
  public static final String DEFAULT_COMMAND = "/root";

  private static final Pattern ID_LIKE = Pattern.compile("[\\d -]+");
  private static final Pattern SPACED_ID = Pattern.compile("\\d{4} \\d{4} \\d{4}");
  private static final Pattern BUCKET_ARN = Pattern.compile("arn:aws[a-z-]*:s3:::([^/]+)/?");

  private final String command;

  /** A grammar whose messages show {@code command}, such as {@code /root} or {@code @rootbot}. */
  public Grammar(String command) {
    this.command = Objects.requireNonNull(command, "command").strip();
  }

  /** The text of a slash command, after the command itself. Empty text means the form. */
  public Command parse(String text) {
    return new Parser(SlackInput.normalize(text)).command();
  }

  /**
   * The text of a message that mentions the bot: the leading mention of {@code bot} ({@code <@U…>} or
   * {@code <@U…|name>}, maybe followed by ":" or ",") is not part of the command.
   */
  public Command parseMention(String text, UserId bot) {
    String normalized = SlackInput.normalize(text);
    String withoutBot = normalized.replaceFirst("^<@" + bot.value() + "(?:\\|[^>]*)?>[:,]?", "");
    return new Parser(SlackInput.normalize(withoutBot)).command();
  }

  /**
   * A request from the form: each field as typed in a plain-text input, where nothing is Slack markup.
   *
   * @param resource the bucket or queue; ignored by tasks on the root user
   */
  public AskFor fromForm(TaskKind kind, String account, Optional<String> resource, Optional<String> region,
      Optional<String> reason) {
    try {
      return new AskFor(kind, account(List.of(SlackInput.normalize(account))),
          resource(kind, resource.map(SlackInput::normalize).orElse("")),
          region.map(String::strip).filter(r -> !r.isEmpty()).map(AwsRegion::parse),
          reason.map(String::strip).filter(r -> !r.isEmpty()).map(Reason::fromPlainText));
    } catch (InvalidInput e) {
      throw new UsageError(e.getMessage(), command, List.of(kind));
    }
  }

  /** The commands and an example of each, as Slack text. */
  public String help() {
    var help = new StringBuilder("*Rootbot* runs one AWS root task in a member account after a second person"
        + " approves it. The root session lasts at most 15 minutes and can do only that task.\n");
    for (TaskKind kind : TaskKind.values()) {
      help.append("\n• `").append(SlackInput.escape(kind.form(command))).append("`\n    e.g. `")
          .append(SlackInput.escape(kind.example(command))).append('`');
    }
    help.append("\n• `").append(SlackInput.escape(command)).append(" status`: the open requests")
        .append("\n• `").append(SlackInput.escape(command)).append(" help`: this text")
        .append("\n• `").append(SlackInput.escape(command)).append("` alone opens a form")
        .append("\n\nAn account is its 12-digit ID or its name in Organizations (in quotes if the name contains \"region\" or"
            + " \"because\")."
            + " Every task that changes something needs a reason after \"because\"; the card shows it to the"
            + " approver. A queue can be given by name, URL or ARN.");
    return help.toString();
  }

  /** One reading of one text; remembers which task it was about, for the form in an error. */
  private final class Parser {
    private final Words words;
    private TaskKind kind;

    Parser(String text) {
      this.words = new Words(text);
    }

    Command command() {
      try {
        return read();
      } catch (InvalidInput e) {
        throw error(e.getMessage());
      }
    }

    private Command read() {
      Optional<Words.Word> first = words.next();
      if (first.isEmpty()) {
        return new Command.OpenForm();
      }
      Words.Word verb = first.get();
      if (verb.is("help") || verb.is("?")) {
        return new Command.Help();
      }
      if (verb.is("status")) {
        if (!words.atEnd()) {
          throw new UsageError("\"status\" takes nothing after it", command, List.of());
        }
        return new Command.Status();
      }
      if (verb.is("unlock")) {
        return unlock();
      }
      if (verb.is("audit")) {
        kind = TaskKind.AUDIT_ROOT_CREDENTIALS;
        if (words.nextAre("root")) {
          expect("root", "credentials", "in", "account"); // like the other credential tasks
        } else {
          expect("account");
        }
        return task(new Resource.RootUser(), false);
      }
      if (verb.is("delete")) {
        kind = TaskKind.DELETE_ROOT_CREDENTIALS;
        expect("root", "credentials", "in", "account");
        return task(new Resource.RootUser(), false);
      }
      if (verb.is("allow")) {
        kind = TaskKind.ALLOW_PASSWORD_RECOVERY;
        expect("password", "recovery", "in", "account");
        return task(new Resource.RootUser(), false);
      }
      throw new UsageError("Rootbot does not know " + SlackInput.quote(verb.raw()), command,
          List.of(TaskKind.values()));
    }

    private Command unlock() {
      Optional<Words.Word> what = words.next();
      if (what.isPresent() && what.get().is("bucket")) {
        kind = TaskKind.UNLOCK_BUCKET;
      } else if (what.isPresent() && what.get().is("queue")) {
        kind = TaskKind.UNLOCK_QUEUE;
      } else {
        throw new UsageError("unlock what? Say \"unlock bucket\" or \"unlock queue\"", command,
            List.of(TaskKind.UNLOCK_BUCKET, TaskKind.UNLOCK_QUEUE));
      }
      String noun = kind == TaskKind.UNLOCK_BUCKET ? "bucket" : "queue";
      Optional<Words.Word> named = words.next();
      if (named.isEmpty() || (named.get().is("in") && words.nextAre("account"))) {
        throw error("name the " + noun + " to unlock");
      }
      Resource resource = resource(kind, SlackInput.value(named.get().text()));
      expect("in", "account");
      return task(resource, true);
    }

    /** The rest of a task: the account, then maybe a region, then "because …". */
    private Command task(Resource resource, boolean regional) {
      AccountRef account = account(accountWords());
      Optional<AwsRegion> region = Optional.empty();
      if (words.nextAre("region") || words.nextAre("in", "region")) {
        if (!regional) {
          throw error("root credentials belong to no region: leave \"region\" out");
        }
        words.next().filter(word -> word.is("in")).ifPresent(in -> words.next());
        Words.Word code = words.next().orElseThrow(() -> error("say which region after \"region\", like eu-west-1"));
        region = Optional.of(AwsRegion.parse(SlackInput.value(code.text())));
      }
      Optional<Reason> reason = Optional.empty();
      Optional<Words.Word> next = words.next();
      if (next.isPresent() && next.get().is("because")) {
        String why = words.rest().replaceFirst("^[:,\\-–—]+", "").strip();
        if (why.isEmpty()) {
          throw error("\"because …\" is required: say why you need root");
        }
        reason = Optional.of(Reason.fromSlack(why));
      } else if (next.isPresent()) {
        throw error("expected \"because …\" after the region; got " + SlackInput.quote(next.get().raw()));
      }
      return new AskFor(kind, account, resource, region, reason);
    }

    /** The words of the account: up to "region", "in region", "because" or the end. */
    private List<String> accountWords() {
      var parts = new ArrayList<String>();
      while (!words.atEnd() && !words.nextAre("because") && !words.nextAre("region") && !words.nextAre("in", "region")) {
        parts.add(SlackInput.value(words.next().orElseThrow().text()));
      }
      if (parts.isEmpty()) {
        throw error("say which account: its 12-digit ID or its name");
      }
      return parts;
    }

    private void expect(String... keywords) {
      for (String keyword : keywords) {
        Optional<Words.Word> word = words.next();
        if (word.isEmpty() || !word.get().is(keyword)) {
          String got = word.map(w -> "; got " + SlackInput.quote(w.raw())).orElse("");
          throw error("expected \"" + String.join(" ", keywords) + "\"" + got);
        }
      }
    }

    private UsageError error(String problem) {
      return new UsageError(problem, command, kind == null ? List.of() : List.of(kind));
    }
  }

  private static AccountRef account(List<String> parts) {
    String text = String.join(" ", parts).strip();
    if (ID_LIKE.matcher(text).matches()) {
      return new AccountRef.Id(AccountId.parse(SPACED_ID.matcher(text).matches() ? text.replace(' ', '-') : text));
    }
    return new AccountRef.Name(text);
  }

  private static Resource resource(TaskKind kind, String text) {
    return switch (kind) {
      case UNLOCK_BUCKET -> new Resource.Bucket(bucket(text));
      case UNLOCK_QUEUE -> new Resource.Queue(QueueRef.parse(text));
      case AUDIT_ROOT_CREDENTIALS, DELETE_ROOT_CREDENTIALS, ALLOW_PASSWORD_RECOVERY -> new Resource.RootUser();
    };
  }

  /** A bucket by name, or as people paste it: {@code s3://name/} or its ARN. */
  private static BucketName bucket(String text) {
    var arn = BUCKET_ARN.matcher(text);
    if (arn.matches()) {
      return BucketName.of(arn.group(1));
    }
    return BucketName.of(text.startsWith("s3://") ? text.substring(5).replaceFirst("/$", "") : text);
  }
}

package dev.rootbot.bot.command;

import dev.rootbot.bot.text.SlackText;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

  private final String command;

  /** A grammar whose messages show {@code command}, such as {@code /root} or {@code @rootbot}. */
  public Grammar(String command) {
    this.command = Objects.requireNonNull(command, "command").strip();
  }

  /** The text of a slash command, after the command itself. Empty text means the form. */
  public Command parse(String text) {
    return new Parser(command, SlackInput.normalize(text)).command();
  }

  /**
   * The text of a message that mentions the bot: the leading mention of {@code bot} ({@code <@U…>} or
   * {@code <@U…|name>}, maybe followed by ":" or ",") is not part of the command.
   */
  public Command parseMention(String text, UserId bot) {
    String normalized = SlackInput.normalize(text);
    String withoutBot = normalized.replaceFirst("^<@" + bot.value() + "(?:\\|[^>]*)?>[:,]?", "");
    return new Parser(command, SlackInput.normalize(withoutBot)).command();
  }

  /**
   * A request from the form: each field as typed in a plain-text input, where nothing is Slack markup.
   *
   * @param resource the bucket or queue; ignored by tasks on the root user
   */
  public AskFor fromForm(TaskForm kind, String account, Optional<String> resource, Optional<String> region,
      Optional<String> reason) {
    try {
      return new AskFor(kind, Parser.account(List.of(SlackInput.normalize(account))),
          Parser.resource(kind, resource.map(SlackInput::normalize).orElse("")),
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
    for (TaskForm kind : TaskForm.values()) {
      help.append("\n• `").append(SlackText.escape(kind.form(command))).append("`\n    e.g. `")
          .append(SlackText.escape(kind.example(command))).append('`');
    }
    help.append("\n• `").append(SlackText.escape(command + " " + Parser.ENABLE_FORM)).append("`: turn on centralized root"
            + " access for the organization")
        .append("\n• `").append(SlackText.escape(command + " audit all")).append("` or `")
        .append(SlackText.escape(command + " audit ou <name|ou-id>")).append("`: every member account's root"
            + " credentials, as a summary and CSV and JSON files")
        .append("\n• `").append(SlackText.escape(command + " " + Parser.DELETE_FORM)).append("`: audits the OU, then"
            + " asks to delete what it found");
    help.append("\n• `").append(SlackText.escape(command)).append(" status`: the open requests")
        .append("\n• `").append(SlackText.escape(command + " history account <account>")).append("` or `")
        .append(SlackText.escape(command + " history request <request ID>")).append("`: the latest audit entries,"
            + " shown only to you")
        .append("\n• `").append(SlackText.escape(command + " policy")).append("` or `")
        .append(SlackText.escape(command + " policy <task words>")).append("`: what you may ask for, and who approves it")
        .append("\n• `").append(SlackText.escape(command + " break-glass <task words> because <reason>"))
        .append("`: run at once without approval, where the approval policy allows it; reviewed afterwards")
        .append("\n• `").append(SlackText.escape(command)).append(" help`: this text")
        .append("\n• `").append(SlackText.escape(command)).append("` alone opens a form")
        .append("\n\nAn account is its 12-digit ID or its name in Organizations (in quotes if the name contains \"region\" or"
            + " \"because\")."
            + " Every task that changes something needs a reason after \"because\"; the card shows it to the"
            + " approver. A queue can be given by name, URL or ARN.");
    return help.toString();
  }
}

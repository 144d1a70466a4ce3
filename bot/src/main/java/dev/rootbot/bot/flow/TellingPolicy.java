package dev.rootbot.bot.flow;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.command.AccountDirectory;
import dev.rootbot.bot.command.Command;
import dev.rootbot.bot.command.UsageError;
import dev.rootbot.bot.policy.AccountPattern;
import dev.rootbot.bot.policy.Policies;
import dev.rootbot.bot.policy.Policy;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.policy.Selection;
import dev.rootbot.bot.policy.TargetAccount;
import dev.rootbot.bot.policy.TaskId;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Answers {@code /root policy} (what the asker may ask for, and who approves it) and {@code /root policy <task
 * words>} (the rule, approvers and quorum for that request, and whether the asker may ask for it here), for the
 * asker alone. Everything written in the policy file is escaped: the file is not Slack text.
 */
public final class TellingPolicy {
  private final Policies policies;
  private final People people;
  private final AccountDirectory accounts;
  private final Placements placements;

  public TellingPolicy(Policies policies, People people, AccountDirectory accounts, Placements placements) {
    this.policies = policies;
    this.people = people;
    this.accounts = accounts;
    this.placements = placements;
  }

  /** The answer for {@code asker}, asking in {@code channel}, as Slack text safe to post to them alone. */
  public String tell(Command.PolicyQuestion asked, UserId asker, ChannelId channel) {
    Person person;
    try {
      person = people.person(asker);
    } catch (People.Unavailable e) {
      return "Rootbot could not check with Slack who you are. Try again in a minute.";
    }
    Policy policy = policies.current();
    if (asked.kind().isEmpty()) {
      return overall(policy, person);
    }
    try {
      AccountId id = asked.account().orElseThrow().resolve(accounts);
      TaskId task = TaskId.parse(asked.kind().get().kind().id()).orElseThrow();
      return one(policy, task, placements.of(id), person, channel);
    } catch (UsageError e) {
      return e.getMessage();
    } catch (SdkException e) {
      return "Rootbot could not read the organization just now, which the rules depend on. Try again in a minute.";
    }
  }

  private static String overall(Policy policy, Person person) {
    List<Rule> open = policy.openTo(person);
    var text = new StringBuilder();
    if (open.isEmpty()) {
      text.append("*The approval policy lets you ask for nothing.* ");
      text.append(person.activeFullMember() ? "Ask your Rootbot admin if you need a root task."
          : "Guests, bots and deactivated users cannot ask for root tasks.");
      return text.toString();
    }
    text.append("*What you may ask for*, rule by rule as they are tried (the first rule that covers a task and"
        + " account decides):");
    for (Rule rule : open) {
      text.append("\n• ").append(line(rule, person));
    }
    int closed = policy.rules().size() - open.size();
    if (closed > 0) {
      text.append("\n_").append(closed).append(closed == 1 ? " more rule is" : " more rules are")
          .append(" for other people; a task it covers is refused to you._");
    }
    text.append("\nAnything no rule covers is refused. For one request: `/root policy <task words>`, like")
        .append(" `/root policy delete root credentials in account prod-data`.");
    return text.toString();
  }

  private static String one(Policy policy, TaskId task, TargetAccount account, Person person, ChannelId channel) {
    Selection selection = policy.select(task, account);
    if (selection.rule().isEmpty()) {
      return ":no_entry: " + capitalized(selection.decision().refusal().orElseThrow()) + ".";
    }
    Rule rule = selection.rule().get();
    var text = new StringBuilder("`").append(task.id()).append("` in *").append(Mrkdwn.escape(account.label()))
        .append("*: rule ").append(rule.quoted()).append(" applies. ").append(approval(rule)).append('.');
    conditions(rule).ifPresent(c -> text.append(" ").append(c));
    var allowed = Rule.first(rule.requesterAllowed(person), rule.channelAllowed(channel),
        rule.approvalPossibleFor(person.id()));
    text.append("\n").append(allowed.refusal().map(why -> ":no_entry: You could not ask for it here: " + why + ".")
        .orElse(":white_check_mark: You may ask for it here" + (rule.reason().isPresent()
            ? ", with a reason that matches." : ".")));
    rule.breakGlass().ifPresent(glass -> text.append("\n:rotating_light: ").append(rule.breakGlassAllowed(person)
        .isAllowed() ? "You may break glass for it: it runs at once and is reviewed within "
            + glass.reviewWithin().toHours() + " h." : "Break-glass: " + glass.who().mentions() + " only."));
    return text.toString();
  }

  /** One rule open to {@code person}, in a line. */
  private static String line(Rule rule, Person person) {
    String tasks = rule.tasks().all() ? "every task" : rule.tasks().listed().stream().sorted()
        .map(task -> "`" + task.id() + "`").collect(Collectors.joining(", "));
    String where = rule.accounts().stream().anyMatch(AccountPattern.Any.class::isInstance) ? "every account"
        : rule.accounts().stream().map(pattern -> Mrkdwn.code(pattern.written())).collect(Collectors.joining(", "));
    var text = new StringBuilder(rule.quoted()).append(": ").append(tasks).append(" in ").append(where)
        .append(" — ").append(approval(rule));
    conditions(rule).ifPresent(c -> text.append(". ").append(c));
    if (rule.breakGlass().isPresent() && rule.breakGlassAllowed(person).isAllowed()) {
      text.append(". You may break glass");
    }
    return text.toString();
  }

  private static String approval(Rule rule) {
    if (!rule.needsApproval()) {
      return "runs with no approval";
    }
    return "needs " + rule.quorum() + " of " + rule.approvers().mentions() + " (whoever asked never counts)";
  }

  private static java.util.Optional<String> conditions(Rule rule) {
    List<String> conditions = new ArrayList<>();
    rule.reason().ifPresent(pattern -> conditions.add("the reason must match " + Mrkdwn.code(pattern.source())));
    if (!rule.channels().isEmpty()) {
      conditions.add("only in " + rule.channels().stream().map(c -> "<#" + c.value() + ">")
          .collect(Collectors.joining(", ")));
    }
    rule.ttl().ifPresent(ttl -> conditions.add("a request waits " + ttl.toMinutes() + " min"));
    return conditions.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(capitalized(String.join("; ", conditions)) + ".");
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

package dev.rootbot.bot.command;

import dev.rootbot.bot.request.RequestId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person asked Rootbot for, read from their words by {@link Grammar}: a root task (maybe breaking glass), a
 * task over the organization ({@link FleetAsk}),
 * help, the status of open requests, the audit history of an account or a request, what the approval policy
 * says, or the form (when they typed nothing).
 */
public sealed interface Command
    permits AskFor, FleetAsk, Command.Help, Command.Status, Command.OpenForm, Command.History, Command.BreakGlass,
        Command.PolicyQuestion {

  /** Show the commands and an example of each. */
  record Help() implements Command {}

  /** Show the open requests. */
  record Status() implements Command {}

  /**
   * Open the request form: the person typed nothing after the command. A mention carries no
   * {@code trigger_id} to open a form with, so a mention handler answers with help instead.
   */
  record OpenForm() implements Command {}

  /** Show the latest audit entries about one account or one request, and how to export them all. */
  sealed interface History extends Command permits History.OfAccount, History.OfRequest {

    /** {@code history account <account>}: every request on the account, and what else names it. */
    record OfAccount(AccountRef account) implements History {
      public OfAccount {
        Objects.requireNonNull(account, "account");
      }
    }

    /** {@code history request <id>}. */
    record OfRequest(RequestId request) implements History {
      public OfRequest {
        Objects.requireNonNull(request, "request");
      }
    }
  }

  /**
   * {@code break-glass <task> because <reason>}: run the task at once, without approval, as the approval
   * policy's break-glass allows; its approvers review it afterwards.
   */
  record BreakGlass(AskFor ask) implements Command {
    public BreakGlass {
      Objects.requireNonNull(ask, "ask");
    }
  }

  /**
   * {@code policy}: what the asker may ask for, and who approves it; {@code policy <task words>}: the rule,
   * approvers and quorum for that request. A reason is not needed to ask.
   */
  record PolicyQuestion(Optional<TaskForm> kind, Optional<AccountRef> account) implements Command {
    public PolicyQuestion {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(account, "account");
      if (kind.isPresent() != account.isPresent()) {
        throw new IllegalArgumentException("a policy question names a task and its account, or neither");
      }
    }

    /** {@code policy} alone. */
    public static PolicyQuestion overall() {
      return new PolicyQuestion(Optional.empty(), Optional.empty());
    }
  }
}

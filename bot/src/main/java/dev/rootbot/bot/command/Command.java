package dev.rootbot.bot.command;

import dev.rootbot.bot.request.RequestId;
import java.util.Objects;

/**
 * What a person asked Rootbot for, read from their words by {@link Grammar}: a root task, help, the
 * status of open requests, the audit history of an account or a request, or the form (when they typed nothing).
 */
public sealed interface Command permits AskFor, Command.Help, Command.Status, Command.OpenForm, Command.History {

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
}

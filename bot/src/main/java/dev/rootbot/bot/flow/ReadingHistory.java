package dev.rootbot.bot.flow;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.approval.Approvals;
import dev.rootbot.bot.audit.ExportFilter;
import dev.rootbot.bot.audit.History;
import dev.rootbot.bot.command.AccountDirectory;
import dev.rootbot.bot.command.Command;
import dev.rootbot.bot.command.UsageError;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.AuditLog;
import dev.rootbot.bot.store.StoreFailure;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /root history account …} and {@code /root history request …} for the person who asked, and
 * only them: the latest {@link History#SHOWN} entries and the command that exports the rest. Who may read it is
 * {@link Approvals#mayReadHistory}; a refusal is audited like any other.
 *
 * <p>Blocks on Slack (who is asking), Organizations (an account by name) and the store; an account's history reads
 * the whole chain, since an entry concerns an account through the request an earlier entry tied to it.
 */
public final class ReadingHistory {
  private static final Logger log = LoggerFactory.getLogger(ReadingHistory.class);

  private final AuditLog audit;
  private final People people;
  private final AccountDirectory accounts;

  public ReadingHistory(AuditLog audit, People people, AccountDirectory accounts) {
    this.audit = audit;
    this.people = people;
    this.accounts = accounts;
  }

  /**
   * The answer for {@code asker}, as Slack text safe to post to them alone: the history, or why there is none
   * (they may not read it, Slack cannot say who they are, no account or several have the name given).
   */
  public String tell(Command.History asked, UserId asker) {
    try {
      return answer(asked, asker);
    } catch (Refusal refusal) {
      return refusal.mrkdwn();
    } catch (UsageError e) {
      return e.getMessage();
    }
  }

  private String answer(Command.History asked, UserId asker) {
    Optional<String> refusal;
    try {
      refusal = Approvals.mayReadHistory(people.person(asker)).refusal();
    } catch (People.Unavailable e) {
      throw new Refusal("Rootbot could not check with Slack who you are, so it shows no history. Try again in a minute.");
    }
    if (refusal.isPresent()) {
      audit.refused(Optional.empty(), asker, "history", refusal.get());
      throw new Refusal(refusal.get());
    }
    if (asked instanceof Command.History.OfRequest ofRequest) {
      return History.ofRequest(ofRequest.request(), page(ExportFilter.ofRequest(ofRequest.request())));
    }
    AccountId account = ((Command.History.OfAccount) asked).account().resolve(accounts);
    return History.ofAccount(account, page(ExportFilter.ofAccount(account)));
  }

  /** The latest entries {@code filter} selects: a request's own, or those of the whole chain, streamed. */
  private History.Page page(ExportFilter filter) {
    try {
      if (filter.request().isPresent()) {
        return History.collect(audit.chainOf(filter.request().get()).iterator(), filter);
      }
      return audit.read(entries -> History.collect(entries, filter));
    } catch (StoreFailure e) {
      log.warn("Could not read the audit log for a history ({})", e.getMessage());
      throw new Refusal("Rootbot could not read the audit log just now, so it shows no history. Try again in a minute;"
          + " if it goes on, ask an admin to run `./rootbot audit verify`.", e);
    }
  }
}

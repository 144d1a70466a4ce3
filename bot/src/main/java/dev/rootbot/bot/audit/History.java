package dev.rootbot.bot.audit;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.request.RequestId;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The answer to {@code /root history account …} and {@code /root history request …}: the last
 * {@link #SHOWN} entries, oldest first, one compact line each (time, who, event, detail, seq and short hash),
 * and the command that exports all of them. Everything from an entry is escaped, people are mentioned only
 * from their IDs.
 */
public final class History {
  /** How many entries an answer shows. */
  public static final int SHOWN = 20;

  private static final int DETAIL_CHARACTERS = 160;
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  /** The newest entries that matched, oldest first, and how many matched in all. */
  public record Page(List<ChainedEntry> latest, long total) {
    public Page {
      latest = List.copyOf(latest);
      if (total < latest.size()) {
        throw new IllegalArgumentException("a page cannot show more entries than matched");
      }
    }
  }

  private History() {}

  /** Reads the chain in seq order and keeps the last {@link #SHOWN} that {@code filter} selects. */
  public static Page collect(Iterator<ChainedEntry> entries, ExportFilter filter) {
    Predicate<ChainedEntry> selected = filter.selection();
    var latest = new ArrayDeque<ChainedEntry>(SHOWN + 1);
    long total = 0;
    while (entries.hasNext()) {
      ChainedEntry entry = entries.next();
      if (selected.test(entry)) {
        total++;
        latest.addLast(entry);
        if (latest.size() > SHOWN) {
          latest.removeFirst();
        }
      }
    }
    return new Page(List.copyOf(latest), total);
  }

  public static String ofAccount(AccountId account, Page page) {
    return text("account " + Mrkdwn.code(account.value()), "--account " + account.value(), page, true);
  }

  public static String ofRequest(RequestId request, Page page) {
    return text("request " + Mrkdwn.code(request.value()), "--request " + request.value(), page, false);
  }

  private static String text(String subject, String option, Page page, boolean withRequest) {
    Objects.requireNonNull(page, "page");
    if (page.total() == 0) {
      return "No audit entries concern " + subject + ".";
    }
    var text = new StringBuilder("*Audit history of ").append(subject).append("*: ")
        .append(page.total() > page.latest().size()
            ? "the last " + page.latest().size() + " of " + page.total() + " entries, oldest first"
            : page.total() == 1 ? "its only entry" : "all " + page.total() + " entries, oldest first")
        .append('\n');
    for (ChainedEntry entry : page.latest()) {
      text.append(line(entry, withRequest)).append('\n');
    }
    String command = "`./rootbot audit export " + option + "`";
    text.append(page.total() > page.latest().size()
        ? "All " + page.total() + " with their hashes: " + command
        : "With their hashes: " + command).append(" (add `--format csv` for a spreadsheet)");
    return text.toString();
  }

  private static String line(ChainedEntry entry, boolean withRequest) {
    AuditRecord record = entry.record();
    String actor = USER_ID.matcher(record.actor()).matches() ? "<@" + record.actor() + ">" : Mrkdwn.escape(record.actor());
    String request = withRequest ? record.request().map(r -> " " + Mrkdwn.code(r.value())).orElse("") : "";
    String detail = Mrkdwn.escape(Mrkdwn.truncate(record.detail().replaceAll("\\s+", " ").strip(), DETAIL_CHARACTERS));
    return "• " + Mrkdwn.date(record.at()) + " " + actor + " *" + Mrkdwn.escape(record.event().replace("*", "")) + "*"
        + request + (detail.isEmpty() ? "" : " — " + detail) + " `#" + record.seq() + " " + entry.hash().substring(0, 8)
        + "`";
  }
}

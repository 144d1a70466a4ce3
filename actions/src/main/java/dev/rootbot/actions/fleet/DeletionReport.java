package dev.rootbot.actions.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet deletion's report, pure: a CSV like the audit's, one row per account, and a summary in plain text (the
 * bot escapes it before posting). The columns: {@code account_id}, {@code account_name}, {@code ou_path},
 * {@code outcome} ({@code deleted}, {@code changed_since_audit}, {@code failed}, {@code unknown}), {@code detail}
 * (what happened, in words) and {@code session_access_key_id} (the root session's key, for CloudTrail; empty when
 * none was opened), with the same quoting as {@link AuditReport}.
 */
public final class DeletionReport {
  public static final List<String> COLUMNS = List.of("account_id", "account_name", "ou_path", "outcome", "detail",
      "session_access_key_id");

  private DeletionReport() {}

  /** The CSV of {@code outcomes}, sorted by account name then ID, with a header row. */
  public static String csv(Collection<AccountDeletion> outcomes) {
    StringBuilder out = new StringBuilder();
    Csv.row(out, COLUMNS);
    for (AccountDeletion o : sorted(outcomes)) {
      Csv.row(out, List.of(o.account().id().value(), o.account().name(), o.account().ouPath(),
          o.status().name().toLowerCase(Locale.ROOT), o.headline(), o.accessKeyId().orElse("")));
    }
    return out.toString();
  }

  /** "Deleted root credentials in 38 of 40 accounts.", then a line per other outcome with the accounts' names. */
  public static String summary(Collection<AccountDeletion> outcomes) {
    Map<AccountDeletion.Status, List<String>> names = new EnumMap<>(AccountDeletion.Status.class);
    for (AccountDeletion o : sorted(outcomes)) {
      names.computeIfAbsent(o.status(), k -> new ArrayList<>()).add(o.account().name());
    }
    List<String> lines = new ArrayList<>();
    lines.add("Deleted root credentials in " + names.getOrDefault(AccountDeletion.Status.DELETED, List.of()).size()
        + " of " + outcomes.size() + (outcomes.size() == 1 ? " account." : " accounts."));
    line(lines, names, AccountDeletion.Status.CHANGED_SINCE_AUDIT, "Skipped, changed since the audit (audit again)");
    line(lines, names, AccountDeletion.Status.FAILED, "Failed (see each account's detail)");
    line(lines, names, AccountDeletion.Status.UNKNOWN, "Unknown, not run again (check them and CloudTrail)");
    return String.join("\n", lines);
  }

  private static void line(List<String> lines, Map<AccountDeletion.Status, List<String>> names,
      AccountDeletion.Status status, String label) {
    List<String> who = names.getOrDefault(status, List.of());
    if (!who.isEmpty()) {
      lines.add(label + ": " + who.size() + " (" + AuditSummary.names(who) + ")");
    }
  }

  private static List<AccountDeletion> sorted(Collection<AccountDeletion> outcomes) {
    return outcomes.stream().sorted(Comparator.comparing((AccountDeletion o) -> o.account().name())
        .thenComparing(o -> o.account().id().value())).toList();
  }
}

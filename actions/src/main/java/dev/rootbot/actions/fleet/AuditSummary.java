package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.actions.task.TaskFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The end of a fleet audit in numbers, for the summary in the thread: how many accounts have each kind of root
 * credential, which SCPs blocked which accounts, and which accounts failed and why. Pure; {@link #text} is plain text
 * that the bot escapes before posting it.
 *
 * @param blockedBy the accounts an SCP blocked, by the SCP and where it is attached ("an SCP" when it could not be
 *     named)
 * @param failed the other accounts that could not be read, by why
 */
public record AuditSummary(
    int accounts,
    int read,
    int withAny,
    int withPassword,
    int withPasswordUsed,
    int withAccessKeys,
    int accessKeys,
    int withSigningCertificates,
    int withMfaDevices,
    Map<String, List<TargetAccount>> blockedBy,
    Map<TaskFailure.Reason, List<AccountAudit>> failed) {

  /** How many names a line lists before "and N more". */
  static final int NAMES = 5;

  public AuditSummary {
    blockedBy = Map.copyOf(blockedBy);
    failed = Map.copyOf(failed);
  }

  public static AuditSummary of(Collection<AccountAudit> results) {
    List<AccountAudit> sorted = AuditReport.sorted(results);
    List<RootCredentials> found = sorted.stream().flatMap(r -> r.credentials().stream()).toList();
    Map<String, List<TargetAccount>> blocked = new TreeMap<>();
    Map<TaskFailure.Reason, List<AccountAudit>> failed = new TreeMap<>();
    for (AccountAudit result : sorted) {
      result.failure().ifPresent(f -> {
        if (f.reason() == TaskFailure.Reason.SCP_DENIED) {
          blocked.computeIfAbsent(f.blockedBy().orElse("an SCP"), k -> new ArrayList<>()).add(result.account());
        } else {
          failed.computeIfAbsent(f.reason(), k -> new ArrayList<>()).add(result);
        }
      });
    }
    return new AuditSummary(results.size(), found.size(), count(found, c -> !c.isEmpty()),
        count(found, c -> c.password().isPresent()),
        count(found, c -> c.password().flatMap(RootCredentials.Password::lastUsed).isPresent()),
        count(found, c -> !c.accessKeys().isEmpty()), found.stream().mapToInt(c -> c.accessKeys().size()).sum(),
        count(found, c -> !c.signingCertificates().isEmpty()), count(found, c -> !c.mfaDevices().isEmpty()), blocked,
        failed);
  }

  /** How many accounts an SCP blocked. */
  public int blocked() {
    return blockedBy.values().stream().mapToInt(List::size).sum();
  }

  /** The summary in plain text, a line each: the credential kinds, then the SCP blocks, then the failures. */
  public String text() {
    List<String> lines = new ArrayList<>();
    lines.add("Audited " + accounts(accounts) + ": " + read + " read, " + withAny + " with root credentials.");
    lines.add("Password: " + accounts(withPassword) + " (" + withPasswordUsed + " used to sign in)");
    lines.add("Access keys: " + accounts(withAccessKeys) + " (" + accessKeys + " key" + (accessKeys == 1 ? "" : "s") + ")");
    lines.add("Signing certificates: " + accounts(withSigningCertificates));
    lines.add("MFA devices: " + accounts(withMfaDevices));
    lines.add("No root credentials: " + accounts(read - withAny));
    if (!blockedBy.isEmpty()) {
      lines.add("Blocked by an SCP: " + accounts(blocked()));
      new TreeMap<>(blockedBy).forEach((scp, who) -> lines.add("  " + scp + ": " + accounts(who.size()) + " ("
          + names(who.stream().map(TargetAccount::name).toList()) + ")"));
    }
    if (!failed.isEmpty()) {
      lines.add("Failed: " + accounts(failed.values().stream().mapToInt(List::size).sum()));
      new TreeMap<>(failed).forEach((reason, who) -> lines.add("  " + reason.name().toLowerCase(Locale.ROOT)
          + ": " + accounts(who.size()) + ", e.g. " + who.get(0).failure().orElseThrow().explanation()
          + (who.size() > 1 ? " (also " + names(who.subList(1, who.size()).stream().map(a -> a.account().name())
              .toList()) + ")" : "")));
    }
    return String.join("\n", lines);
  }

  private static String accounts(int n) {
    return n + (n == 1 ? " account" : " accounts");
  }

  /** "a, b, c, d, e and 3 more". */
  static String names(List<String> names) {
    if (names.size() <= NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMES)) + " and " + (names.size() - NAMES) + " more";
  }

  private static int count(List<RootCredentials> found, Predicate<RootCredentials> has) {
    return (int) found.stream().filter(has).count();
  }
}

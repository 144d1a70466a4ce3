package dev.rootbot.bot.policy;

import dev.rootbot.bot.request.UserId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that need more than one value: accounts and OUs against the organization, the quorum against
 * the tasks and the approvers, and rules that an earlier rule hides.
 *
 * <p><b>Hidden rules.</b> A rule can never apply when an earlier rule includes all its tasks and covers each
 * of its accounts entries, since the first match applies. Coverage is judged entry by entry against the
 * organization as it is when the file is checked: {@code *} is covered only by {@code *} (it also means
 * accounts created later); an OU covers itself and the OUs nested in it; an OU or an account entry covers the
 * accounts it contains or names now; entries are never added up ({@code [ou:Production, ou:Sandbox]} does
 * not cover {@code *}). Without the organization, only {@code *} and identical entries cover.
 */
final class RuleChecks {
  static final String UNCHECKED = "account IDs, account names and OUs were not checked against the AWS"
      + " organization, and rules hidden by an earlier OU or account name could not be found";

  private final Nodes nodes;
  private final Optional<OrganizationView> organization;

  RuleChecks(Nodes nodes, Optional<OrganizationView> organization) {
    this.nodes = nodes;
    this.organization = organization;
  }

  /** Each account and OU a rule names must exist in the organization, once (names are not unique in AWS). */
  void accounts(RuleDraft draft) {
    if (draft.accounts == null || organization.isEmpty()) {
      return;
    }
    OrganizationView view = organization.get();
    int before = nodes.count();
    for (int i = 0; i < draft.accounts.size(); i++) {
      AccountPattern pattern = draft.accounts.get(i);
      var at = draft.accountNodes.get(i);
      if (pattern instanceof AccountPattern.ById byId && view.account(byId.id()).isEmpty()) {
        nodes.problem(at, "account " + byId.id().value() + " is not in the organization: check the ID");
      } else if (pattern instanceof AccountPattern.ByName byName) {
        List<TargetAccount> named = view.accountsNamed(byName.name());
        if (named.isEmpty()) {
          nodes.problem(at, "no account in the organization is named “" + byName.name() + "”: write its 12-digit ID,"
              + " or its name as Organizations shows it");
        } else if (named.size() > 1) {
          nodes.problem(at, named.size() + " accounts are named “" + byName.name() + "” ("
              + named.stream().map(a -> a.id().value()).collect(Collectors.joining(", ")) + "): write the ID of the"
              + " one you mean");
        }
      } else if (pattern instanceof AccountPattern.InUnit unit && unit.byId() && view.unit(unit.unit()).isEmpty()) {
        nodes.problem(at, "OU " + unit.unit() + " is not in the organization: check the ID");
      } else if (pattern instanceof AccountPattern.InUnit unit && !unit.byId()) {
        List<OrgUnit> named = view.unitsNamed(unit.unit());
        if (named.isEmpty()) {
          nodes.problem(at, "no OU in the organization is named “" + unit.unit() + "”: write ou:NAME with the name"
              + " Organizations shows, or ou:ou-… with the OU's ID");
        } else if (named.size() > 1) {
          nodes.problem(at, named.size() + " OUs are named “" + unit.unit() + "” ("
              + named.stream().map(OrgUnit::id).collect(Collectors.joining(", ")) + "): write ou: and the ID of the"
              + " one you mean");
        }
      }
    }
    if (nodes.count() > before) {
      draft.accounts = null;
    }
  }

  void acrossRules(List<RuleDraft> drafts) {
    for (int j = 0; j < drafts.size(); j++) {
      RuleDraft rule = drafts.get(j);
      quorum(rule);
      for (int i = 0; i < j; i++) {
        RuleDraft earlier = drafts.get(i);
        if (hides(earlier, rule)) {
          nodes.problem(rule.nameNode != null ? rule.nameNode : rule.node, rule.called() + " can never apply: "
              + earlier.called() + " (line " + Nodes.line(earlier.node) + ") comes first and matches every task and"
              + " account it does, and the first match applies. Move it above " + earlier.called()
              + ", or narrow that rule");
          break;
        }
      }
    }
  }

  private void quorum(RuleDraft rule) {
    if (rule.quorum == null) {
      return;
    }
    int quorum = rule.quorum;
    if (quorum == 0 && rule.tasks != null && !rule.tasks.changingTasks().isEmpty()) {
      nodes.problem(rule.quorumNode, "quorum: 0 runs without approval, which only tasks that change nothing may ("
          + unchanging() + "); " + (rule.tasks.all() ? "“*” includes " : "this rule lists ")
          + rule.tasks.changingTasks().stream().map(TaskId::id).collect(Collectors.joining(", "))
          + ". Set quorum to 1 or more, or give those tasks a rule of their own");
    }
    if (quorum == 0 && rule.breakGlass != null) {
      nodes.problem(rule.breakGlassNode, "break_glass is for rules that need approval; " + rule.called()
          + " has quorum 0, so its tasks run at once anyway: remove break_glass");
    }
    if (quorum == 0 || rule.approvers == null || rule.approvers.knownSize().isEmpty()) {
      return;
    }
    Set<UserId> approvers = rule.approvers.users();
    if (!approvers.isEmpty() && approvers.size() < quorum) {
      nodes.problem(rule.quorumNode, "quorum " + quorum + " is more than the " + approvers.size() + " approvers "
          + rule.called() + " names (" + ids(approvers) + "): lower the quorum, or name more approvers"
          + " (a Slack user group counts as enough)");
      return;
    }
    if (rule.requesters != null && !rule.requesters.anyMember() && approvers.size() - 1 < quorum) {
      List<UserId> both = rule.requesters.users().stream().filter(approvers::contains).toList();
      if (!both.isEmpty()) {
        nodes.problem(rule.quorumNode, ids(both) + (both.size() == 1 ? " may ask and is one of " : " may ask and are among ")
            + "the " + approvers.size() + " approvers of " + rule.called() + "; the requester never counts, so "
            + (both.size() == 1 ? "their" : "each one's") + " requests could never reach quorum " + quorum
            + ": name more approvers, or lower the quorum");
      }
    }
  }

  private boolean hides(RuleDraft earlier, RuleDraft later) {
    if (earlier.tasks == null || earlier.accounts == null || later.tasks == null || later.accounts == null) {
      return false;
    }
    return earlier.tasks.covers(later.tasks)
        && later.accounts.stream().allMatch(inner -> earlier.accounts.stream().anyMatch(outer -> covers(outer, inner)));
  }

  /** Whether every account {@code inner} matches now, and later, is matched by {@code outer}. */
  boolean covers(AccountPattern outer, AccountPattern inner) {
    if (outer instanceof AccountPattern.Any) {
      return true;
    }
    if (inner instanceof AccountPattern.Any) {
      return false;
    }
    if (outer.getClass() == inner.getClass() && same(outer, inner)) {
      return true;
    }
    if (organization.isEmpty()) {
      return false;
    }
    OrganizationView view = organization.get();
    if (inner instanceof AccountPattern.InUnit innerUnit) {
      List<OrgUnit> units = units(view, innerUnit);
      return outer instanceof AccountPattern.InUnit outerUnit && !units.isEmpty()
          && units.stream().allMatch(unit -> units(view, outerUnit).stream().anyMatch(o -> unit.isIn(o.id())));
    }
    List<TargetAccount> accounts = accounts(view, inner);
    return !accounts.isEmpty() && accounts.stream().allMatch(outer::matches);
  }

  private static boolean same(AccountPattern a, AccountPattern b) {
    return a.written().toLowerCase(Locale.ROOT).equals(b.written().toLowerCase(Locale.ROOT));
  }

  private static List<OrgUnit> units(OrganizationView view, AccountPattern.InUnit unit) {
    return unit.byId() ? view.unit(unit.unit()).stream().toList() : view.unitsNamed(unit.unit());
  }

  private static List<TargetAccount> accounts(OrganizationView view, AccountPattern account) {
    return view.accounts().stream().filter(account::matches).toList();
  }

  private static String unchanging() {
    return java.util.Arrays.stream(TaskId.values()).filter(t -> !t.changesSomething()).map(TaskId::id)
        .collect(Collectors.joining(", "));
  }

  private static String ids(java.util.Collection<UserId> users) {
    return users.stream().map(UserId::value).collect(Collectors.joining(", "));
  }
}

package dev.rootbot.bot.policy;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.UserId;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a policy file's YAML nodes into rules, checking each value where it is written: keys, types, task
 * identifiers, Slack IDs, group names, regular expressions, ranges. What needs several rules, or the
 * organization, is {@link RuleChecks}'s. One reader reads one file.
 *
 * <p>Longer than most classes because it is the file format itself, key by key, each with the message
 * that says how to fix it; splitting it would scatter one format over several files.
 */
final class PolicyReader {
  static final int MAX_TTL_MINUTES = 7 * 24 * 60;
  static final int MAX_REVIEW_HOURS = 7 * 24;

  private static final List<String> TOP_KEYS = List.of("version", "groups", "rules");
  private static final List<String> RULE_KEYS = List.of("name", "tasks", "accounts", "requesters", "approvers",
      "quorum", "reason", "channels", "ttl_minutes", "break_glass");
  private static final List<String> BREAK_GLASS_KEYS = List.of("who", "review_within_hours", "announce");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern GROUP_ID = Pattern.compile("S[A-Z0-9]{2,}");
  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern DIGITS = Pattern.compile("[0-9-]+");
  private static final String NOT_AN_ID = " is not a Slack user ID (U…, W…) or user group ID (S…)";
  private static final String HOW_TO_FIND_IDS = "copy a member ID from a profile's ⋮ menu, or a group's ID from its page";

  private final Nodes nodes = new Nodes();
  private final Map<String, Audience> groups = new LinkedHashMap<>();
  /** Every group the file defines, valid or not, so that using a broken group is not reported twice. */
  private final Set<String> definedGroups = new LinkedHashSet<>();

  static CheckedPolicy check(String text, Optional<OrganizationView> organization) {
    return new PolicyReader().read(text, organization);
  }

  private CheckedPolicy read(String text, Optional<OrganizationView> organization) {
    Optional<Node> root = compose(text);
    if (root.isEmpty()) {
      return new CheckedPolicy.Invalid(nodes.problems());
    }
    var top = nodes.mapping(root.get(), "the policy file", TOP_KEYS, "version: 1, then groups and rules");
    if (top.isEmpty()) {
      return new CheckedPolicy.Invalid(nodes.problems());
    }
    Map<String, Nodes.Field> fields = top.get();
    if (!fields.containsKey("version")) {
      nodes.problem(root.get(), "version is missing: start the file with version: 1");
    } else {
      Node version = fields.get("version").value();
      nodes.text(fields.get("version")).ifPresent(v -> {
        if (!v.equals(String.valueOf(Policy.VERSION))) {
          nodes.problem(version, "version " + (v.matches("[0-9]+") ? v : "“" + v + "”")
              + " is not known: this Rootbot reads version " + Policy.VERSION);
        } else if (!version.getTag().equals(Tag.INT)) {
          nodes.problem(version, "version must be the number " + Policy.VERSION + ", without quotes");
        }
      });
    }
    if (fields.containsKey("groups")) {
      readGroups(fields.get("groups"));
    }
    List<RuleDraft> drafts = new ArrayList<>();
    if (!fields.containsKey("rules")) {
      nodes.problem(root.get(), "rules is missing: list the rules, first match first (see docs/policy.md)");
    } else {
      nodes.list(fields.get("rules"), "[- name: …]").ifPresent(items -> {
        if (items.isEmpty()) {
          nodes.problem(fields.get("rules").value(), "rules is empty: with no rule every request is refused;"
              + " list at least one");
        }
        items.forEach(item -> readRule(item, drafts.stream().filter(d -> d.name != null).toList())
            .ifPresent(drafts::add));
      });
    }
    var checks = new RuleChecks(nodes, organization);
    drafts.forEach(checks::accounts);
    checks.acrossRules(drafts);
    if (nodes.count() > 0) {
      return new CheckedPolicy.Invalid(nodes.problems());
    }
    return new CheckedPolicy.Valid(new Policy(Policy.VERSION, groups, drafts.stream().map(RuleDraft::rule).toList()),
        organization.isPresent() ? List.of() : List.of(RuleChecks.UNCHECKED));
  }

  private Optional<Node> compose(String text) {
    var options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(1_000_000);
    try {
      Node root = new Yaml(options).compose(new StringReader(text));
      if (root == null) {
        nodes.problems().add(new Problem(1, 1, "the file is empty: start it with version: 1, then the rules"));
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      nodes.problems().add(new Problem(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
          "not valid YAML: " + e.getProblem() + context));
    } catch (YAMLException e) {
      nodes.problems().add(new Problem(1, 1, "not valid YAML: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private void readGroups(Nodes.Field field) {
    nodes.anyMapping(field.value(), "groups", "groups: {security-oncall: [S0SECONCALL]}").ifPresent(map ->
        map.values().forEach(group -> {
          definedGroups.add(group.key());
          int before = nodes.count();
          if (!GROUP_NAME.matcher(group.key()).matches() || USER_ID.matcher(group.key()).matches()
              || GROUP_ID.matcher(group.key()).matches()) {
            nodes.problem(group.keyNode(), "“" + group.key() + "” cannot name a group: a group name is letters,"
                + " digits and - _ . and must not look like a Slack ID; use lower case, like security-oncall");
          }
          var users = new LinkedHashSet<UserId>();
          var ids = new LinkedHashSet<GroupId>();
          var written = new ArrayList<String>();
          nodes.list(group, "[S0SECONCALL, U0PLATLEAD1]").ifPresent(items -> {
            if (items.isEmpty()) {
              nodes.problem(group.value(), "group “" + group.key() + "” is empty: list its members' Slack IDs");
            }
            for (Node item : items) {
              nodes.text(item, "a member of group “" + group.key() + "”").ifPresent(id -> {
                written.add(id);
                if (USER_ID.matcher(id).matches()) {
                  users.add(new UserId(id));
                } else if (GROUP_ID.matcher(id).matches()) {
                  ids.add(new GroupId(id));
                } else {
                  nodes.problem(item, "“" + id + "” in group “" + group.key() + "”" + NOT_AN_ID + "; names cannot be"
                      + " used (nor other groups of the file): " + HOW_TO_FIND_IDS);
                }
              });
            }
          });
          if (nodes.count() == before) {
            groups.put(group.key(), new Audience(written, false, users, ids));
          }
        }));
  }

  private Optional<RuleDraft> readRule(Node node, List<RuleDraft> earlier) {
    var draft = new RuleDraft();
    draft.node = node;
    int before = nodes.count();
    var read = nodes.mapping(node, "a rule", RULE_KEYS, "- name: …, tasks: […], accounts: […], …");
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Nodes.Field> rule = read.get();
    Optional.ofNullable(rule.get("name")).ifPresent(field -> nodes.text(field).ifPresent(name -> {
      draft.nameNode = field.value();
      if (name.isBlank()) {
        nodes.problem(field.value(), "a rule's name is empty: name it, as people will see it in refusals");
        return;
      }
      earlier.stream().filter(d -> d.name.equals(name)).findFirst().ifPresent(d ->
          nodes.problem(field.value(), "two rules are named “" + name + "” (the other is on line " + Nodes.line(d.node)
              + "): give each rule its own name, as refusals name it"));
      draft.name = name;
    }));
    for (String required : List.of("name", "tasks", "accounts", "requesters", "quorum")) {
      if (!rule.containsKey(required)) {
        nodes.problem(node, draft.called() + " has no " + required + ": " + hint(required));
      }
    }
    Optional.ofNullable(rule.get("tasks")).ifPresent(field -> draft.tasks = tasks(field).orElse(null));
    Optional.ofNullable(rule.get("accounts")).ifPresent(field -> accounts(field, draft));
    Optional.ofNullable(rule.get("requesters")).ifPresent(field ->
        draft.requesters = audience(field, true, "nobody could ask under this rule; list who may, or “*”").orElse(null));
    Optional.ofNullable(rule.get("approvers")).ifPresent(field ->
        draft.approvers = audience(field, false, "list who approves, or remove it with quorum: 0").orElse(null));
    Optional.ofNullable(rule.get("quorum")).ifPresent(field -> {
      draft.quorumNode = field.value();
      draft.quorum = nodes.whole(field, 0, 1_000).orElse(null);
    });
    if (draft.quorum != null && draft.quorum > 0 && !rule.containsKey("approvers")) {
      nodes.problem(node, draft.called() + " needs approvers for its quorum of " + draft.quorum
          + ": list who approves under approvers");
    }
    if (draft.approvers == null && !rule.containsKey("approvers")) {
      draft.approvers = Audience.nobody();
    }
    Optional.ofNullable(rule.get("reason")).ifPresent(field -> nodes.text(field).ifPresent(source -> {
      try {
        draft.reason = ReasonPattern.compile(source);
      } catch (PatternSyntaxException e) {
        nodes.problem(field.value(), "reason is not a valid regular expression: " + e.getDescription()
            + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + "; for example, ^INC-[0-9]+");
      }
    }));
    Optional.ofNullable(rule.get("channels")).ifPresent(field -> draft.channels = channels(field,
        "channels is empty: remove it to allow every channel, or list channel IDs"));
    Optional.ofNullable(rule.get("ttl_minutes")).ifPresent(field ->
        draft.ttl = nodes.whole(field, 1, MAX_TTL_MINUTES).map(Duration::ofMinutes).orElse(null));
    Optional.ofNullable(rule.get("break_glass")).ifPresent(field -> {
      draft.breakGlassNode = field.keyNode();
      draft.breakGlass = breakGlass(field).orElse(null);
    });
    return Optional.of(draft);
  }

  private static String hint(String key) {
    switch (key) {
      case "name": return "name it, as people will see it in refusals";
      case "tasks": return "list the tasks it covers, or “*” for every task";
      case "accounts": return "list account IDs, names, ou:NAME, or “*” for every account";
      case "requesters": return "list who may ask (groups, Slack IDs), or “*” for any full member";
      default: return "say how many approvers must approve (0 runs at once, only for tasks that change nothing)";
    }
  }

  private Optional<TaskSet> tasks(Nodes.Field field) {
    var items = nodes.list(field, "[unlock-bucket, unlock-queue]");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().isEmpty()) {
      nodes.problem(field.value(), "tasks is empty: list the tasks the rule covers, or “*” for every task");
      return Optional.empty();
    }
    int before = nodes.count();
    boolean all = false;
    var listed = new ArrayList<TaskId>();
    for (Node item : items.get()) {
      Optional<String> id = nodes.text(item, "a task");
      if (id.isPresent() && id.get().equals("*")) {
        all = true;
      } else if (id.isPresent()) {
        Optional<TaskId> task = TaskId.parse(id.get());
        task.ifPresent(listed::add);
        if (task.isEmpty()) {
          nodes.problem(item, "unknown task “" + id.get() + "”: the tasks are " + TaskId.all() + ", or “*” for all");
        }
      }
    }
    return nodes.count() > before ? Optional.empty() : Optional.of(all ? TaskSet.everyTask() : TaskSet.of(listed));
  }

  private void accounts(Nodes.Field field, RuleDraft draft) {
    var items = nodes.list(field, "[\"ou:Production\", 222222222222, \"*\"]");
    if (items.isEmpty()) {
      return;
    }
    if (items.get().isEmpty()) {
      nodes.problem(field.value(), "accounts is empty: list account IDs, names, ou:NAME, or “*” for every account");
      return;
    }
    int before = nodes.count();
    var patterns = new ArrayList<AccountPattern>();
    var where = new ArrayList<Node>();
    for (Node item : items.get()) {
      nodes.text(item, "an account").flatMap(text -> account(item, text)).ifPresent(pattern -> {
        patterns.add(pattern);
        where.add(item);
      });
    }
    if (nodes.count() == before) {
      draft.accounts = patterns;
      draft.accountNodes = where;
    }
  }

  private Optional<AccountPattern> account(Node item, String text) {
    if (text.equals("*")) {
      return Optional.of(new AccountPattern.Any());
    }
    if (text.startsWith("ou:")) {
      String unit = text.substring(3).strip();
      if (unit.isEmpty()) {
        nodes.problem(item, "“ou:” names no OU: write ou:NAME or ou:ou-… with its ID");
        return Optional.empty();
      }
      return Optional.of(new AccountPattern.InUnit(unit));
    }
    if (DIGITS.matcher(text).matches()) {
      try {
        return Optional.of(new AccountPattern.ById(AccountId.parse(text)));
      } catch (RuntimeException e) {
        nodes.problem(item, "“" + text + "” is not an account ID: an account ID is 12 digits, like 111122223333");
        return Optional.empty();
      }
    }
    if (text.isBlank()) {
      nodes.problem(item, "an account is empty: write an account ID, a name, ou:NAME, or “*”");
      return Optional.empty();
    }
    return Optional.of(new AccountPattern.ByName(text.strip()));
  }

  /** People named in a rule: group names of the file, Slack IDs, and {@code *} where {@code anyone} allows it. */
  private Optional<Audience> audience(Nodes.Field field, boolean anyone, String whenEmpty) {
    var items = nodes.list(field, anyone ? "[platform-leads, U0PLATLEAD1, \"*\"]" : "[security-oncall, U0PLATLEAD1]");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().isEmpty()) {
      nodes.problem(field.value(), field.key() + " is empty: " + whenEmpty);
      return Optional.empty();
    }
    int before = nodes.count();
    var written = new ArrayList<String>();
    var users = new LinkedHashSet<UserId>();
    var ids = new LinkedHashSet<GroupId>();
    boolean any = false;
    for (Node item : items.get()) {
      Optional<String> entry = nodes.text(item, "an entry of " + field.key());
      if (entry.isEmpty()) {
        continue;
      }
      String id = entry.get();
      written.add(id);
      if (id.equals("*")) {
        any = true;
        if (!anyone) {
          nodes.problem(item, "“*” cannot be used in " + field.key() + ": name the people or groups who may "
              + (field.key().equals("who") ? "break glass" : "approve"));
        }
      } else if (USER_ID.matcher(id).matches()) {
        users.add(new UserId(id));
      } else if (GROUP_ID.matcher(id).matches()) {
        ids.add(new GroupId(id));
      } else if (groups.containsKey(id)) {
        users.addAll(groups.get(id).users());
        ids.addAll(groups.get(id).groups());
      } else if (!definedGroups.contains(id)) {
        nodes.problem(item, "unknown group “" + id + "”: define it under groups, or write a Slack user ID (U…, W…)"
            + " or user group ID (S…)" + (definedGroups.isEmpty() ? "" : "; the groups are "
            + String.join(", ", definedGroups)));
      }
    }
    if (nodes.count() > before) {
      return Optional.empty();
    }
    return Optional.of(any ? new Audience(written, true, Set.of(), Set.of()) : new Audience(written, false, users, ids));
  }

  private List<ChannelId> channels(Nodes.Field field, String whenEmpty) {
    var items = nodes.list(field, "[C0INCIDENTS]");
    var channels = new ArrayList<ChannelId>();
    if (items.isEmpty()) {
      return channels;
    }
    if (items.get().isEmpty()) {
      nodes.problem(field.value(), whenEmpty);
    }
    for (Node item : items.get()) {
      nodes.text(item, "a channel").ifPresent(id -> {
        try {
          channels.add(new ChannelId(id));
        } catch (IllegalArgumentException e) {
          nodes.problem(item, "“" + id + "” is not a Slack channel ID (C…, G…): names cannot be used; copy the ID"
              + " from the channel's details, at the bottom of About");
        }
      });
    }
    return channels;
  }

  private Optional<BreakGlass> breakGlass(Nodes.Field field) {
    var read = nodes.mapping(field.value(), "break_glass", BREAK_GLASS_KEYS,
        "{who: [security-oncall], review_within_hours: 4, announce: [C0SECURITY]}");
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Nodes.Field> glass = read.get();
    int before = nodes.count();
    for (String required : BREAK_GLASS_KEYS) {
      if (!glass.containsKey(required)) {
        nodes.problem(field.value(), "break_glass has no " + required + ": " + (required.equals("who")
            ? "name who may run its tasks without approval" : required.equals("announce")
            ? "list the channels told at once and reminded until it is reviewed"
            : "say within how many hours (1 to " + MAX_REVIEW_HOURS + ") the approvers must review a run"));
      }
    }
    Optional<Audience> who = Optional.ofNullable(glass.get("who"))
        .flatMap(f -> audience(f, false, "name who may run its tasks without approval"));
    Optional<Integer> hours = Optional.ofNullable(glass.get("review_within_hours"))
        .flatMap(f -> nodes.whole(f, 1, MAX_REVIEW_HOURS));
    List<ChannelId> announce = Optional.ofNullable(glass.get("announce"))
        .map(f -> channels(f, "announce is empty: list the channels told when someone breaks glass"))
        .orElse(List.of());
    if (nodes.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new BreakGlass(who.orElseThrow(), Duration.ofHours(hours.orElseThrow()), announce));
  }
}

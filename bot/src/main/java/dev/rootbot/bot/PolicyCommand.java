package dev.rootbot.bot;

import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.policy.AccountPattern;
import dev.rootbot.bot.policy.AwsOrganizationView;
import dev.rootbot.bot.policy.CheckedPolicy;
import dev.rootbot.bot.policy.OrganizationView;
import dev.rootbot.bot.policy.Policy;
import dev.rootbot.bot.policy.PolicyFile;
import dev.rootbot.bot.policy.Problem;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.policy.Summary;
import dev.rootbot.bot.policy.TargetAccount;
import dev.rootbot.bot.policy.TaskId;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.text.SlackText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code rootbot policy check FILE} and {@code rootbot policy explain FILE --task T --account A --requester U
 * [--channel C] [--in-group S…]}: the policy file's checker and its decision for one request, offline.
 *
 * <p>When AWS is configured ({@code AWS_REGION} and credentials), accounts and OUs are read from
 * Organizations and checked; otherwise everything else is checked and the output says what was not. Slack is
 * never called, so who is in which user group is assumed, and said.
 *
 * <p>Exit codes: 0 done (a valid file; a decision printed, refusals included), 1 an invalid file or an account
 * not in the organization, 2 a usage error.
 */
final class PolicyCommand {
  static final String USAGE = String.join("\n",
      "Usage: rootbot policy check FILE",
      "       rootbot policy explain FILE --task T --account A --requester U [--channel C] [--in-group S…]");

  private enum Answer { YES, NO, UNKNOWN }

  private final Map<String, String> env;
  private final Supplier<AwsCredentialsProvider> credentials;
  private final PrintStream out;
  private final PrintStream err;
  private String organizationNote = "";

  private PolicyCommand(Map<String, String> env, Supplier<AwsCredentialsProvider> credentials, PrintStream out,
      PrintStream err) {
    this.env = env;
    this.credentials = credentials;
    this.out = out;
    this.err = err;
  }

  static int run(String[] args, Map<String, String> env, Supplier<AwsCredentialsProvider> credentials,
      PrintStream out, PrintStream err) {
    var command = new PolicyCommand(env, credentials, out, err);
    if (args.length == 2 && args[0].equals("check")) {
      return command.check(args[1]);
    }
    if (args.length >= 2 && args[0].equals("explain")) {
      return command.explain(args[1], List.of(args).subList(2, args.length));
    }
    err.println("rootbot policy: " + (args.length == 0 ? "say check or explain" : "cannot read \""
        + String.join(" ", args) + "\"") + "\n" + USAGE);
    return 2;
  }

  private int check(String file) {
    Optional<OrganizationView> organization = organization();
    CheckedPolicy checked = PolicyFile.read(Path.of(file), organization);
    if (!(checked instanceof CheckedPolicy.Valid valid)) {
      return invalid(file, checked);
    }
    Policy policy = valid.policy();
    out.println(file + ": valid, " + plural(policy.rules().size(), "rule") + ", tried in this order.");
    out.println(organizationNote);
    out.println(Summary.of(policy));
    return 0;
  }

  private int explain(String file, List<String> flags) {
    Map<String, List<String>> given = new LinkedHashMap<>();
    for (int i = 0; i < flags.size(); i += 2) {
      String flag = flags.get(i);
      if (!List.of("--task", "--account", "--requester", "--channel", "--in-group").contains(flag)
          || i + 1 >= flags.size()) {
        return usage("unknown or incomplete option \"" + flag + "\"");
      }
      if (!flag.equals("--in-group") && given.containsKey(flag)) {
        return usage(flag + " is given twice");
      }
      given.computeIfAbsent(flag, f -> new ArrayList<>()).add(flags.get(i + 1));
    }
    for (String required : List.of("--task", "--account", "--requester")) {
      if (!given.containsKey(required)) {
        return usage(required + " is required");
      }
    }
    Optional<TaskId> task = TaskId.parse(one(given, "--task"));
    if (task.isEmpty()) {
      return usage("unknown task \"" + one(given, "--task") + "\": the tasks are " + TaskId.all());
    }
    UserId requester;
    Optional<ChannelId> channel;
    List<GroupId> groups;
    try {
      requester = new UserId(one(given, "--requester"));
      channel = Optional.ofNullable(given.get("--channel")).map(c -> new ChannelId(c.get(0)));
      groups = given.getOrDefault("--in-group", List.of()).stream().map(GroupId::new).toList();
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    Optional<OrganizationView> organization = organization();
    CheckedPolicy checked = PolicyFile.read(Path.of(file), organization);
    if (!(checked instanceof CheckedPolicy.Valid valid)) {
      return invalid(file, checked);
    }
    String account = one(given, "--account");
    Person person = Person.member(requester, groups.toArray(GroupId[]::new));
    var lines = new ArrayList<String>();
    Optional<Rule> rule;
    if (organization.isPresent()) {
      Optional<TargetAccount> target = find(organization.get(), account);
      if (target.isEmpty()) {
        return 1;
      }
      lines.add("request:     " + task.get().id() + " in account " + target.get().label() + ", asked by "
          + requester.value() + channel.map(c -> " in " + c.value()).orElse(""));
      rule = valid.policy().select(task.get(), target.get()).rule();
    } else {
      lines.add("request:     " + task.get().id() + " in account " + account + ", asked by " + requester.value()
          + channel.map(c -> " in " + c.value()).orElse(""));
      rule = offline(valid.policy(), task.get(), account, lines);
    }
    if (rule.isEmpty()) {
      lines.add("rule:        none matches, so the request is refused");
    } else {
      describe(valid.policy(), rule.get(), person, channel, lines);
    }
    lines.add("assumed:     " + requester.value() + " is an active, full member of the workspace, in "
        + (groups.isEmpty() ? "no Slack user group" : "the user groups " + groups.stream().map(GroupId::value)
            .collect(Collectors.joining(", ")) + " and no other")
        + " (Slack is not asked here; --in-group S… assumes membership)");
    lines.forEach(out::println);
    return 0;
  }

  private void describe(Policy policy, Rule rule, Person person, Optional<ChannelId> channel, List<String> lines) {
    lines.add("rule:        \"" + rule.name() + "\" (line " + rule.line() + ")");
    // The reason is not known here, so it is shown as a condition rather than checked.
    Decision ask = Rule.first(rule.requesterAllowed(person), channel.map(rule::channelAllowed).orElse(Decision.allow()),
        rule.approvalPossibleFor(person.id()));
    lines.add("may ask:     " + ask.refusal().map(why -> "no: " + plain(why)).orElse("yes"));
    lines.add("approvers:   " + (rule.needsApproval() ? Summary.people(policy, rule.approvers()) : "none needed"));
    lines.add("quorum:      " + (rule.needsApproval() ? rule.quorum() + " (distinct approvers; the requester never counts)"
        : "0 (runs at once, with no approval)"));
    var conditions = new ArrayList<String>();
    rule.reason().ifPresent(p -> conditions.add("the reason must match " + p.source()));
    if (!rule.channels().isEmpty()) {
      conditions.add("asked in " + rule.channels().stream().map(ChannelId::value).collect(Collectors.joining(", "))
          + (channel.isEmpty() ? " (no --channel given, so not checked)" : ""));
    }
    rule.ttl().ifPresent(ttl -> conditions.add("a request waits " + ttl.toMinutes() + " min"));
    lines.add("conditions:  " + (conditions.isEmpty() ? "none" : String.join("; ", conditions)));
    lines.add("break-glass: " + rule.breakGlass().map(glass -> {
      Decision may = Rule.first(rule.breakGlassAllowed(person),
          channel.map(rule::channelAllowed).orElse(Decision.allow()));
      boolean allowed = may.isAllowed();
      return Summary.people(policy, glass.who()) + "; " + person.id().value() + (allowed ? " may" : " may not")
          + " break glass; reviewed within " + glass.reviewWithin().toHours() + " h; announced in "
          + glass.announce().stream().map(ChannelId::value).collect(Collectors.joining(", "));
    }).orElse("none"));
  }

  /** The first rule that surely matches, saying which earlier rules might have matched had the organization been read. */
  private static Optional<Rule> offline(Policy policy, TaskId task, String account, List<String> lines) {
    var unsure = new ArrayList<String>();
    for (Rule rule : policy.rules()) {
      if (!rule.tasks().includes(task)) {
        continue;
      }
      List<Answer> answers = rule.accounts().stream().map(pattern -> answer(pattern, account)).toList();
      if (answers.contains(Answer.YES)) {
        unsure.forEach(lines::add);
        return Optional.of(rule);
      }
      if (answers.contains(Answer.UNKNOWN)) {
        unsure.add("unsure:      \"" + rule.name() + "\" (line " + rule.line() + ") comes first and applies if " + account
            + " is among " + rule.accounts().stream().map(AccountPattern::written).collect(Collectors.joining(", "))
            + ", which needs the organization; assumed it is not");
      }
    }
    unsure.forEach(lines::add);
    return Optional.empty();
  }

  /** Whether {@code pattern} matches the account written {@code account}, knowing only that text. */
  private static Answer answer(AccountPattern pattern, String account) {
    boolean isId = account.matches("[0-9]{12}");
    if (pattern instanceof AccountPattern.Any) {
      return Answer.YES;
    }
    if (pattern instanceof AccountPattern.ById byId && isId) {
      return byId.id().value().equals(account) ? Answer.YES : Answer.NO;
    }
    if (pattern instanceof AccountPattern.ByName byName && !isId) {
      return byName.name().toLowerCase(Locale.ROOT).equals(account.toLowerCase(Locale.ROOT)) ? Answer.YES : Answer.NO;
    }
    return Answer.UNKNOWN;
  }

  private Optional<TargetAccount> find(OrganizationView organization, String account) {
    if (account.matches("[0-9]{12}")) {
      Optional<TargetAccount> found = organization.account(new AccountId(account));
      if (found.isEmpty()) {
        err.println("rootbot policy: account " + account + " is not in the organization");
      }
      return found;
    }
    List<TargetAccount> named = organization.accountsNamed(account);
    if (named.size() != 1) {
      err.println("rootbot policy: " + (named.isEmpty() ? "no account in the organization is named \"" + account + "\""
          : named.size() + " accounts are named \"" + account + "\": give the account ID"));
      return Optional.empty();
    }
    return Optional.of(named.get(0));
  }

  /** The organization from AWS when it is configured; otherwise empty, with a note saying what that leaves out. */
  private Optional<OrganizationView> organization() {
    Optional<String> region = Optional.ofNullable(env.get("AWS_REGION")).or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
        .filter(r -> !r.isBlank());
    if (region.isEmpty()) {
      organizationNote = "Account IDs, account names and OUs were not checked: AWS is not configured (set AWS_REGION"
          + " and credentials to read the organization).";
      return Optional.empty();
    }
    try (var aws = new AwsClients(AwsRegion.parse(region.get()), AwsEndpoints.fromEnvironment(env), credentials.get());
         var organizations = aws.organizations()) {
      OrganizationView view = AwsOrganizationView.read(organizations);
      organizationNote = "Accounts and OUs were checked against the organization (" + plural(view.accounts().size(),
          "account") + ", " + plural(view.units().size(), "OU") + ").";
      return Optional.of(view);
    } catch (RuntimeException e) {
      err.println("rootbot policy: could not read the organization from AWS (" + e.getMessage() + ")");
      organizationNote = "Account IDs, account names and OUs were not checked: the organization could not be read.";
      return Optional.empty();
    }
  }

  private int invalid(String file, CheckedPolicy checked) {
    for (Problem problem : checked.problems()) {
      out.println(problem.format(file));
    }
    err.println(file + ": " + plural(checked.problems().size(), "problem") + "; Rootbot will not start with this file.");
    return 1;
  }

  private int usage(String why) {
    err.println("rootbot policy explain: " + why + "\n" + USAGE);
    return 2;
  }

  private static String one(Map<String, List<String>> given, String flag) {
    return given.get(flag).get(0);
  }

  /** Slack text as plain text for a terminal: mentions become the IDs they are built from. */
  private static String plain(String mrkdwn) {
    return SlackText.unescape(mrkdwn.replaceAll("<@([UW][A-Z0-9]+)>", "$1").replaceAll("<!subteam\\^(S[A-Z0-9]+)>", "$1")
        .replaceAll("<#([CGD][A-Z0-9]+)>", "$1"));
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}

package dev.rootbot.bot.policy;

import static dev.rootbot.bot.approval.DecisionAssert.assertDecision;
import static dev.rootbot.bot.request.SampleRequests.ALICE;
import static dev.rootbot.bot.request.SampleRequests.BOB;
import static dev.rootbot.bot.request.SampleRequests.CAROL;
import static dev.rootbot.bot.request.SampleRequests.INCIDENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.SampleRequests;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The matcher's decisions under one rule: one row per case, for asking, approving, denying and breaking glass. */
class RuleTest {
  private static final GroupId LEADS = new GroupId("S0LEADS");
  private static final GroupId ONCALL = new GroupId("S0ONCALL");
  private static final UserId ERIN = new UserId("U0ERIN");
  private static final UserId DAVE = new UserId("U0DAVE");
  private static final ChannelId PLATFORM = new ChannelId("C0PLATFORM");

  /** Alice (who asks in SampleRequests) may ask and approve; Erin asks through the leads group; Dave approves through on-call. */
  private static final Policy POLICY = PolicyFileTest.valid("""
      version: 1
      groups:
        leads: [U0ALICE, S0LEADS]
        approvers: [U0ALICE, U0BOB, U0CAROL, S0ONCALL]
      rules:
        - name: unlocks need two
          tasks: [unlock-bucket]
          accounts: ["*"]
          requesters: [leads]
          approvers: [approvers]
          quorum: 2
          reason: "^(INC|SEC)-[0-9]+"
          channels: [C0INCIDENT]
          break_glass: {who: [U0BOB], review_within_hours: 4, announce: [C0SECURITY]}
        - name: queues by the book
          tasks: [unlock-queue]
          accounts: ["*"]
          requesters: ["*"]
          approvers: [U0BOB, U0CAROL]
          quorum: 2
        - name: audits
          tasks: [audit-root-credentials]
          accounts: ["*"]
          requesters: ["*"]
          quorum: 0
      """, Optional.empty()).policy();
  private static final Rule TWO = POLICY.rules().get(0);
  private static final Rule BY_THE_BOOK = POLICY.rules().get(1);
  private static final Rule AUDITS = POLICY.rules().get(2);
  private static final Rule NOBODY = Policy.fromApprovers(dev.rootbot.bot.approval.Approvers.none()).rules().get(0);

  private static final RootRequest WAITING = SampleRequests.waiting();
  private static final Instant SOON = SampleRequests.NOON.plusSeconds(60);
  private static final Tally NONE = Tally.none(ALICE);
  private static final Optional<Reason> INC = reason("INC-42 locked us out");
  private static final String ALLOWED = null;

  static Stream<Arguments> requests() {
    return Stream.of(
        arguments("a named requester, in a listed channel, with a fitting reason", TWO, member(ALICE), INCIDENTS, INC, ALLOWED),
        arguments("a member of a requesters group", TWO, member(ERIN, LEADS), INCIDENTS, INC, ALLOWED),
        arguments("someone the rule does not name", TWO, member(CAROL), INCIDENTS, INC,
            "under rule “unlocks need two”, only <!subteam^S0LEADS>, <@U0ALICE> may ask for this"),
        arguments("a member of another group", TWO, member(CAROL, ONCALL), INCIDENTS, INC, "only <!subteam^S0LEADS>"),
        arguments("a named guest", TWO, guest(ALICE), INCIDENTS, INC, "guests, bots and deactivated users cannot ask"),
        arguments("a named deactivated user", TWO, deactivated(ALICE), INCIDENTS, INC, "guests, bots and deactivated"),
        arguments("a named bot", TWO, bot(ALICE), INCIDENTS, INC, "guests, bots and deactivated users cannot ask"),
        arguments("a channel the rule does not list", TWO, member(ALICE), PLATFORM, INC,
            "under rule “unlocks need two”, this can only be asked in <#C0INCIDENT>"),
        arguments("a reason that does not match", TWO, member(ALICE), INCIDENTS, reason("locked out again"),
            "under rule “unlocks need two”, the reason must match `^(INC|SEC)-[0-9]+`"),
        arguments("a reference that is not at the start", TWO, member(ALICE), INCIDENTS, reason("see INC-42"),
            "the reason must match"),
        arguments("a reference in another case", TWO, member(ALICE), INCIDENTS, reason("inc-42 locked"), "the reason must match"),
        arguments("a reason with markup around the reference", TWO, member(ALICE), INCIDENTS, slackReason("SEC-7 <@U0BOB> & co"),
            ALLOWED),
        arguments("no reason at all", TWO, member(ALICE), INCIDENTS, Optional.empty(),
            "a reason matching `^(INC|SEC)-[0-9]+` is required"),
        arguments("the requester is checked before the channel", TWO, member(CAROL), PLATFORM, Optional.empty(),
            "may ask for this"),
        arguments("the channel is checked before the reason", TWO, member(ALICE), PLATFORM, Optional.empty(),
            "can only be asked in"),
        arguments("any full member where requesters is *", BY_THE_BOOK, member(DAVE), PLATFORM, Optional.empty(), ALLOWED),
        arguments("but not a guest", BY_THE_BOOK, guest(DAVE), PLATFORM, Optional.empty(), "guests, bots and deactivated"),
        arguments("an approver whose request the others cannot bring to quorum", BY_THE_BOOK, member(BOB), PLATFORM,
            Optional.empty(), "under rule “queues by the book”, this needs 2 approvals from <@U0BOB>, <@U0CAROL> and the"
                + " requester never counts, so only 1 could approve yours"),
        arguments("an approver where a user group makes up the number", TWO, member(ALICE), INCIDENTS, INC, ALLOWED),
        arguments("a rule that needs no approval", AUDITS, member(DAVE), PLATFORM, Optional.empty(), ALLOWED),
        arguments("a rule nobody can approve", NOBODY, member(DAVE), PLATFORM, INC,
            "nobody can approve this under rule “every task in every account” yet: ask your Rootbot admin"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void request(String description, Rule rule, Person person, ChannelId channel, Optional<Reason> reason, String refusal) {
    assertDecision(rule.mayRequest(person, channel, reason), refusal);
  }

  static Stream<Arguments> approvals() {
    return Stream.of(
        arguments("a named approver, first", WAITING, NONE, member(BOB), SOON, ALLOWED),
        arguments("a member of the approvers' user group", WAITING, NONE, member(DAVE, ONCALL), SOON, ALLOWED),
        arguments("a second approver", WAITING, NONE.with(BOB), member(CAROL), SOON, ALLOWED),
        arguments("the requester, although an approver", WAITING, NONE, member(ALICE), SOON,
            "you asked for this, so someone else must approve it"),
        arguments("the requester, after others approved", WAITING, NONE.with(BOB), member(ALICE), SOON, "you asked for this"),
        arguments("the same approver twice", WAITING, NONE.with(BOB), member(BOB), SOON,
            "you have already approved this; it needs 2 approvals from different people (1/2 so far)"),
        arguments("someone the rule does not name", WAITING, NONE, member(ERIN), SOON,
            "under rule “unlocks need two”, only <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB>, <@U0CAROL> can approve this"),
        arguments("a requester-group member who is not an approver", WAITING, NONE, member(ERIN, LEADS), SOON,
            "can approve this"),
        arguments("a named guest", WAITING, NONE, guest(BOB), SOON, "guests, bots and deactivated users cannot approve"),
        arguments("a guest in the approvers' group", WAITING, NONE, guest(DAVE, ONCALL), SOON, "guests, bots and deactivated"),
        arguments("a named approver since deactivated", WAITING, NONE, deactivated(BOB), SOON, "guests, bots and deactivated"),
        arguments("a named bot", WAITING, NONE, bot(BOB), SOON, "guests, bots and deactivated users cannot approve"),
        arguments("at the expiry time", WAITING, NONE, member(BOB), WAITING.expiresAt(), "this request expired at"),
        arguments("just before the expiry time", WAITING, NONE, member(BOB), WAITING.expiresAt().minusMillis(1), ALLOWED),
        arguments("once approved", SampleRequests.in(State.APPROVED), NONE.with(BOB), member(CAROL), SOON,
            "no longer waiting for approval: it is approved"),
        arguments("once denied", SampleRequests.in(State.DENIED), NONE, member(CAROL), SOON, "no longer waiting"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approvals")
  void approve(String description, RootRequest request, Tally tally, Person person, Instant now, String refusal) {
    assertDecision(TWO.mayApprove(request, tally, person, now), refusal);
  }

  @Test
  void a_rule_that_needs_no_approval_takes_none() {
    assertDecision(AUDITS.mayApprove(WAITING, NONE, member(BOB), SOON), "this request needs no approval under rule “audits”");
  }

  static Stream<Arguments> tallies() {
    return Stream.of(
        arguments("no approval", List.of(), false, "Needs 2 of <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB>, <@U0CAROL> — 0/2"),
        arguments("one approval", List.of(BOB), false,
            "Needs 2 of <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB>, <@U0CAROL> — 1/2: <@U0BOB>"),
        arguments("one person twice", List.of(BOB, BOB), false, "— 1/2: <@U0BOB>"),
        arguments("one person and the requester", List.of(ALICE, BOB), false, "— 1/2: <@U0BOB>"),
        arguments("two people", List.of(BOB, CAROL), true, "Approved — 2/2: <@U0BOB>, <@U0CAROL>"),
        arguments("two people, one twice, in the order they first approved", List.of(CAROL, BOB, CAROL), true,
            "Approved — 2/2: <@U0CAROL>, <@U0BOB>"),
        arguments("three people", List.of(BOB, CAROL, DAVE), true, "Approved — 2/2: <@U0BOB>, <@U0CAROL>, <@U0DAVE>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tallies")
  void quorum_and_progress(String description, List<UserId> approvals, boolean reached, String progress) {
    Tally tally = new Tally(ALICE, approvals);

    assertThat(TWO.quorumReached(tally)).isEqualTo(reached);
    assertThat(TWO.progress(tally)).contains(progress);
  }

  @Test
  void the_card_line_reads_as_the_issue_shows_it() {
    Rule production = PolicyFileTest.valid(PolicyFileTest.ISSUE_EXAMPLE, Optional.of(TestOrganization.VIEW)).policy()
        .rules().get(0);

    assertThat(production.progress(new Tally(new UserId("U0PLATLEAD1"), List.of(BOB))))
        .isEqualTo("Needs 2 of <!subteam^S0SECONCALL> — 1/2: <@U0BOB>");
    assertThat(AUDITS.progress(NONE)).isEqualTo("Needs no approval (rule “audits”)");
    assertThat(AUDITS.quorumReached(NONE)).isTrue();
  }

  static Stream<Arguments> denials() {
    return Stream.of(
        arguments("a named approver", WAITING, member(BOB), SOON, ALLOWED),
        arguments("a member of the approvers' group", WAITING, member(DAVE, ONCALL), SOON, ALLOWED),
        arguments("the requester cancels instead", WAITING, member(ALICE), SOON, "you asked for this: use Cancel to withdraw it"),
        arguments("someone the rule does not name", WAITING, member(ERIN), SOON,
            "under rule “unlocks need two”, only <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB>, <@U0CAROL> can deny this"),
        arguments("a named guest", WAITING, guest(BOB), SOON, "guests, bots and deactivated users cannot deny"),
        arguments("an expired request", WAITING, member(BOB), WAITING.expiresAt(), "expired at"),
        arguments("an approved request", SampleRequests.in(State.APPROVED), member(CAROL), SOON, "no longer waiting"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("denials")
  void deny(String description, RootRequest request, Person person, Instant now, String refusal) {
    assertDecision(TWO.mayDeny(request, person, now), refusal);
  }

  static Stream<Arguments> breakGlass() {
    return Stream.of(
        arguments("the person break_glass names, where and why the rule allows", TWO, member(BOB), INCIDENTS, INC, ALLOWED),
        arguments("though not among the requesters", TWO, member(BOB), INCIDENTS, INC, ALLOWED),
        arguments("an approver break_glass does not name", TWO, member(CAROL), INCIDENTS, INC,
            "under rule “unlocks need two”, only <@U0BOB> may break glass; ask for approval instead"),
        arguments("a requester break_glass does not name", TWO, member(ALICE), INCIDENTS, INC, "only <@U0BOB> may break glass"),
        arguments("the named person as a guest", TWO, guest(BOB), INCIDENTS, INC, "guests, bots and deactivated users cannot break glass"),
        arguments("the named person, deactivated", TWO, deactivated(BOB), INCIDENTS, INC, "cannot break glass"),
        arguments("in a channel the rule does not list", TWO, member(BOB), PLATFORM, INC, "can only be asked in <#C0INCIDENT>"),
        arguments("with a reason that does not match", TWO, member(BOB), INCIDENTS, reason("hurry"), "the reason must match"),
        arguments("under a rule without break-glass", BY_THE_BOOK, member(BOB), INCIDENTS, INC,
            "rule “queues by the book” has no break-glass: ask for approval with the same words"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakGlass")
  void break_glass(String description, Rule rule, Person person, ChannelId channel, Optional<Reason> reason, String refusal) {
    assertDecision(rule.mayBreakGlass(person, channel, reason), refusal);
  }

  static Stream<Arguments> reviews() {
    return Stream.of(
        arguments("an approver of the rule", member(CAROL), ALLOWED),
        arguments("a member of the approvers' group", member(DAVE, ONCALL), ALLOWED),
        arguments("the person who broke glass, although an approver", member(BOB),
            "you broke glass, so someone else must review it"),
        arguments("someone the rule does not name", member(ERIN),
            "under rule “unlocks need two”, only <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB>, <@U0CAROL> can review this"),
        arguments("an approver since deactivated", deactivated(CAROL), "guests, bots and deactivated users cannot review"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reviews")
  void review_of_a_break_glass_run(String description, Person person, String refusal) {
    assertDecision(TWO.mayReview(BOB, person), refusal);
  }

  @Test
  void a_rule_name_with_markup_is_escaped_in_every_refusal() {
    Rule sly = new Rule("<!channel> & co", 1, TWO.tasks(), TWO.accounts(), TWO.requesters(), TWO.approvers(), 2,
        TWO.reason(), TWO.channels(), TWO.ttl(), TWO.breakGlass());

    assertThat(sly.mayRequest(member(CAROL), INCIDENTS, INC).refusal()).get().asString()
        .contains("“&lt;!channel&gt; &amp; co”").doesNotContain("<!channel>");
  }

  @Test
  void no_refusal_names_a_setting() {
    Stream<Decision> decisions = Stream.of(NOBODY.mayRequest(member(DAVE), PLATFORM, INC),
        NOBODY.mayApprove(WAITING, NONE, member(DAVE), SOON), NOBODY.mayDeny(WAITING, member(DAVE), SOON),
        NOBODY.mayBreakGlass(member(DAVE), PLATFORM, INC));

    assertThat(decisions).allSatisfy(decision -> assertThat(decision.refusal()).get().asString()
        .doesNotContainPattern("ROOTBOT_|[A-Z]{4,}_[A-Z]{3,}"));
  }

  private static Person member(UserId id, GroupId... groups) {
    return Person.member(id, groups);
  }

  private static Person guest(UserId id, GroupId... groups) {
    return new Person(id, false, false, true, false, Set.of(groups));
  }

  private static Person deactivated(UserId id) {
    return new Person(id, true, false, false, false, Set.of());
  }

  private static Person bot(UserId id) {
    return new Person(id, false, true, false, false, Set.of());
  }

  private static Optional<Reason> reason(String plain) {
    return Optional.of(Reason.fromPlainText(plain));
  }

  private static Optional<Reason> slackReason(String slack) {
    return Optional.of(Reason.fromSlack(slack));
  }
}

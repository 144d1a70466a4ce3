package dev.rootbot.bot.approval;

import static dev.rootbot.bot.approval.DecisionAssert.assertDecision;
import static dev.rootbot.bot.request.SampleRequests.ALICE;
import static dev.rootbot.bot.request.SampleRequests.BOB;
import static dev.rootbot.bot.request.SampleRequests.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.bot.policy.Policy;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.policy.Tally;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.SampleRequests;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may request, approve, deny and cancel with the approver list alone ({@code ROOTBOT_APPROVERS}, as the one
 * rule {@link Policy#fromApprovers} builds), who may cancel and read the history under any policy: one row per rule.
 */
class ApprovalsTest {
  private static final GroupId ONCALL = new GroupId("S0ONCALL");
  private static final GroupId OTHERS = new GroupId("S0OTHERS");
  private static final UserId ERIN = new UserId("U0ERIN");
  /** Alice (the requester) and Bob are listed by ID; Erin through the on-call group. */
  private static final Rule RULES = Policy.fromApprovers(Approvers.parse("U0ALICE, U0BOB, S0ONCALL")).rules().get(0);
  private static final ChannelId CHANNEL = new ChannelId("C0INCIDENT");
  private static final RootRequest WAITING = SampleRequests.waiting();
  private static final Instant SOON = SampleRequests.NOON.plusSeconds(60);
  private static final String ALLOWED = null;

  static Stream<Arguments> approvals() {
    return Stream.of(
        arguments("a listed approver may approve", WAITING, member(BOB), SOON, ALLOWED),
        arguments("a member of a listed group may approve", WAITING, member(ERIN, ONCALL), SOON, ALLOWED),
        arguments("the requester cannot approve their own request, even when listed", WAITING, member(ALICE), SOON,
            "you asked for this, so someone else must approve it"),
        arguments("someone not listed cannot approve", WAITING, member(CAROL), SOON,
            "under rule “every task in every account”, only <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB> can approve this"),
        arguments("a member of an unlisted group cannot approve", WAITING, member(CAROL, OTHERS), SOON,
            "under rule “every task in every account”, only <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB> can approve this"),
        arguments("a listed multi-channel guest cannot approve", WAITING,
            new Person(BOB, false, false, true, false, Set.of()), SOON, "guests, bots and deactivated users"),
        arguments("a listed single-channel guest cannot approve", WAITING,
            new Person(BOB, false, false, false, true, Set.of()), SOON, "guests, bots and deactivated users"),
        arguments("a listed but deactivated user cannot approve", WAITING,
            new Person(BOB, true, false, false, false, Set.of()), SOON, "guests, bots and deactivated users"),
        arguments("a listed bot cannot approve", WAITING,
            new Person(BOB, false, true, false, false, Set.of()), SOON, "guests, bots and deactivated users"),
        arguments("a guest in a listed group cannot approve", WAITING,
            new Person(ERIN, false, false, true, false, Set.of(ONCALL)), SOON, "guests, bots and deactivated users"),
        arguments("an approved request cannot be approved again, and says by whom", SampleRequests.in(State.APPROVED),
            member(ERIN, ONCALL), SOON, "no longer waiting for approval: it is approved and about to run (decided by <@U0BOB>)"),
        arguments("a request cannot be approved at its expiry time", WAITING, member(BOB), WAITING.expiresAt(),
            "this request expired at 2026-11-28 12:30 UTC"),
        arguments("a request can be approved until just before it expires", WAITING, member(BOB),
            WAITING.expiresAt().minusMillis(1), ALLOWED),
        arguments("an expired request refuses even its requester with the expiry, not the rule", WAITING,
            member(ALICE), WAITING.expiresAt().plusSeconds(1), "expired"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approvals")
  void approve(String description, RootRequest request, Person person, Instant now, String refusal) {
    assertDecision(RULES.mayApprove(request, Tally.none(request.requester()), person, now), refusal);
  }

  @ParameterizedTest
  @EnumSource(value = State.class, names = "REQUESTED", mode = EnumSource.Mode.EXCLUDE)
  void only_a_waiting_request_can_be_approved_denied_or_cancelled(State state) {
    RootRequest request = SampleRequests.in(state);
    String refusal = "no longer waiting for approval: it is " + state.words();

    assertDecision(RULES.mayApprove(request, Tally.none(request.requester()), member(ERIN, ONCALL), SOON), refusal);
    assertDecision(RULES.mayDeny(request, member(ERIN, ONCALL), SOON), refusal);
    assertDecision(Approvals.mayCancel(request, member(ALICE), SOON), refusal);
  }

  static Stream<Arguments> denials() {
    return Stream.of(
        arguments("a listed approver may deny", WAITING, member(BOB), SOON, ALLOWED),
        arguments("a member of a listed group may deny", WAITING, member(ERIN, ONCALL), SOON, ALLOWED),
        arguments("the requester cancels rather than denies", WAITING, member(ALICE), SOON,
            "you asked for this: use Cancel to withdraw it"),
        arguments("someone not listed cannot deny", WAITING, member(CAROL), SOON,
            "under rule “every task in every account”, only <!subteam^S0ONCALL>, <@U0ALICE>, <@U0BOB> can deny this"),
        arguments("a listed guest cannot deny", WAITING, new Person(BOB, false, false, true, false, Set.of()), SOON,
            "guests, bots and deactivated users cannot deny"),
        arguments("an expired request cannot be denied", WAITING, member(BOB), WAITING.expiresAt(), "expired at"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("denials")
  void deny(String description, RootRequest request, Person person, Instant now, String refusal) {
    assertDecision(RULES.mayDeny(request, person, now), refusal);
  }

  static Stream<Arguments> cancellations() {
    return Stream.of(
        arguments("the requester may cancel", WAITING, member(ALICE), SOON, ALLOWED),
        arguments("the requester may cancel even after becoming a guest", WAITING,
            new Person(ALICE, false, false, true, false, Set.of()), SOON, ALLOWED),
        arguments("an approver cannot cancel someone else's request", WAITING, member(BOB), SOON,
            "only <@U0ALICE>, who asked, can cancel this request"),
        arguments("someone else cannot cancel", WAITING, member(CAROL), SOON, "only <@U0ALICE>, who asked"),
        arguments("an expired request cannot be cancelled", WAITING, member(ALICE), WAITING.expiresAt(), "expired at"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cancellations")
  void cancel(String description, RootRequest request, Person person, Instant now, String refusal) {
    assertDecision(Approvals.mayCancel(request, person, now), refusal);
  }

  static Stream<Arguments> requesters() {
    return Stream.of(
        arguments("a full member may ask", RULES, member(CAROL), ALLOWED),
        arguments("an approver may ask (someone else approves)", RULES, member(BOB), ALLOWED),
        arguments("a multi-channel guest cannot ask", RULES, new Person(CAROL, false, false, true, false, Set.of()),
            "guests, bots and deactivated users cannot ask"),
        arguments("a single-channel guest cannot ask", RULES, new Person(CAROL, false, false, false, true, Set.of()),
            "guests, bots and deactivated users cannot ask"),
        arguments("a deactivated user cannot ask", RULES, new Person(CAROL, true, false, false, false, Set.of()),
            "guests, bots and deactivated users cannot ask"),
        arguments("a bot cannot ask", RULES, new Person(CAROL, false, true, false, false, Set.of()),
            "guests, bots and deactivated users cannot ask"),
        arguments("nobody can ask while nobody can approve",
            Policy.fromApprovers(Approvers.none()).rules().get(0), member(CAROL),
            "nobody can approve this under rule “every task in every account” yet: ask your Rootbot admin to name"
                + " its approvers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requesters")
  void request(String description, Rule rules, Person person, String refusal) {
    assertDecision(rules.mayRequest(person, CHANNEL, Optional.empty()), refusal);
  }

  static Stream<Arguments> historyReaders() {
    return Stream.of(
        arguments("a full member who approves nothing may read the history", member(CAROL), ALLOWED),
        arguments("an approver may read it", member(BOB), ALLOWED),
        arguments("a multi-channel guest may not", new Person(CAROL, false, false, true, false, Set.of()),
            "guests, bots and deactivated users cannot read the audit history"),
        arguments("a single-channel guest may not", new Person(CAROL, false, false, false, true, Set.of()),
            "guests, bots and deactivated users cannot read the audit history"),
        arguments("a guest in an approver group may not", new Person(ERIN, false, false, true, false, Set.of(ONCALL)),
            "guests, bots and deactivated users cannot read the audit history"),
        arguments("a deactivated user may not", new Person(BOB, true, false, false, false, Set.of()),
            "guests, bots and deactivated users cannot read the audit history"),
        arguments("a bot may not", new Person(BOB, false, true, false, false, Set.of()),
            "guests, bots and deactivated users cannot read the audit history"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("historyReaders")
  void history(String description, Person person, String refusal) {
    assertDecision(Approvals.mayReadHistory(person), refusal);
  }

  static Stream<Arguments> approverLists() {
    return Stream.of(
        arguments("users and a group, comma-separated", "U0ALICE,W0DAVE,S0ONCALL", "U0ALICE W0DAVE", "S0ONCALL"),
        arguments("spaces, doubled and trailing commas", " U0ALICE ,, S0ONCALL , ", "U0ALICE", "S0ONCALL"),
        arguments("separated by spaces only", "U0ALICE U0BOB", "U0ALICE U0BOB", ""),
        arguments("pasted mentions", "<@U0ALICE|alice>, <!subteam^S0ONCALL|@oncall>", "U0ALICE", "S0ONCALL"),
        arguments("empty", "", "", ""),
        arguments("unset", null, "", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approverLists")
  void approvers_are_read_from_the_environment(String description, String value, String users, String groups) {
    Approvers approvers = Approvers.parse(value);

    assertThat(approvers.users()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(users.split(" ")).filter(s -> !s.isEmpty()).map(UserId::new).toList());
    assertThat(approvers.groups()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(groups.split(" ")).filter(s -> !s.isEmpty()).map(GroupId::new).toList());
    assertThat(approvers.isEmpty()).isEqualTo(users.isEmpty() && groups.isEmpty());
  }

  static Stream<Arguments> malformedApproverLists() {
    return Stream.of(
        arguments("a name instead of an ID", "U0ALICE, bob", "\"bob\""),
        arguments("a lower-case name that looks like an ID", "ulrike", "\"ulrike\""),
        arguments("a channel ID", "C0INCIDENT", "\"C0INCIDENT\""),
        arguments("an @handle", "@alice", "\"@alice\""),
        arguments("an e-mail address", "alice@example.com", "\"alice@example.com\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedApproverLists")
  void a_malformed_approver_entry_is_named_in_the_error(String description, String value, String named) {
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(IllegalArgumentException.class,
        () -> Approvers.parse(value)))
        .hasMessageStartingWith("ROOTBOT_APPROVERS: " + named + " is not a Slack user ID");
  }

  @Test
  void a_decision_carries_its_reason_only_when_refused() {
    assertThat(Decision.allow().refusal()).isEmpty();
    assertThat(Decision.refuse("no").refusal()).contains("no");
    assertThat(Decision.refuse("no").isAllowed()).isFalse();
  }

  private static Person member(UserId id, GroupId... groups) {
    return Person.member(id, groups);
  }
}

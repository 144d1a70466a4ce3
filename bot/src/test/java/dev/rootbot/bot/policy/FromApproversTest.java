package dev.rootbot.bot.policy;

import static dev.rootbot.bot.request.SampleRequests.ALICE;
import static dev.rootbot.bot.request.SampleRequests.BOB;
import static dev.rootbot.bot.request.SampleRequests.CAROL;
import static dev.rootbot.bot.request.SampleRequests.INCIDENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.approval.Approvals;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.Approvers;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.SampleRequests;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code ROOTBOT_APPROVERS} alone and the policy it stands for decide alike: every approver list, person,
 * state and time below, compared with the rules of the release before the policy ({@link Before}).
 */
class FromApproversTest {
  /** How Rootbot decided with the approver list before the approval policy, kept as it was, to compare with. */
  private record Before(Approvers approvers) {
    Decision mayRequest(Person requester) {
      if (!requester.activeFullMember()) {
        return Decision.refuse("guests, bots and deactivated users cannot ask for root tasks");
      }
      return approvers.isEmpty() ? Decision.refuse("nobody can approve root tasks yet") : Decision.allow();
    }

    Decision mayApprove(RootRequest request, Person approver, Instant now) {
      Decision pending = Approvals.stillWaiting(request, now);
      if (!pending.isAllowed()) {
        return pending;
      }
      if (approver.id().equals(request.requester())) {
        return Decision.refuse("you asked for this, so someone else must approve it");
      }
      if (!approver.activeFullMember()) {
        return Decision.refuse("guests, bots and deactivated users cannot approve");
      }
      return approvers.include(approver) ? Decision.allow() : Decision.refuse("only people in the list can approve");
    }

    Decision mayDeny(RootRequest request, Person denier, Instant now) {
      Decision pending = Approvals.stillWaiting(request, now);
      if (!pending.isAllowed()) {
        return pending;
      }
      if (denier.id().equals(request.requester())) {
        return Decision.refuse("you asked for this: use Cancel to withdraw it");
      }
      if (!denier.activeFullMember()) {
        return Decision.refuse("guests, bots and deactivated users cannot deny");
      }
      return approvers.include(denier) ? Decision.allow() : Decision.refuse("only people in the list can deny");
    }
  }

  private static final GroupId ONCALL = new GroupId("S0ONCALL");
  private static final GroupId OTHERS = new GroupId("S0OTHERS");
  private static final UserId ERIN = new UserId("U0ERIN");
  private static final List<String> LISTS = List.of("U0ALICE, U0BOB, S0ONCALL", "U0BOB", "U0ALICE", "S0ONCALL",
      "U0BOB, U0CAROL", "");

  private static List<Person> people() {
    var people = new ArrayList<Person>();
    for (UserId id : List.of(ALICE, BOB, CAROL, ERIN)) {
      for (Set<GroupId> groups : List.of(Set.<GroupId>of(), Set.of(ONCALL), Set.of(OTHERS))) {
        people.add(new Person(id, false, false, false, false, groups));
        people.add(new Person(id, false, false, true, false, groups));
        people.add(new Person(id, false, false, false, true, groups));
        people.add(new Person(id, true, false, false, false, groups));
        people.add(new Person(id, false, true, false, false, groups));
      }
    }
    return people;
  }

  private static List<RootRequest> requests() {
    var requests = new ArrayList<RootRequest>();
    for (State state : State.values()) {
      requests.add(SampleRequests.in(state));
    }
    return requests;
  }

  @Test
  void approving_and_denying_are_decided_as_today() {
    int compared = 0;
    for (String list : LISTS) {
      Approvers approvers = Approvers.parse(list);
      Before today = new Before(approvers);
      Rule rule = single(approvers);
      for (RootRequest request : requests()) {
        Tally tally = Tally.none(request.requester());
        for (Instant now : List.of(SampleRequests.NOON.plusSeconds(60), request.expiresAt())) {
          for (Person person : people()) {
            String row = list + " / " + request.state() + " / " + now + " / " + person;
            assertThat(rule.mayApprove(request, tally, person, now).isAllowed()).as("approve " + row)
                .isEqualTo(today.mayApprove(request, person, now).isAllowed());
            assertThat(rule.mayDeny(request, person, now).isAllowed()).as("deny " + row)
                .isEqualTo(today.mayDeny(request, person, now).isAllowed());
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(LISTS.size() * State.values().length * 2 * people().size());
  }

  @Test
  void asking_is_decided_as_today_except_a_request_only_its_requester_could_approve() {
    for (String list : LISTS) {
      Approvers approvers = Approvers.parse(list);
      Rule rule = single(approvers);
      for (Person person : people()) {
        boolean before = new Before(approvers).mayRequest(person).isAllowed();
        boolean now = rule.mayRequest(person, INCIDENTS, Optional.empty()).isAllowed();
        // Today such a request is filed and can only expire; now it is refused up front, and says why.
        boolean onlyThemselves = approvers.groups().isEmpty() && approvers.users().equals(Set.of(person.id()));
        assertThat(now).as(list + " / " + person).isEqualTo(before && !onlyThemselves);
      }
    }
  }

  @Test
  void every_task_in_every_account_is_covered_by_the_one_rule() {
    Policy policy = Policy.fromApprovers(Approvers.parse("U0BOB"));
    TargetAccount anywhere = new TargetAccount(new AccountId("999999999999"), "anything", List.of());

    for (TaskId task : TaskId.values()) {
      assertThat(policy.select(task, anywhere).rule()).get().extracting(Rule::name).isEqualTo(Policy.APPROVERS_RULE);
    }
    Rule rule = policy.rules().get(0);
    assertThat(rule.quorum()).isEqualTo(1);
    assertThat(rule.breakGlass()).isEmpty();
    assertThat(rule.reason()).isEmpty();
    assertThat(rule.channels()).isEmpty();
    assertThat(rule.ttl()).isEmpty();
    assertThat(rule.requesters().anyMember()).isTrue();
  }

  @Test
  void refusals_say_who_approves_instead_of_naming_a_setting() {
    Rule rule = single(Approvers.parse("U0BOB, S0ONCALL"));

    assertThat(rule.mayApprove(SampleRequests.waiting(), Tally.none(ALICE), Person.member(CAROL),
        SampleRequests.NOON).refusal()).contains("under rule “every task in every account”, only <!subteam^S0ONCALL>,"
            + " <@U0BOB> can approve this");
    assertThat(single(Approvers.none()).mayRequest(Person.member(CAROL), INCIDENTS, Optional.empty()).refusal()).get()
        .asString().doesNotContain("ROOTBOT_");
  }

  private static Rule single(Approvers approvers) {
    List<Rule> rules = Policy.fromApprovers(approvers).rules();
    assertThat(rules).hasSize(1);
    return rules.get(0);
  }
}

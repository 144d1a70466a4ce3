package dev.rootbot.bot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.approval.Approvers;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.SampleRequests;
import dev.rootbot.bot.request.UserId;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Quorum counting, tried with many click sequences: nobody counts twice and the requester never counts. */
class QuorumProperties {
  private static final List<UserId> PEOPLE = List.of(SampleRequests.ALICE, SampleRequests.BOB, SampleRequests.CAROL,
      new UserId("U0DAVE"), new UserId("U0ERIN"), new UserId("U0FRANK"));
  private static final GroupId ONCALL = new GroupId("S0ONCALL");
  private static final RootRequest WAITING = SampleRequests.waiting();
  private static final Instant SOON = SampleRequests.NOON.plusSeconds(60);

  @Provide
  Arbitrary<UserId> person() {
    return Arbitraries.of(PEOPLE);
  }

  @Property
  void the_count_is_the_distinct_approvers_other_than_the_requester(@ForAll("person") UserId requester,
      @ForAll @Size(max = 30) List<@From("person") UserId> approvals) {
    Tally tally = new Tally(requester, approvals);

    Set<UserId> expected = new HashSet<>(approvals);
    expected.remove(requester);
    assertThat(tally.counted()).doesNotContain(requester).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(tally.with(requester).count()).isEqualTo(tally.count());
    approvals.forEach(again -> assertThat(tally.with(again).count()).isEqualTo(tally.count()));
  }

  /**
   * Clicks by anyone, each applied only when the rule allows it, as the flow does: the quorum is reached
   * exactly when that many distinct people other than the requester were allowed, never sooner.
   */
  @Property
  void a_quorum_needs_that_many_distinct_allowed_approvers(@ForAll @Size(max = 40) List<@From("person") UserId> clicks,
      @ForAll @IntRange(min = 1, max = 4) int quorum, @ForAll("person") UserId inGroup) {
    Rule rule = rule(quorum);
    Tally tally = Tally.none(WAITING.requester());
    Set<UserId> allowed = new LinkedHashSet<>();
    for (UserId click : clicks) {
      Person person = click.equals(inGroup) ? Person.member(click, ONCALL) : Person.member(click);
      boolean reachedBefore = rule.quorumReached(tally);
      if (!reachedBefore && rule.mayApprove(WAITING, tally, person, SOON).isAllowed()) {
        assertThat(allowed.add(click)).as("allowed twice: " + click).isTrue();
        tally = tally.with(click);
      }
    }
    assertThat(allowed).doesNotContain(WAITING.requester());
    assertThat(tally.count()).isEqualTo(allowed.size()).isLessThanOrEqualTo(quorum);
    assertThat(rule.quorumReached(tally)).isEqualTo(allowed.size() == quorum);
  }

  private static Rule rule(int quorum) {
    Rule any = Policy.fromApprovers(Approvers.parse("U0ALICE, U0BOB, U0CAROL, U0DAVE, S0ONCALL")).rules().get(0);
    return new Rule("r", 1, any.tasks(), any.accounts(), any.requesters(), any.approvers(), quorum, Optional.empty(),
        List.of(), Optional.empty(), Optional.empty());
  }
}

package dev.rootbot.bot.request;

import static dev.rootbot.bot.request.Action.ABANDON;
import static dev.rootbot.bot.request.Action.ADMIT;
import static dev.rootbot.bot.request.Action.BREAK_GLASS;
import static dev.rootbot.bot.request.Action.APPROVE;
import static dev.rootbot.bot.request.Action.CANCEL;
import static dev.rootbot.bot.request.Action.DENY;
import static dev.rootbot.bot.request.Action.EXPIRE;
import static dev.rootbot.bot.request.Action.FAIL;
import static dev.rootbot.bot.request.Action.INTERRUPT;
import static dev.rootbot.bot.request.Action.RESUME;
import static dev.rootbot.bot.request.Action.LATE_FAIL;
import static dev.rootbot.bot.request.Action.LATE_SUCCEED;
import static dev.rootbot.bot.request.Action.START;
import static dev.rootbot.bot.request.Action.SUCCEED;
import static dev.rootbot.bot.request.State.APPROVED;
import static dev.rootbot.bot.request.State.CANCELLED;
import static dev.rootbot.bot.request.State.DENIED;
import static dev.rootbot.bot.request.State.EXPIRED;
import static dev.rootbot.bot.request.State.FAILED;
import static dev.rootbot.bot.request.State.REQUESTED;
import static dev.rootbot.bot.request.State.RUNNING;
import static dev.rootbot.bot.request.State.SUCCEEDED;
import static dev.rootbot.bot.request.State.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state × every action, against the design's diagram written out again here, independently. */
class StateTest {
  /**
   * DESIGN §4, plus the ways out when a runner is gone: APPROVED too long without a runner fails, RUNNING
   * whose replica is gone is UNKNOWN (a fleet audit, which only reads, is resumed: back to APPROVED), and that replica, if it was alive after all, reports the real outcome.
   */
  private static final Map<State, Map<Action, State>> DIAGRAM = Map.of(
      REQUESTED, Map.of(APPROVE, APPROVED, ADMIT, APPROVED, BREAK_GLASS, APPROVED, DENY, DENIED, CANCEL, CANCELLED,
          EXPIRE, EXPIRED),
      APPROVED, Map.of(START, RUNNING, ABANDON, FAILED),
      RUNNING, Map.of(SUCCEED, SUCCEEDED, FAIL, FAILED, INTERRUPT, UNKNOWN, RESUME, APPROVED),
      SUCCEEDED, Map.of(), FAILED, Map.of(), DENIED, Map.of(), CANCELLED, Map.of(), EXPIRED, Map.of(),
      UNKNOWN, Map.of(LATE_SUCCEED, SUCCEEDED, LATE_FAIL, FAILED));

  static Stream<Arguments> everyStateAndAction() {
    List<Arguments> rows = new ArrayList<>();
    for (State state : State.values()) {
      for (Action action : Action.values()) {
        rows.add(Arguments.of(state + " × " + action, state, action,
            Optional.ofNullable(DIAGRAM.get(state).get(action))));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStateAndAction")
  void a_state_allows_exactly_the_actions_of_the_diagram(String row, State state, Action action,
      Optional<State> expected) {
    assertThat(state.after(action)).isEqualTo(expected);
    assertThat(state.actions().contains(action)).isEqualTo(expected.isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyStateAndAction")
  void a_request_moves_only_where_the_diagram_allows(String row, State state, Action action,
      Optional<State> expected) {
    RootRequest request = SampleRequests.in(state);
    Transition transition = transitionFor(action);
    var at = SampleRequests.NOON.plusSeconds(3600);

    if (expected.isEmpty()) {
      assertThatIllegalStateException().isThrownBy(() -> request.after(transition, at))
          .withMessageContaining("it is " + state.words());
      return;
    }
    RootRequest after = request.after(transition, at);
    assertThat(after.state()).isEqualTo(expected.get());
    assertThat(after.id()).isEqualTo(request.id());
    assertThat(after.finishedAt()).isEqualTo(expected.get().isFinal() ? Optional.of(at) : Optional.empty());
    assertThat(after.decidedBy()).isEqualTo(action.needsPerson() ? transition.by() : request.decidedBy());
    assertThat(after.startedAt()).isEqualTo(action == START ? Optional.of(at) : request.startedAt());
    assertThat(after.outcome()).isEqualTo(action.needsOutcome() ? transition.outcome() : Optional.empty());
  }

  @Test
  void final_states_are_those_where_nothing_runs_any_more() {
    assertThat(EnumSet.allOf(State.class).stream().filter(State::isFinal))
        .containsExactlyInAnyOrder(SUCCEEDED, FAILED, DENIED, CANCELLED, EXPIRED, UNKNOWN);
    assertThat(EnumSet.allOf(State.class).stream().filter(s -> s.isFinal() && !s.actions().isEmpty()))
        .containsExactly(UNKNOWN);
  }

  @Test
  void an_unknown_request_is_never_run_again_and_only_takes_a_late_outcome() {
    assertThat(UNKNOWN.actions()).containsExactlyInAnyOrder(LATE_SUCCEED, LATE_FAIL);
    assertThat(UNKNOWN.after(START)).isEmpty();
  }

  @Test
  void only_a_success_or_a_failure_can_be_reported_late() {
    Outcome outcome = Outcome.of("done after all");
    assertThat(Transition.succeed(outcome).late()).contains(new Transition(LATE_SUCCEED, Optional.empty(),
        Optional.of(outcome)));
    assertThat(Transition.fail(outcome).late()).contains(new Transition(LATE_FAIL, Optional.empty(),
        Optional.of(outcome)));
    assertThat(Transition.interrupt(outcome).late()).isEmpty();
    assertThat(Transition.approve(SampleRequests.BOB).late()).isEmpty();
  }

  @Test
  void every_action_starts_from_one_state_so_one_conditional_update_can_apply_it() {
    for (Action action : Action.values()) {
      assertThat(EnumSet.allOf(State.class).stream().filter(s -> s.after(action).isPresent()))
          .as(action.name()).containsExactly(action.from());
    }
  }

  @Test
  void the_approver_is_known_only_once_a_request_was_approved() {
    assertThat(SampleRequests.in(REQUESTED).approver()).isEmpty();
    assertThat(SampleRequests.in(DENIED).approver()).isEmpty();
    assertThat(SampleRequests.in(CANCELLED).approver()).isEmpty();
    assertThat(SampleRequests.in(RUNNING).approver()).contains(SampleRequests.BOB);
    assertThat(SampleRequests.in(UNKNOWN).approver()).contains(SampleRequests.BOB);
  }

  @Test
  void a_request_is_expired_from_its_expiry_time_on() {
    RootRequest request = SampleRequests.waiting();

    assertThat(request.isExpiredAt(request.expiresAt().minusNanos(1))).isFalse();
    assertThat(request.isExpiredAt(request.expiresAt())).isTrue();
    assertThat(request.ttl()).isEqualTo(SampleRequests.TTL);
  }

  static Transition transitionFor(Action action) {
    Outcome outcome = Outcome.of("what happened");
    return switch (action) {
      case APPROVE -> Transition.approve(SampleRequests.BOB);
      case ADMIT -> Transition.admit();
      case BREAK_GLASS -> Transition.breakGlass(SampleRequests.BOB);
      case DENY -> Transition.deny(SampleRequests.CAROL, dev.rootbot.bot.request.Outcome.of("not during the freeze"));
      case CANCEL -> Transition.cancel(SampleRequests.ALICE);
      case EXPIRE -> Transition.expire();
      case START -> Transition.start();
      case ABANDON -> Transition.abandon(outcome);
      case SUCCEED -> Transition.succeed(outcome);
      case FAIL -> Transition.fail(outcome);
      case INTERRUPT -> Transition.interrupt(outcome);
      case RESUME -> Transition.resume();
      case LATE_SUCCEED -> Transition.succeed(outcome).late().orElseThrow();
      case LATE_FAIL -> Transition.fail(outcome).late().orElseThrow();
    };
  }
}

package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {
  private static final Duration ROUND_TRIP = Duration.ofMillis(100);
  private final MovableClock clock = new MovableClock();
  private final Cancellation cancelled = cancelled();

  @Test
  void it_admits_up_to_its_limit_and_then_no_more() throws InterruptedException {
    var concurrency = new AdaptiveConcurrency(new ConcurrencyBounds(3, 8), clock);
    var open = new Cancellation();

    for (int i = 0; i < 3; i++) {
      assertThat(concurrency.acquire(open)).isTrue();
    }

    assertThat(concurrency.acquire(cancelled)).as("full: a cancelled wait takes no place").isFalse();
    assertThat(concurrency.inFlight()).isEqualTo(3);
    assertThat(concurrency.stats().peak()).isEqualTo(3);
  }

  @Test
  void it_grows_by_about_one_per_round_of_accounts_while_full_and_never_past_its_maximum() throws InterruptedException {
    var concurrency = new AdaptiveConcurrency(new ConcurrencyBounds(4, 6), clock);
    fill(concurrency);

    for (int i = 0; i < 4; i++) {
      concurrency.release(ROUND_TRIP);
      fill(concurrency);
    }
    assertThat(concurrency.limit()).isBetween(4.9, 5.0);

    for (int i = 0; i < 100; i++) {
      concurrency.release(ROUND_TRIP);
      fill(concurrency);
    }
    assertThat(concurrency.limit()).isEqualTo(6);
    assertThat(concurrency.inFlight()).isEqualTo(6);
  }

  @Test
  void it_does_not_grow_while_its_places_are_not_all_in_use() throws InterruptedException {
    var concurrency = new AdaptiveConcurrency(new ConcurrencyBounds(4, 16), clock);

    for (int i = 0; i < 50; i++) {
      concurrency.acquire(new Cancellation());
      concurrency.release(ROUND_TRIP);
    }

    assertThat(concurrency.limit()).isEqualTo(4);
  }

  @Test
  void throttling_halves_it_once_per_round_trip_and_never_below_one() throws InterruptedException {
    var concurrency = new AdaptiveConcurrency(new ConcurrencyBounds(16, 16), clock);
    concurrency.acquire(new Cancellation());
    concurrency.release(ROUND_TRIP); // one account took 100 ms: the round trip

    concurrency.throttled();
    concurrency.throttled(); // the same burst
    assertThat(concurrency.limit()).isEqualTo(8);

    clock.advance(ROUND_TRIP);
    concurrency.throttled();
    assertThat(concurrency.limit()).isEqualTo(4);

    for (int i = 0; i < 10; i++) {
      clock.advance(ROUND_TRIP);
      concurrency.throttled();
    }
    assertThat(concurrency.limit()).isEqualTo(1);
    assertThat(concurrency.stats().decreases()).as("16, 8, 4, 2, 1").isEqualTo(4);
    assertThat(concurrency.stats().throttled()).isEqualTo(13);
  }

  @Test
  void a_place_freed_wakes_a_waiting_account() throws Exception {
    var concurrency = new AdaptiveConcurrency(new ConcurrencyBounds(1, 1), clock);
    concurrency.acquire(new Cancellation());
    var waiting = new Thread(() -> {
      try {
        concurrency.acquire(new Cancellation());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiting.start();

    concurrency.release(ROUND_TRIP);
    waiting.join(Duration.ofSeconds(10).toMillis());

    assertThat(waiting.isAlive()).isFalse();
    assertThat(concurrency.inFlight()).isEqualTo(1);
  }

  @Test
  void bounds_must_make_sense() {
    assertThatThrownBy(() -> new ConcurrencyBounds(0, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConcurrencyBounds(5, 4)).hasMessageContaining("between 1 and its maximum");
  }

  /** Takes every free place; acquire never waits, since a place is free each time. */
  private static void fill(AdaptiveConcurrency concurrency) throws InterruptedException {
    while (concurrency.inFlight() < (int) concurrency.limit()) {
      concurrency.acquire(new Cancellation());
    }
  }

  private static Cancellation cancelled() {
    var cancel = new Cancellation();
    cancel.cancel();
    return cancel;
  }
}

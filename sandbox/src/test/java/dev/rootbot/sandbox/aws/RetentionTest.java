package dev.rootbot.sandbox.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.aws.cloudtrail.TrailEvent;
import dev.rootbot.sandbox.aws.wire.BoundedLog;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

/** Calls and CloudTrail events are kept up to a capacity, so long benchmarks run in bounded memory. */
class RetentionTest {
  @Test
  void a_bounded_log_keeps_at_least_its_capacity_numbers_entries_and_counts_what_it_dropped() {
    var log = new BoundedLog<Long>(32);
    for (int i = 0; i < 1_000; i++) {
      log.append(n -> n);
    }

    List<Long> kept = log.all();
    assertThat(kept.size()).isBetween(32, 34);
    assertThat(kept.get(kept.size() - 1)).isEqualTo(1_000L);
    assertThat(kept).isEqualTo(LongStream.rangeClosed(1_001 - kept.size(), 1_000).boxed().toList());
    assertThat(log.dropped()).isEqualTo(1_000L - kept.size());
    assertThat(log.after(990)).containsExactly(991L, 992L, 993L, 994L, 995L, 996L, 997L, 998L, 999L, 1_000L);
    assertThat(log.after(0)).isEqualTo(kept);
    assertThat(log.after(1_000)).isEmpty();
    assertThat(log.last()).isEqualTo(1_000);
  }

  @Test
  void the_simulated_aws_keeps_the_most_recent_calls_and_events_and_numbers_events_on() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.demo())) {
      aws.retain(50);
      StsClient sts = Clients.management(aws).sts();
      for (int i = 0; i < 200; i++) {
        sts.getCallerIdentity();
      }

      assertThat(aws.calls().size()).isBetween(50, 53);
      List<TrailEvent> events = aws.trail().events();
      assertThat(events.size()).isBetween(50, 53);
      assertThat(events.get(events.size() - 1).sequence()).isEqualTo(200);
      assertThat(aws.trail().dropped()).isEqualTo(200 - events.size());
      assertThat(aws.trail().after(195)).extracting(TrailEvent::sequence).containsExactly(196L, 197L, 198L, 199L, 200L);
    }
  }
}

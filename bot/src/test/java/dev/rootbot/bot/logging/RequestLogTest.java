package dev.rootbot.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestLogTest {
  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void a_block_runs_with_the_request_and_the_replica_in_the_mdc_and_leaves_it_as_it_was() {
    RequestLog.replica("replica-a");
    MDC.put("other", "kept");

    Map<String, String> inside = RequestLog.call("r-aaaaaaaaaa", MDC::getCopyOfContextMap);

    assertThat(inside).containsEntry("request_id", "r-aaaaaaaaaa").containsEntry("replica_id", "replica-a")
        .containsEntry("other", "kept");
    assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("other", "kept"));
  }

  @Test
  void a_nested_block_shows_its_own_request_and_the_outer_one_comes_back_even_after_a_failure() {
    RequestLog.run("r-outeroute", () -> {
      assertThatThrownBy(() -> RequestLog.run("r-innerinne", () -> {
        assertThat(MDC.get(RequestLog.REQUEST_ID)).isEqualTo("r-innerinne");
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      assertThat(MDC.get(RequestLog.REQUEST_ID)).isEqualTo("r-outeroute");
    });
    assertThat(MDC.get(RequestLog.REQUEST_ID)).isNull();
    assertThat(MDC.get(RequestLog.REPLICA_ID)).isNull();
  }
}

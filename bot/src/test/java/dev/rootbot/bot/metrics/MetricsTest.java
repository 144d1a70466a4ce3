package dev.rootbot.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The facade over Micrometer: the names Prometheus shows are the names the code gives. */
class MetricsTest {
  private final Metrics metrics = new Metrics();

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void a_counter_keeps_its_name_with_total_and_its_labels_sorted() {
    metrics.count("rootbot_tasks_total", "policy", "IAMAuditRootUserCredentials", "outcome", "succeeded");
    metrics.count("rootbot_tasks_total", "policy", "IAMAuditRootUserCredentials", "outcome", "succeeded");
    metrics.count("rootbot_slack_requests_total", "outcome", "refused");

    assertThat(metrics.scrape().lines()).contains(
        "# TYPE rootbot_tasks_total counter",
        "# HELP rootbot_tasks_total Root tasks run, by task policy and outcome",
        "rootbot_tasks_total{outcome=\"succeeded\",policy=\"IAMAuditRootUserCredentials\"} 2.0",
        "rootbot_slack_requests_total{outcome=\"refused\"} 1.0");
    assertThat(metrics.value("rootbot_tasks_total", "policy", "IAMAuditRootUserCredentials", "outcome", "succeeded"))
        .isEqualTo(2);
    assertThat(metrics.value("rootbot_tasks_total", "policy", "IAMAuditRootUserCredentials", "outcome", "failed"))
        .isZero();
  }

  @Test
  void a_histogram_counts_each_duration_in_its_bucket_and_every_bucket_above() {
    metrics.record("rootbot_slack_ack_seconds", Duration.ofMillis(3));
    metrics.record("rootbot_slack_ack_seconds", Duration.ofMillis(40));
    metrics.record("rootbot_slack_ack_seconds", Duration.ofSeconds(90));

    assertThat(metrics.scrape().lines()).contains(
        "# TYPE rootbot_slack_ack_seconds histogram",
        "rootbot_slack_ack_seconds_bucket{le=\"0.002\"} 0",
        "rootbot_slack_ack_seconds_bucket{le=\"0.005\"} 1",
        "rootbot_slack_ack_seconds_bucket{le=\"0.025\"} 1",
        "rootbot_slack_ack_seconds_bucket{le=\"0.05\"} 2",
        "rootbot_slack_ack_seconds_bucket{le=\"60.0\"} 2",
        "rootbot_slack_ack_seconds_bucket{le=\"+Inf\"} 3",
        "rootbot_slack_ack_seconds_count 3",
        "rootbot_slack_ack_seconds_sum 90.043");
    assertThat(metrics.recorded("rootbot_slack_ack_seconds")).isEqualTo(3);
  }

  @Test
  void a_finished_task_is_counted_by_policy_and_timed_by_task() {
    var task = new AuditRootCredentials(new AccountId("222222222222"));
    var result = new TaskResult(task, TaskResult.Status.FAILED, Optional.of(TaskFailure.Reason.ACCESS_DENIED), "denied",
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of(),
        Instant.EPOCH, Instant.EPOCH.plusMillis(700));

    metrics.taskFinished(task, result);

    assertThat(metrics.scrape().lines()).contains(
        "rootbot_tasks_total{outcome=\"failed\",policy=\"IAMAuditRootUserCredentials\"} 1.0",
        "rootbot_task_seconds_bucket{outcome=\"failed\",task=\"audit-root-credentials\",le=\"0.5\"} 0",
        "rootbot_task_seconds_bucket{outcome=\"failed\",task=\"audit-root-credentials\",le=\"1.0\"} 1",
        "rootbot_task_seconds_sum{outcome=\"failed\",task=\"audit-root-credentials\"} 0.7");
  }

  @Test
  void a_gauge_is_read_when_scraped() {
    var pending = new AtomicLong(3);
    metrics.gauge("rootbot_outbox_pending", "Messages for Slack not yet delivered", pending::get);
    assertThat(metrics.scrape().lines()).contains("rootbot_outbox_pending 3.0");

    pending.set(0);
    assertThat(metrics.scrape().lines()).contains("# TYPE rootbot_outbox_pending gauge", "rootbot_outbox_pending 0.0");
  }

  @Test
  void the_jvm_and_the_process_are_measured() {
    assertThat(metrics.scrape()).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_threads_live_threads ",
        "jvm_classes_loaded_classes ", "process_cpu_usage ", "process_uptime_seconds ", "process_start_time_seconds ",
        "system_cpu_count ");
    assertThat(metrics.scrape()).containsPattern("process_resident_memory_bytes [1-9][0-9.E]+\n");
  }

  @Test
  void a_name_without_its_suffix_or_an_odd_label_list_is_refused() {
    assertThatThrownBy(() -> metrics.count("rootbot_tasks")).hasMessageContaining("suffix _total");
    assertThatThrownBy(() -> metrics.record("rootbot_ack", Duration.ZERO)).hasMessageContaining("suffix _seconds");
    assertThatThrownBy(() -> metrics.count("rootbot_tasks_total", "policy")).hasMessageContaining("pairs");
  }
}

package dev.rootbot.actions.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kinds' identifiers and stored names are contracts (policy files, metrics, stored rows): they never drift. */
class TaskKindTest {
  @Test
  void identifiers_are_the_documented_ones_and_each_finds_its_kind() {
    assertThat(Arrays.stream(TaskKind.values()).map(TaskKind::id)).containsExactly("unlock-bucket", "unlock-queue",
        "audit-root-credentials", "delete-root-credentials", "allow-password-recovery", "restore-bucket-policy",
        "restore-queue-policy");
    for (TaskKind kind : TaskKind.values()) {
      assertThat(TaskKind.fromId(kind.id())).contains(kind);
      assertThat(TaskKind.fromStoredName(kind.storedName())).contains(kind);
    }
    assertThat(TaskKind.fromId("reboot-account")).isEmpty();
  }

  @Test
  void stored_names_are_those_version_1_wrote() {
    assertThat(Arrays.stream(TaskKind.values()).map(TaskKind::storedName)).containsExactly("unlock_bucket",
        "unlock_queue", "audit_root_credentials", "delete_root_credentials", "allow_password_recovery",
        "restore_bucket_policy", "restore_queue_policy");
  }

  @Test
  void a_kind_calls_only_actions_its_policy_allows() {
    for (TaskKind kind : TaskKind.values()) {
      assertThat(kind.policy().allowedActions()).as(kind.id()).containsAll(kind.actions());
      assertThat(kind.actions()).as(kind.id()).isNotEmpty();
    }
  }

  @Test
  void only_the_audit_reads_only_the_unlocks_can_be_restored_and_iam_tasks_have_no_region() {
    assertThat(Arrays.stream(TaskKind.values()).filter(k -> !k.changes())).containsExactly(TaskKind.AUDIT_ROOT_CREDENTIALS);
    assertThat(Arrays.stream(TaskKind.values()).filter(TaskKind::restorable))
        .containsExactly(TaskKind.UNLOCK_BUCKET, TaskKind.UNLOCK_QUEUE);
    assertThat(Arrays.stream(TaskKind.values()).filter(TaskKind::onRootUser)).containsExactlyInAnyOrderElementsOf(List.of(
        TaskKind.AUDIT_ROOT_CREDENTIALS, TaskKind.DELETE_ROOT_CREDENTIALS, TaskKind.ALLOW_PASSWORD_RECOVERY));
    assertThat(Arrays.stream(TaskKind.values()).filter(TaskKind::needsCredentialsManagement))
        .containsExactlyInAnyOrder(TaskKind.DELETE_ROOT_CREDENTIALS, TaskKind.ALLOW_PASSWORD_RECOVERY);
  }
}

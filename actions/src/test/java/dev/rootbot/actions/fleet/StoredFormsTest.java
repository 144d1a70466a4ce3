package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.actions.task.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored result that is not what the engines wrote is refused with a clear error, never half read. */
class StoredFormsTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "[]", "{}", "{\"account\": {\"id\": \"1234\", \"name\": \"x\", \"ou_path\": \"\"},"
      + " \"audited_at\": \"2026-12-01T09:00:00Z\"}", "{\"account\": {\"id\": \"222222222222\", \"name\": \"x\","
      + " \"ou_path\": \"\"}, \"audited_at\": \"yesterday\", \"failure\": {\"reason\": \"AWS_ERROR\", \"explanation\": \"x\"}}"})
  void a_stored_account_audit_that_is_not_one_is_refused(String stored) {
    assertThatThrownBy(() -> AccountAudit.fromJson(stored)).isInstanceOf(InvalidInput.class)
        .hasMessageFindingMatch("account audit|an account ID is 12 digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "{\"account_id\": \"222222222222\", \"account_name\": \"x\", \"ou_path\": \"\","
      + " \"status\": \"EXPLODED\", \"headline\": \"h\", \"finished_at\": \"2026-12-01T09:00:00Z\"}",
      "{\"account_id\": \"222222222222\", \"account_name\": \"x\", \"ou_path\": \"\", \"status\": \"FAILED\","
          + " \"headline\": \"h\", \"finished_at\": \"2026-12-01T09:00:00Z\"}"})
  void a_stored_account_deletion_that_is_not_one_is_refused(String stored) {
    assertThatThrownBy(() -> AccountDeletion.fromJson(stored)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining("account deletion");
  }
}

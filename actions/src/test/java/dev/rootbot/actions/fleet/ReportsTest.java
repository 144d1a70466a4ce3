package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.Fingerprint;
import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The audit's and the deletion's reports, from results made by hand. */
class ReportsTest {
  private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
  private static final Fingerprint SOME = Fingerprint.ofLines("x");
  private static final TargetAccount DATA = target("333333333333", "prod-data", "Production");
  private static final TargetAccount PAYMENTS = target("222222222222", "prod-payments", "Production/payments");
  private static final TargetAccount PLAYGROUND = target("444444444444", "dev-playground", "Sandbox");
  private static final TargetAccount ODD = target("555555555555", "=HYPERLINK(\"x\"), \"quoted\"", "");

  private static final AccountAudit EVERYTHING = AccountAudit.found(DATA, new RootCredentials(
      Optional.of(new RootCredentials.Password(Optional.empty(), Optional.of(Instant.parse("2024-01-10T08:00:00Z")))),
      List.of(key("AKIA3333ROOTKEYEXMP1"), key("AKIA3333ROOTKEYEXMP2")),
      List.of(new RootCredentials.SigningCertificate("CERT1", "Active", Optional.empty())),
      List.of(new RootCredentials.MfaDevice("arn:aws:iam::333333333333:mfa/root", Optional.empty()),
          new RootCredentials.MfaDevice("GAKT333333333333", Optional.empty())), Map.of()), SOME, "ASIAX", AT);
  private static final AccountAudit NOTHING = AccountAudit.found(PAYMENTS, new RootCredentials(Optional.empty(),
      List.of(), List.of(), List.of(), Map.of()), SOME, "ASIAY", AT);
  private static final AccountAudit BLOCKED = AccountAudit.failed(PLAYGROUND, new AccountAudit.Failure(
      TaskFailure.Reason.SCP_DENIED, "A service control policy denies root sessions in account dev-playground.",
      Optional.of("DenyRootUser (p-1), attached to OU Sandbox (ou-1)")), Optional.of("ASIAZ"), AT);
  private static final AccountAudit FAILED = AccountAudit.failed(ODD, new AccountAudit.Failure(
      TaskFailure.Reason.AWS_ERROR, "AWS answered InternalError:\nline two", Optional.empty()), Optional.empty(), AT);

  @Test
  void the_csv_has_exactly_the_columns_one_row_per_account_and_the_documented_values() {
    String csv = AuditReport.csv(List.of(NOTHING, EVERYTHING, BLOCKED, FAILED));

    assertThat(csv).endsWith("\r\n");
    assertThat(csv.split("\r\n", -1)).containsExactly(
        "account_id,account_name,ou_path,password,password_last_used,access_keys,access_key_ids,"
            + "signing_certificates,mfa_devices,error",
        "555555555555,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",,,,,,,,\"aws_error: AWS answered InternalError:\n"
            + "line two\"",
        "444444444444,dev-playground,Sandbox,,,,,,,scp_denied: A service control policy denies root sessions in"
            + " account dev-playground.",
        "333333333333,prod-data,Production,yes,2024-01-10T08:00:00Z,2,AKIA3333ROOTKEYEXMP1 AKIA3333ROOTKEYEXMP2,1,"
            + "arn:aws:iam::333333333333:mfa/root GAKT333333333333,",
        "222222222222,prod-payments,Production/payments,no,,0,,0,,",
        "");
  }

  @ParameterizedTest(name = "[{0}] is written [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "plain            | plain",
      "a,b              | \"a,b\"",
      "say \"hi\"       | \"say \"\"hi\"\"\"",
      "+1               | '+1",
      "-2               | '-2",
      "@SUM(A1)         | '@SUM(A1)",
      "a-b              | a-b",
  })
  void fields_are_quoted_as_rfc_4180_says_and_formulas_are_defused(String value, String written) {
    assertThat(Csv.field(value.strip())).isEqualTo(written.strip());
  }

  @Test
  void the_json_has_the_same_names_with_typed_values_and_nulls_where_the_csv_is_empty() {
    JsonObject json = JsonParser.parseString(AuditReport.json(List.of(EVERYTHING, BLOCKED))).getAsJsonObject();

    var accounts = json.getAsJsonArray("accounts");
    assertThat(accounts).hasSize(2);
    JsonObject blocked = accounts.get(0).getAsJsonObject();
    JsonObject data = accounts.get(1).getAsJsonObject();
    assertThat(data.keySet()).containsExactlyElementsOf(AuditReport.COLUMNS);
    assertThat(blocked.keySet()).containsExactlyElementsOf(AuditReport.COLUMNS);
    assertThat(data.get("password").getAsBoolean()).isTrue();
    assertThat(data.get("password_last_used").getAsString()).isEqualTo("2024-01-10T08:00:00Z");
    assertThat(data.get("access_keys").getAsInt()).isEqualTo(2);
    assertThat(data.getAsJsonArray("mfa_devices")).hasSize(2);
    assertThat(data.get("error").isJsonNull()).isTrue();
    assertThat(blocked.get("password").isJsonNull()).isTrue();
    assertThat(blocked.get("error").getAsString()).startsWith("scp_denied: ");
  }

  @Test
  void the_summary_counts_each_kind_names_the_scp_and_says_why_accounts_failed() {
    String text = AuditSummary.of(List.of(NOTHING, EVERYTHING, BLOCKED, FAILED)).text();

    assertThat(text.split("\n")).containsExactly(
        "Audited 4 accounts: 2 read, 1 with root credentials.",
        "Password: 1 account (1 used to sign in)",
        "Access keys: 1 account (2 keys)",
        "Signing certificates: 1 account",
        "MFA devices: 1 account",
        "No root credentials: 1 account",
        "Blocked by an SCP: 1 account",
        "  DenyRootUser (p-1), attached to OU Sandbox (ou-1): 1 account (dev-playground)",
        "Failed: 1 account",
        "  aws_error: 1 account, e.g. AWS answered InternalError:",
        "line two");
  }

  @Test
  void long_lists_of_names_are_cut_after_five() {
    assertThat(AuditSummary.names(List.of("a", "b", "c", "d", "e", "f", "g"))).isEqualTo("a, b, c, d, e and 2 more");
    assertThat(AuditSummary.names(List.of("a", "b"))).isEqualTo("a, b");
  }

  @Test
  void the_deletion_report_has_a_row_per_account_and_a_summary_per_outcome() {
    var deleted = new AccountDeletion(DATA, AccountDeletion.Status.DELETED, "Deleted the password.", Optional.empty(),
        Optional.of("ASIAD"), AT);
    var skipped = new AccountDeletion(PAYMENTS, AccountDeletion.Status.CHANGED_SINCE_AUDIT, "Skipped.",
        Optional.empty(), Optional.of("ASIAS"), AT);
    var unknown = new AccountDeletion(PLAYGROUND, AccountDeletion.Status.UNKNOWN, "Rootbot stopped.",
        Optional.of(TaskFailure.Reason.ANSWER_LOST), Optional.empty(), AT);

    assertThat(DeletionReport.csv(List.of(deleted, skipped, unknown)).split("\r\n")).containsExactly(
        "account_id,account_name,ou_path,outcome,detail,session_access_key_id",
        "444444444444,dev-playground,Sandbox,unknown,Rootbot stopped.,",
        "333333333333,prod-data,Production,deleted,Deleted the password.,ASIAD",
        "222222222222,prod-payments,Production/payments,changed_since_audit,Skipped.,ASIAS");
    assertThat(DeletionReport.summary(List.of(deleted, skipped, unknown)).split("\n")).containsExactly(
        "Deleted root credentials in 1 of 3 accounts.",
        "Skipped, changed since the audit (audit again): 1 (prod-payments)",
        "Unknown, not run again (check them and CloudTrail): 1 (dev-playground)");
  }

  private static RootCredentials.AccessKey key(String id) {
    return new RootCredentials.AccessKey(id, "Active", Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static TargetAccount target(String id, String name, String path) {
    return new TargetAccount(new AccountId(id), name, path);
  }
}

package dev.rootbot.actions;

import static dev.rootbot.actions.Organization.EU_WEST_1;
import static dev.rootbot.actions.Organization.PROD_DATA;
import static dev.rootbot.actions.Organization.PROD_PAYMENTS;
import static dev.rootbot.actions.Organization.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RestoreQueuePolicy;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run bound to what was approved changes nothing when its first read differs (issue 8: bob approved, and
 * Rootbot deleted the correct policy someone had put there meanwhile). The snapshot goes through its stored JSON
 * form, as the bot keeps it.
 */
class BindingTest {
  static final String CORRECT_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
      + "{\"Sid\":\"AllowAuditRole\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:role/audit\"},"
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::payments-audit-logs/*\"},"
      + "{\"Sid\":\"DenyInsecure\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
      + "\"Resource\":\"arn:aws:s3:::payments-audit-logs/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
  private static final UnlockBucket UNLOCK = new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1);

  private Organization org = Organization.demo();
  private RecordingObserver observer = new RecordingObserver(org.aws);

  @AfterEach
  void close() {
    org.close();
  }

  @Test
  void a_policy_replaced_after_the_preview_is_not_deleted_and_the_result_shows_both() {
    Preview preview = org.tasks.preview(UNLOCK, observer);
    org.aws.buckets().setPolicy("222222222222", "payments-audit-logs", CORRECT_POLICY);

    TaskResult result = org.tasks.run(preview.task(), stored(preview), observer);

    assertThat(result.status()).isEqualTo(TaskResult.Status.CHANGED_SINCE_APPROVAL);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.headline()).startsWith("Nothing was changed: what is there now is not what was approved")
        .contains("(2 statements: AllowAuditRole, DenyInsecure)");
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).contains(CORRECT_POLICY);
    assertThat(org.aws.calls().withAction("s3:DeleteBucketPolicy")).isEmpty();
    assertThat(result.backup()).isEmpty();
    assertThat(result.approved().orElseThrow().finding().text()).contains("DenyEveryone").doesNotContain("AllowAuditRole");
    assertThat(result.found().orElseThrow().finding().text()).contains("AllowAuditRole", "DenyInsecure");
    assertThat(result.found().orElseThrow().fingerprint()).isNotEqualTo(preview.fingerprint().orElseThrow());
  }

  @Test
  void a_run_whose_first_read_matches_the_approval_makes_the_change_in_the_previewed_region() {
    Preview preview = org.tasks.preview(new UnlockBucket(PROD_DATA, BucketName.of("data-lake-raw"), US_EAST_1), observer);

    TaskResult result = org.tasks.run(preview.task(), stored(preview), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
    assertThat(org.aws.buckets().policy("333333333333", "data-lake-raw")).isEmpty();
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow())).extracting(RecordedCall::region)
        .as("no redirect: the run goes straight to the bucket's region").containsOnly(EU_WEST_1.code());
    assertThat(result.steps()).extracting(Step::detail)
        .contains("sha256 " + preview.fingerprint().orElseThrow().shortForm() + " is the approved one");
    assertThat(result.approved()).isEqualTo(preview.snapshot());
  }

  @Test
  void the_same_policy_laid_out_differently_still_matches() {
    Preview preview = org.tasks.preview(UNLOCK, observer);
    String policy = org.aws.buckets().policy("222222222222", "payments-audit-logs").orElseThrow();
    JsonObject reordered = new JsonObject();
    JsonObject original = JsonParser.parseString(policy).getAsJsonObject();
    reordered.add("Statement", original.get("Statement"));
    reordered.add("Version", original.get("Version"));
    org.aws.buckets().setPolicy("222222222222", "payments-audit-logs", reordered.toString().replace(",", ", "));

    TaskResult result = org.tasks.run(preview.task(), stored(preview), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
  }

  @Test
  void a_delete_removes_exactly_the_previewed_credentials() {
    Preview preview = org.tasks.preview(new DeleteRootCredentials(PROD_DATA), observer);
    var seeded = org.aws.rootCredentials("333333333333");

    TaskResult result = org.tasks.run(preview.task(), stored(preview), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
    assertThat(org.aws.rootCredentials("333333333333").none()).isTrue();
    var calls = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow());
    assertThat(calls.withAction("iam:DeleteAccessKey")).extracting(c -> c.parameters().get("AccessKeyId"))
        .containsExactlyElementsOf(seeded.accessKeys());
    assertThat(calls.withAction("iam:DeleteSigningCertificate")).extracting(c -> c.parameters().get("CertificateId"))
        .containsExactlyElementsOf(seeded.signingCertificates());
    assertThat(calls.withAction("iam:DeactivateMFADevice")).extracting(c -> c.parameters().get("SerialNumber"))
        .containsExactlyElementsOf(seeded.mfaDevices());
    assertThat(calls.withAction("iam:DeleteLoginProfile")).hasSize(1);
    assertThat(preview.snapshot().orElseThrow().finding().text()).contains(seeded.accessKeys().get(0),
        seeded.signingCertificates().get(0), seeded.mfaDevices().get(0));
  }

  @Test
  void a_credential_added_after_the_preview_means_nothing_is_deleted() {
    org.close();
    org = new Organization(withoutPassword());
    observer = new RecordingObserver(org.aws);
    Preview preview = org.tasks.preview(new DeleteRootCredentials(PROD_DATA), observer);
    assertThat(preview.headline()).doesNotContain("password");
    TaskResult recovery = org.tasks.run(new AllowPasswordRecovery(PROD_DATA), Optional.empty(), observer);
    assertThat(recovery.succeeded()).as("a password is added, through AWS").isTrue();

    TaskResult result = org.tasks.run(preview.task(), stored(preview), observer);

    assertThat(result.status()).isEqualTo(TaskResult.Status.CHANGED_SINCE_APPROVAL);
    assertThat(result.found().orElseThrow().finding().headline()).contains("the password, 1 access key");
    var credentials = org.aws.rootCredentials("333333333333");
    assertThat(credentials.hasPassword()).isTrue();
    assertThat(credentials.accessKeys()).hasSize(1);
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow()))
        .extracting(RecordedCall::action).allMatch(action -> action.matches("iam:(Get|List)\\w+"));
  }

  @Test
  void a_restore_whose_target_changed_since_the_preview_puts_nothing_back() {
    var queue = new RestoreQueuePolicy(PROD_PAYMENTS, QueueRef.parse("payments-events"), US_EAST_1,
        new PolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
    Preview preview = org.tasks.preview(queue, observer);
    org.aws.queues().removePolicy("222222222222", "payments-events");

    TaskResult result = org.tasks.run(preview.task(), stored(preview), observer);

    assertThat(result.status()).isEqualTo(TaskResult.Status.CHANGED_SINCE_APPROVAL);
    assertThat(org.aws.queues().policy("222222222222", "payments-events")).isEmpty();
    assertThat(org.aws.calls().withAction("sqs:SetQueueAttributes")).isEmpty();
  }

  /** The preview's snapshot as the bot hands it back: through its stored JSON. */
  private static Optional<Snapshot> stored(Preview preview) {
    return Optional.of(Snapshot.fromJson(preview.snapshot().orElseThrow().toJson()));
  }

  /** The demo organization, except that prod-data's root user has no password. */
  private static Seed withoutPassword() {
    JsonObject seed = JsonParser.parseString(Seed.demo().toJson()).getAsJsonObject();
    seed.getAsJsonArray("rootCredentials").get(0).getAsJsonObject().addProperty("password", false);
    return Seed.fromJson(seed.toString());
  }
}

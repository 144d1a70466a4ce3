package dev.rootbot.actions.task;

import com.google.gson.JsonObject;
import java.util.Optional;

/** Puts a saved bucket policy back: the undo of an unlock. */
public record RestoreBucketPolicy(AccountId target, BucketName bucket, AwsRegion region, PolicyDocument saved)
    implements RootTask {
  public RestoreBucketPolicy {
    saved.requireAtMost(PolicyDocument.S3_MAX_BYTES, "S3");
  }

  @Override
  public TaskKind kind() {
    return TaskKind.RESTORE_BUCKET_POLICY;
  }

  @Override
  public JsonObject fields() {
    return StoredFields.withSaved(StoredFields.bucket(bucket, region), saved);
  }

  static RestoreBucketPolicy read(AccountId target, JsonObject fields) {
    return new RestoreBucketPolicy(target, StoredFields.bucket(fields), StoredFields.region(fields), StoredFields.saved(fields));
  }

  @Override
  public String summary() {
    return "restore the bucket policy of " + bucket;
  }

  @Override
  public String resource() {
    return bucket.arn();
  }

  @Override
  public AwsRegion eventsRegion() {
    return region;
  }

  @Override
  public TaskReport perform(TaskContext context) {
    var calls = new BucketCalls(context, target, bucket, region);
    Optional<PolicyDocument> current = calls.policy();
    context.step("s3:GetBucketPolicy", current.isPresent()
        ? "read the current policy (" + current.get().sizeInBytes() + " bytes); it will be replaced"
        : "bucket has no policy now");
    current.ifPresent(policy ->
        context.keepBackup(new Backup(Backup.Kind.BUCKET_POLICY, target, bucket.value(), calls.region(), policy)));
    calls.put(saved);
    context.step("s3:PutBucketPolicy", "put the saved policy back (" + saved.sizeInBytes() + " bytes)");
    Optional<PolicyDocument> after = calls.policy();
    if (after.isEmpty() || !Json.sameDocument(after.get().json(), saved.json())) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED,
          "S3 accepted the policy but bucket " + bucket + " now holds a different one. Check the bucket.");
    }
    context.step("s3:GetBucketPolicy", "verified: the bucket holds the saved policy");
    return new TaskReport("Restored the saved bucket policy of " + bucket + ".",
        current.map(PolicyDocument::json).orElse("no bucket policy"), after.get().json(), calls.region());
  }
}

package dev.rootbot.actions.task;

import com.google.gson.JsonObject;

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

  /**
   * Reads the bucket's current policy, following S3's redirect to the bucket's real region. Fingerprint: see
   * {@link Restoring}.
   */
  @Override
  public TaskPlan plan(TaskContext context) {
    return Restoring.read(context, new BucketCalls(context, target, bucket, region), saved,
        found -> new RestoreBucketPolicy(target, bucket, found, saved));
  }
}

package dev.rootbot.actions.task;

import com.google.gson.JsonObject;

/** Removes the bucket policy that locks everyone out, keeping it as the backup. */
public record UnlockBucket(AccountId target, BucketName bucket, AwsRegion region) implements RootTask {
  @Override
  public TaskKind kind() {
    return TaskKind.UNLOCK_BUCKET;
  }

  @Override
  public JsonObject fields() {
    return StoredFields.bucket(bucket, region);
  }

  static UnlockBucket read(AccountId target, JsonObject fields) {
    return new UnlockBucket(target, StoredFields.bucket(fields), StoredFields.region(fields));
  }

  @Override
  public String summary() {
    return "unlock bucket " + bucket;
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
   * Reads the bucket policy, following S3's redirect to the bucket's real region; the plan's task runs there.
   * Fingerprint: see {@link Unlocking}.
   */
  @Override
  public TaskPlan plan(TaskContext context) {
    return Unlocking.read(context, new BucketCalls(context, target, bucket, region),
        found -> new UnlockBucket(target, bucket, found));
  }
}

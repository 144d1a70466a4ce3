package dev.rootbot.actions.task;

import com.google.gson.JsonObject;
import java.util.Optional;

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

  @Override
  public TaskReport perform(TaskContext context) {
    var calls = new BucketCalls(context, target, bucket, region);
    Optional<PolicyDocument> before = calls.policy();
    if (before.isEmpty()) {
      context.step("s3:GetBucketPolicy", "bucket " + bucket + " has no bucket policy; nothing to remove");
      return new TaskReport("Bucket " + bucket + " had no bucket policy; nothing was changed.",
          "no bucket policy", "no bucket policy", calls.region());
    }
    context.step("s3:GetBucketPolicy", "read the current policy (" + before.get().sizeInBytes() + " bytes)");
    context.keepBackup(new Backup(Backup.Kind.BUCKET_POLICY, target, bucket.value(), calls.region(), before.get()));
    calls.delete();
    context.step("s3:DeleteBucketPolicy", "deleted the bucket policy");
    if (calls.policy().isPresent()) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED,
          "S3 accepted the delete but bucket " + bucket + " still has a policy. Check the bucket before retrying.");
    }
    context.step("s3:GetBucketPolicy", "verified: no bucket policy");
    return new TaskReport("Removed the bucket policy of " + bucket + "; the previous policy is kept as the backup.",
        before.get().json(), "no bucket policy", calls.region());
  }
}

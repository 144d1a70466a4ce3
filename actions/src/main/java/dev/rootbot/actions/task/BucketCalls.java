package dev.rootbot.actions.task;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket-policy calls of the S3 tasks, in the bucket's region.
 *
 * <p>A root session cannot ask S3 where a bucket is ({@code GetBucketLocation} and {@code HeadBucket} are
 * outside every task policy), so the first call goes to the region the person gave and, when S3 answers
 * with a redirect, follows its {@code x-amz-bucket-region} once.
 */
final class BucketCalls implements PolicyCalls {
  private final TaskContext context;
  private final BucketName bucket;
  private final AccountId account;
  private final AwsRegion asked;
  private AwsRegion region;
  private boolean redirected;

  BucketCalls(TaskContext context, AccountId account, BucketName bucket, AwsRegion region) {
    this.context = context;
    this.account = account;
    this.bucket = bucket;
    this.asked = region;
    this.region = region;
  }

  @Override
  public String noun() {
    return "bucket";
  }

  @Override
  public String name() {
    return bucket.value();
  }

  @Override
  public AwsRegion region() {
    return region;
  }

  @Override
  public Optional<PolicyDocument> policy() {
    return call(s3 -> {
      try {
        return Optional.of(new PolicyDocument(s3.getBucketPolicy(r -> r.bucket(bucket.value())).policy()));
      } catch (S3Exception e) {
        if ("NoSuchBucketPolicy".equals(errorCode(e))) {
          return Optional.empty();
        }
        throw e;
      }
    });
  }

  @Override
  public String readAction() {
    return "s3:GetBucketPolicy";
  }

  @Override
  public void remove() {
    call(s3 -> s3.deleteBucketPolicy(r -> r.bucket(bucket.value())));
  }

  @Override
  public String removeAction() {
    return "s3:DeleteBucketPolicy";
  }

  @Override
  public String removeDetail() {
    return "deleted the bucket policy";
  }

  @Override
  public void put(PolicyDocument policy) {
    call(s3 -> s3.putBucketPolicy(r -> r.bucket(bucket.value()).policy(policy.json())));
  }

  @Override
  public String putAction() {
    return "s3:PutBucketPolicy";
  }

  @Override
  public Backup backup(PolicyDocument policy) {
    return new Backup(Backup.Kind.BUCKET_POLICY, account, bucket.value(), region, policy);
  }

  @Override
  public List<String> identity() {
    return List.of("account " + account, "bucket " + bucket, "region " + region);
  }

  @Override
  public List<Finding.Section> whereFound() {
    return region.equals(asked) ? List.of() : List.of(new Finding.Section("Region",
        region + " (S3 redirected Rootbot there; the request said " + asked + ")", false));
  }

  @Override
  public String removalNote() {
    return "";
  }

  private <T> T call(Function<S3Client, T> call) {
    try {
      return call.apply(context.session().s3(region));
    } catch (S3Exception e) {
      Optional<String> elsewhere = e.statusCode() == 301 ? bucketRegion(e) : Optional.empty();
      if (elsewhere.isPresent() && !redirected) {
        redirected = true;
        AwsRegion actual = AwsRegion.parse(elsewhere.get());
        context.step("s3 redirect", "bucket " + bucket + " is in " + actual + ", not " + region + "; asking there");
        region = actual;
        return call(call);
      }
      if ("NoSuchBucket".equals(errorCode(e))) {
        throw new TaskFailure(TaskFailure.Reason.NOT_FOUND,
            "There is no bucket " + bucket + " in account " + account + " (region " + region + "). Check the name.", e);
      }
      throw e;
    }
  }

  private static Optional<String> bucketRegion(S3Exception e) {
    return e.awsErrorDetails() == null
        ? Optional.empty()
        : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
  }

  static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
  }
}

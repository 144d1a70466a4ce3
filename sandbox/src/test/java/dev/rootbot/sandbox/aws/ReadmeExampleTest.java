package dev.rootbot.sandbox.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.aws.cloudtrail.TrailEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The example in sandbox/README.md, verbatim, so that it keeps working. */
class ReadmeExampleTest {
  @Test
  void the_readme_example_unlocks_a_bucket_in_a_root_session() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.demo())) {
      CallerKey key = aws.managementKey();
      var credentials = StaticCredentialsProvider.create(
          AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
      StsClient sts = StsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(credentials).build();

      Credentials session = sts.assumeRoot(r -> r.targetPrincipal("222222222222")
          .taskPolicyArn(p -> p.arn("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy"))).credentials();

      S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
          .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
              session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))).build();
      String backup = s3.getBucketPolicy(b -> b.bucket("payments-audit-logs")).policy();
      s3.deleteBucketPolicy(b -> b.bucket("payments-audit-logs"));

      assertThat(backup).contains("DenyEveryone");
      assertThat(aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
      assertThat(aws.calls().withAccessKey(session.accessKeyId())).extracting(RecordedCall::action)
          .containsExactly("s3:GetBucketPolicy", "s3:DeleteBucketPolicy");
      assertThat(aws.trail().events("222222222222", "us-east-1")).extracting(TrailEvent::userIdentityType)
          .containsOnly("Root");
    }
  }
}

package dev.rootbot.actions.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Which answers prove that AWS did not do a call, and which operations are reads. */
class ChangeCallsTest {
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("a 4xx to the only attempt", service(403, 1), true),
        Arguments.of("a 404 to the only attempt", service(404, 1), true),
        Arguments.of("a 4xx after a retried attempt, whose answer may have been lost", service(409, 2), false),
        Arguments.of("a 5xx", service(500, 1), false),
        Arguments.of("a 503 after the retries", service(503, 4), false),
        Arguments.of("a 4xx whose attempts are not known", service(400, null), false),
        Arguments.of("no answer at all", SdkClientException.create("Read timed out"), false),
        Arguments.of("not an AWS exception", new IllegalStateException("bug"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void only_an_error_to_the_only_attempt_proves_aws_did_not_do_it(String description, Throwable failure, boolean refused) {
    assertThat(ChangeCalls.refused(failure)).isEqualTo(refused);
  }

  @Test
  void reads_are_get_list_head_and_describe_and_every_task_change_is_not() {
    for (String read : new String[] {"GetBucketPolicy", "ListAccessKeys", "HeadBucket", "DescribeOrganization",
        "GetQueueAttributes", "GetQueueUrl", "GetAccessKeyLastUsed"}) {
      assertThat(ChangeCalls.isRead(read)).as(read).isTrue();
    }
    for (String change : new String[] {"DeleteBucketPolicy", "PutBucketPolicy", "SetQueueAttributes",
        "DeleteLoginProfile", "CreateLoginProfile", "DeleteAccessKey", "DeleteSigningCertificate",
        "DeactivateMFADevice", "DeleteVirtualMFADevice"}) {
      assertThat(ChangeCalls.isRead(change)).as(change).isFalse();
    }
  }

  @Test
  void nothing_sent_means_nothing_may_have_changed() {
    assertThat(ChangeCalls.recording().mayHaveChanged()).isFalse();
    assertThat(ChangeCalls.recording().sent()).isEmpty();
  }

  private static AwsServiceException service(int status, Integer attempts) {
    return AwsServiceException.builder().statusCode(status).numAttempts(attempts).message("answer").build();
  }
}

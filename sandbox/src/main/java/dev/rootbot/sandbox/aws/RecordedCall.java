package dev.rootbot.sandbox.aws;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulated AWS received, allowed or refused.
 *
 * @param action the operation as {@code service:Operation}, e.g. {@code s3:GetBucketPolicy} (S3's ListBuckets
 *     is {@code s3:ListBuckets}, though its IAM action is {@code s3:ListAllMyBuckets})
 * @param account the account the caller acts in (a root session's member account); empty if the key is unknown
 * @param region the region of the request's credential scope
 * @param accessKeyId the access key the request was signed with, known or not
 * @param principalArn the caller's ARN; empty if the key is unknown
 * @param parameters what was sent, by wire name ({@code TaskPolicyArn.arn}, {@code QueueUrl}, {@code Bucket}, {@code Policy}); passwords hidden
 * @param errorCode the error code the AWS SDK reports, when the call was refused
 * @param httpStatus the status of the answer, whether or not it reached the caller
 * @param answerLost whether a {@link Fault#lostAnswer()} dropped the answer: the call took effect (or was refused)
 *     as recorded, but the caller never heard
 */
public record RecordedCall(
    Instant time,
    String action,
    String account,
    String region,
    String accessKeyId,
    String principalArn,
    Map<String, String> parameters,
    Optional<String> errorCode,
    int httpStatus,
    String requestId,
    boolean answerLost) {

  public RecordedCall {
    // Interned: a long audit records tens of thousands of calls with the same few names in them.
    action = action.intern();
    region = region.intern();
    principalArn = principalArn.intern();
    parameters = parameters.isEmpty() ? Map.of() : Map.copyOf(parameters);
  }

  public boolean refused() {
    return errorCode.isPresent();
  }
}

package dev.rootbot.actions.session;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskPolicy;
import java.time.Instant;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One task-scoped root session in one member account: the only way a task reaches AWS.
 *
 * <p>Its clients sign with the session's credentials and nothing else; the credentials themselves are
 * not exposed, so a task cannot log or return them.
 */
public interface RootSession {
  AccountId account();

  TaskPolicy policy();

  /** The session's access key ID: the key that ties its calls together in CloudTrail. Not a secret. */
  String accessKeyId();

  Instant expiresAt();

  S3Client s3(AwsRegion region);

  SqsClient sqs(AwsRegion region);

  /** IAM is global; its calls are signed for, and logged in, us-east-1. */
  IamClient iam();
}

package dev.rootbot.actions.org.scp;

import dev.rootbot.actions.task.AwsRegion;
import java.util.Optional;

/**
 * One call a root session makes, as SCPs see it: the action, the resource and the region the call goes to
 * ({@code aws:RequestedRegion}); IAM calls go to us-east-1, S3 and SQS calls to the resource's region, which
 * may not be known before the call.
 */
public record RootCall(String action, ResourceRef resource, Optional<AwsRegion> region) {
  public RootCall {
    if (action == null || !action.contains(":")) {
      throw new IllegalArgumentException("an action is service:Name, like s3:GetBucketPolicy; got " + action);
    }
  }
}

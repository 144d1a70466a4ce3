package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.organizations.ServiceControlPolicy;
import dev.rootbot.sandbox.aws.policy.PolicyDocument;
import dev.rootbot.sandbox.aws.policy.RequestContext;
import dev.rootbot.sandbox.aws.policy.Resource;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Guard;
import dev.rootbot.sandbox.aws.wire.Service;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a caller may perform an action on a resource, in the order AWS evaluates policies, and says
 * why not in AWS's words.
 *
 * <ol>
 *   <li>An explicit deny in an SCP of the caller's account (its root, OUs and itself; never the management
 *       account) refuses, with the condition keys {@code aws:PrincipalArn} and, in root sessions only,
 *       {@code aws:AssumedRoot = "true"}.
 *   <li>An explicit deny in the resource's policy refuses, except that a root session may always read and
 *       replace a bucket or queue policy: that is what root unlock is for.
 *   <li>A root session may do only what its task policy allows.
 *   <li>A resource in another account needs a resource policy that allows the caller.
 * </ol>
 * IAM users are otherwise allowed everything in their own account, as an administrator would be.
 *
 * <p>An operation no simulated service answers is authorized too, as its IAM action ({@link #iamAction}), before
 * it is refused as unknown: a root session that asks for what its task policy does not allow is told
 * {@code AccessDenied}, as AWS would tell it, not that the sandbox lacks the operation.
 */
final class Authorizer implements Guard {
  /** What the root user can do to a resource however its policy reads. */
  private static final Set<String> ROOT_MANAGES_POLICY = Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy",
      "s3:DeleteBucketPolicy", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:GetQueueUrl");

  /** S3 operations whose IAM action has another name. */
  private static final Map<String, String> S3_ACTIONS = Map.of(
      "ListBuckets", "ListAllMyBuckets",
      "ListObjects", "ListBucket",
      "ListObjectsV2", "ListBucket",
      "HeadBucket", "ListBucket",
      "ListObjectVersions", "ListBucketVersions",
      "ListMultipartUploads", "ListBucketMultipartUploads",
      "HeadObject", "GetObject",
      "CopyObject", "PutObject",
      "UploadPart", "PutObject",
      "DeleteObjects", "DeleteObject");

  private final Organization organization;

  Authorizer(Organization organization) {
    this.organization = organization;
  }

  @Override
  public void authorize(Call call, String action, Resource resource) {
    Caller caller = call.caller();
    RequestContext context = context(call, caller, action, resource.arn());
    for (ServiceControlPolicy scp : organization.policiesGoverning(caller.account())) {
      if (scp.document().deniesExplicitly(context)) {
        throw denied(call, action, resource, "with an explicit deny in a service control policy");
      }
    }
    Optional<PolicyDocument> resourcePolicy = resource.policy();
    boolean rootManagesPolicy = caller instanceof RootSession && ROOT_MANAGES_POLICY.contains(action);
    if (!rootManagesPolicy && resourcePolicy.map(p -> p.deniesExplicitly(context)).orElse(false)) {
      throw denied(call, action, resource, "with an explicit deny in a resource-based policy");
    }
    if (caller instanceof RootSession && !((RootSession) caller).taskPolicy().allows(action)) {
      throw denied(call, action, resource, "because no session policy allows the " + action + " action");
    }
    boolean otherAccount = resource.account().map(a -> !a.equals(caller.account())).orElse(false);
    if (otherAccount && !resourcePolicy.map(p -> p.allows(context)).orElse(false)) {
      throw denied(call, action, resource, "because no resource-based policy allows the " + action + " action");
    }
  }

  /** Authorizes a call to an operation that no service answers, as {@link #iamAction} on what it names. */
  void authorizeUnanswered(Call call) {
    authorize(call, iamAction(call), Resource.any(resourceArn(call)));
  }

  /** The IAM action a call needs: {@code service:Operation}, except where S3's action has another name. */
  private static String iamAction(Call call) {
    String operation = call.operation();
    if (call.service() == Service.S3) {
      operation = S3_ACTIONS.getOrDefault(operation, operation);
    }
    return call.service().signingName() + ":" + operation;
  }

  /** What an unanswered call names: an S3 bucket or object, an SQS queue, or {@code *}. */
  private static String resourceArn(Call call) {
    if (call.bucket().isPresent()) {
      return "arn:aws:s3:::" + call.bucket().get() + call.key().map(k -> "/" + k).orElse("");
    }
    if (call.service() == Service.SQS) {
      Optional<String[]> path = call.jsonString("QueueUrl").map(u -> u.replaceFirst("^https?://[^/]*/", "").split("/"));
      if (path.isPresent() && path.get().length == 2) {
        return "arn:aws:sqs:" + call.region() + ":" + path.get()[0] + ":" + path.get()[1];
      }
    }
    return "*";
  }

  private RequestContext context(Call call, Caller caller, String action, String resource) {
    var keys = new HashMap<String, String>();
    keys.put("aws:PrincipalArn", caller.arn());
    keys.put("aws:PrincipalAccount", caller.account());
    keys.put("aws:PrincipalOrgID", organization.id());
    keys.put("aws:RequestedRegion", call.region());
    keys.put("aws:userid", caller.principalId());
    if (caller instanceof RootSession) {
      keys.put("aws:PrincipalType", "Account");
      keys.put("aws:AssumedRoot", "true"); // present only in AssumeRoot sessions
    } else {
      keys.put("aws:PrincipalType", "User");
      keys.put("aws:username", caller.userName());
    }
    return new RequestContext(action, resource, caller.arn(), caller.account(), keys);
  }

  private static AwsException denied(Call call, String action, Resource resource, String reason) {
    // S3 quotes the resource in its messages; the other services do not.
    String target = call.service() == Service.S3 ? "\"" + resource.arn() + "\"" : resource.arn();
    return Failure.ACCESS_DENIED.in(call.service(), "User: " + call.caller().arn()
        + " is not authorized to perform: " + action + " on resource: " + target + " " + reason);
  }
}

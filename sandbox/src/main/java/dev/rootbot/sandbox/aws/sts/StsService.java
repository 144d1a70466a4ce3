package dev.rootbot.sandbox.aws.sts;

import com.google.gson.JsonObject;
import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.identity.Identities;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.organizations.Account;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.policy.Resource;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Handler;
import dev.rootbot.sandbox.aws.wire.Service;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * AWS STS (awsQuery): {@code AssumeRoot}, with the rules AWS applies to it, and {@code GetCallerIdentity}.
 *
 * <p>AssumeRoot checks, in order: the parameters (a target account ID or root ARN, one of the five task policy
 * ARNs as {@code TaskPolicyArn.arn}, {@code DurationSeconds} 0–900), the caller's own permissions and SCPs, that
 * the caller is the management account or the IAM delegated administrator, that root sessions are enabled, and
 * that the target is an active member account other than the management account.
 */
public final class StsService implements Handler {
  private static final Pattern TARGET = Pattern.compile("(?:arn:aws:iam::)?(\\d{12})(?::root)?");
  private static final String IAM = "iam.amazonaws.com";
  /** How CloudTrail writes STS expirations, e.g. "Oct 25, 2024, 9:07:11 PM". */
  private static final DateTimeFormatter TRAIL_EXPIRATION =
      DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  private final Organization organization;
  private final Identities identities;

  public StsService(Organization organization, Identities identities) {
    this.organization = organization;
    this.identities = identities;
  }

  @Override
  public Map<String, Function<Call, AwsResponse>> operations() {
    return Map.of("AssumeRoot", this::assumeRoot, "GetCallerIdentity", this::getCallerIdentity);
  }

  @Override
  public AwsException unknown(Call call) {
    return Failure.UNKNOWN_OPERATION.in(Service.STS,
        "Could not find operation " + call.operation() + " for version 2011-06-15");
  }

  private AwsResponse assumeRoot(Call call) {
    String targetPrincipal = call.param("TargetPrincipal")
        .orElseThrow(() -> validation("Value null at 'targetPrincipal' failed to satisfy constraint: "
            + "Member must not be null"));
    String policyArn = call.param("TaskPolicyArn.arn")
        .orElseThrow(() -> validation("Value null at 'taskPolicyArn' failed to satisfy constraint: "
            + "Member must not be null"));
    int duration = duration(call);
    var target = TARGET.matcher(targetPrincipal);
    if (!target.matches()) {
      throw validation("Value '" + targetPrincipal + "' at 'targetPrincipal' failed to satisfy constraint: "
          + "Member must be a 12-digit account ID or arn:aws:iam::ACCOUNT:root");
    }
    TaskPolicy policy = TaskPolicy.fromArn(policyArn).orElseThrow(() -> validation(
        "Value '" + policyArn + "' at 'taskPolicyArn.arn' failed to satisfy constraint: Member must be one of "
            + Arrays.stream(TaskPolicy.values()).map(TaskPolicy::arn).collect(Collectors.joining(", "))));
    String account = target.group(1);
    String resource = "arn:aws:iam::" + account + ":root";

    call.authorize("sts:AssumeRoot", Resource.any(resource));
    Caller caller = call.caller();
    if (!organization.isManagement(caller.account())
        && !organization.isDelegatedAdministrator(caller.account(), IAM)) {
      throw denied(caller, resource, "because only the management account and the delegated administrator "
          + "for iam.amazonaws.com can call AssumeRoot");
    }
    if (!organization.featureEnabled("RootSessions") || !organization.trusts(IAM)) {
      throw denied(caller, resource, "because root sessions are not enabled for the organization "
          + "(trusted access for iam.amazonaws.com and iam:EnableOrganizationsRootSessions)");
    }
    Account member = organization.account(account).orElseThrow(() -> denied(caller, resource,
        "because " + account + " is not an account of organization " + organization.id()));
    if (organization.isManagement(account)) {
      throw denied(caller, resource, "because the management account cannot be the target of AssumeRoot");
    }
    if (!member.active()) {
      throw denied(caller, resource, "because account " + account + " is " + member.status());
    }

    RootSession session = identities.issue(account, policy, Duration.ofSeconds(duration), caller);
    var credentials = new JsonObject();
    credentials.addProperty("accessKeyId", session.accessKeyId());
    credentials.addProperty("expiration", TRAIL_EXPIRATION.format(session.expiration()));
    var elements = new JsonObject();
    elements.add("credentials", credentials);
    call.responseElements(elements);
    return call.queryResult(xml -> xml.open("Credentials")
        .leaf("AccessKeyId", session.accessKeyId())
        .leaf("SecretAccessKey", session.secretAccessKey())
        .leaf("SessionToken", session.token())
        .leaf("Expiration", session.expiration())
        .close());
  }

  private static int duration(Call call) {
    String text = call.param("DurationSeconds").orElse("900");
    int seconds;
    try {
      seconds = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw validation("Value '" + text + "' at 'durationSeconds' failed to satisfy constraint: "
          + "Member must be an integer");
    }
    if (seconds < 0) {
      throw validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: "
          + "Member must have value greater than or equal to 0");
    }
    if (seconds > 900) {
      throw validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: "
          + "Member must have value less than or equal to 900");
    }
    return seconds;
  }

  /** No permission is needed to ask who you are; even an explicit deny does not stop it. */
  private AwsResponse getCallerIdentity(Call call) {
    Caller caller = call.caller();
    return call.queryResult(xml -> xml
        .leaf("UserId", caller.principalId())
        .leaf("Account", caller.account())
        .leaf("Arn", caller.arn()));
  }

  private static AwsException validation(String problem) {
    return AwsException.of(400, "ValidationError", "1 validation error detected: " + problem);
  }

  private static AwsException denied(Caller caller, String resource, String reason) {
    return Failure.ACCESS_DENIED.in(Service.STS, "User: " + caller.arn()
        + " is not authorized to perform: sts:AssumeRoot on resource: " + resource + " " + reason);
  }
}

package dev.rootbot.sandbox.aws.organizations;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.rootbot.sandbox.aws.policy.Resource;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Handler;
import dev.rootbot.sandbox.aws.wire.Json;
import dev.rootbot.sandbox.aws.wire.Page;
import dev.rootbot.sandbox.aws.wire.Service;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * AWS Organizations (awsJson1.1): the read calls a root-access tool makes, with Organizations' pagination
 * ({@code MaxResults} 1–20, opaque {@code NextToken}), and {@code EnableAWSServiceAccess}.
 *
 * <p>As in AWS, the reads are for the management account and delegated administrators, except
 * {@code DescribeOrganization}, which any member may call.
 */
public final class OrganizationsService implements Handler {
  private static final int MAX_PAGE = 20;

  private final Organization organization;
  private final Clock clock;

  public OrganizationsService(Organization organization, Clock clock) {
    this.organization = organization;
    this.clock = clock;
  }

  @Override
  public AwsResponse handle(Call call) {
    switch (call.operation()) {
      case "DescribeOrganization": return describeOrganization(call);
      case "ListAccounts": return listAccounts(call);
      case "DescribeAccount": return describeAccount(call);
      case "ListRoots": return listRoots(call);
      case "ListOrganizationalUnitsForParent": return listUnitsForParent(call);
      case "DescribeOrganizationalUnit": return describeUnit(call);
      case "ListAccountsForParent": return listAccountsForParent(call);
      case "ListParents": return listParents(call);
      case "ListPoliciesForTarget": return listPoliciesForTarget(call);
      case "DescribePolicy": return describePolicy(call);
      case "ListAWSServiceAccessForOrganization": return listServiceAccess(call);
      case "EnableAWSServiceAccess": return enableServiceAccess(call);
      case "ListDelegatedAdministrators": return listDelegatedAdministrators(call);
      default: throw Failure.UNKNOWN_OPERATION.in(Service.ORGANIZATIONS);
    }
  }

  private AwsResponse describeOrganization(Call call) {
    call.authorize("organizations:DescribeOrganization", Resource.any("*"));
    if (organization.account(call.caller().account()).isEmpty()) {
      throw AwsException.of(400, "AWSOrganizationsNotInUseException",
          "Your account is not a member of an organization.");
    }
    var org = new JsonObject();
    org.addProperty("Id", organization.id());
    org.addProperty("Arn", organization.arn());
    org.addProperty("FeatureSet", organization.featureSet());
    org.addProperty("MasterAccountArn", organization.accountArn(organization.managementAccountId()));
    org.addProperty("MasterAccountId", organization.managementAccountId());
    org.addProperty("MasterAccountEmail", organization.managementAccount().email());
    org.add("AvailablePolicyTypes", policyTypes());
    var body = new JsonObject();
    body.add("Organization", org);
    return call.jsonResult(body);
  }

  private AwsResponse listAccounts(Call call) {
    admit(call, false);
    return call.jsonResult(page(call, organization.accounts(), "Accounts", this::account));
  }

  private AwsResponse describeAccount(Call call) {
    admit(call, false);
    String id = required(call, "AccountId");
    Account account = organization.account(id).orElseThrow(() -> AwsException.of(400, "AccountNotFoundException",
        "You specified an account that doesn't exist."));
    var body = new JsonObject();
    body.add("Account", account(account));
    return call.jsonResult(body);
  }

  private AwsResponse listRoots(Call call) {
    admit(call, false);
    var root = new JsonObject();
    root.addProperty("Id", organization.rootId());
    root.addProperty("Arn", organization.rootArn());
    root.addProperty("Name", "Root");
    root.add("PolicyTypes", policyTypes());
    return call.jsonResult(page(call, List.of(root), "Roots", r -> r));
  }

  private AwsResponse listUnitsForParent(Call call) {
    admit(call, false);
    String parent = parent(call);
    return call.jsonResult(page(call, organization.unitsUnder(parent), "OrganizationalUnits", unit -> {
      var json = new JsonObject();
      json.addProperty("Id", unit.id());
      json.addProperty("Arn", organization.unitArn(unit.id()));
      json.addProperty("Name", unit.name());
      return json;
    }));
  }

  private AwsResponse describeUnit(Call call) {
    admit(call, false);
    String id = required(call, "OrganizationalUnitId");
    OrganizationalUnit unit = organization.unit(id).orElseThrow(() -> AwsException.of(400,
        "OrganizationalUnitNotFoundException", "We can't find an organizational unit (OU) with the OrganizationalUnitId that you specified."));
    var json = new JsonObject();
    json.addProperty("Id", unit.id());
    json.addProperty("Arn", organization.unitArn(unit.id()));
    json.addProperty("Name", unit.name());
    var body = new JsonObject();
    body.add("OrganizationalUnit", json);
    return call.jsonResult(body);
  }

  private AwsResponse listAccountsForParent(Call call) {
    admit(call, false);
    return call.jsonResult(page(call, organization.accountsUnder(parent(call)), "Accounts", this::account));
  }

  private AwsResponse listParents(Call call) {
    admit(call, false);
    String child = required(call, "ChildId");
    String parent = organization.parentOf(child).orElseThrow(() -> AwsException.of(400, "ChildNotFoundException",
        "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified."));
    var json = new JsonObject();
    json.addProperty("Id", parent);
    json.addProperty("Type", parent.equals(organization.rootId()) ? "ROOT" : "ORGANIZATIONAL_UNIT");
    return call.jsonResult(page(call, List.of(json), "Parents", p -> p));
  }

  private AwsResponse listPoliciesForTarget(Call call) {
    admit(call, false);
    String target = required(call, "TargetId");
    String filter = required(call, "Filter");
    if (organization.account(target).isEmpty() && !organization.isParent(target)) {
      throw AwsException.of(400, "TargetNotFoundException", "We can't find a root, OU, account, or policy with the "
          + "TargetId that you specified.");
    }
    List<ServiceControlPolicy> policies = filter.equals("SERVICE_CONTROL_POLICY")
        ? organization.policiesAttachedTo(target) : List.of();
    return call.jsonResult(page(call, policies, "Policies", this::summary));
  }

  private AwsResponse describePolicy(Call call) {
    admit(call, false);
    String id = required(call, "PolicyId");
    ServiceControlPolicy policy = organization.policy(id).orElseThrow(() -> AwsException.of(400,
        "PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified."));
    var json = new JsonObject();
    json.add("PolicySummary", summary(policy));
    json.addProperty("Content", policy.document().json());
    var body = new JsonObject();
    body.add("Policy", json);
    return call.jsonResult(body);
  }

  private AwsResponse listServiceAccess(Call call) {
    admit(call, false);
    List<JsonElement> principals = organization.trustedServices().entrySet().stream().map(e -> {
      var json = new JsonObject();
      json.addProperty("ServicePrincipal", e.getKey());
      json.add("DateEnabled", Json.epochSeconds(e.getValue()));
      return (JsonElement) json;
    }).toList();
    return call.jsonResult(page(call, principals, "EnabledServicePrincipals", p -> p));
  }

  private AwsResponse enableServiceAccess(Call call) {
    admit(call, true);
    if (!organization.allFeatures()) {
      throw AwsException.of(400, "ConstraintViolationException",
          "This action is available only if the organization has all features enabled.")
          .detail("Reason", "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE");
    }
    organization.enableTrustedAccess(required(call, "ServicePrincipal"), clock.instant());
    return call.jsonResult(new JsonObject());
  }

  private AwsResponse listDelegatedAdministrators(Call call) {
    admit(call, false);
    Optional<String> service = call.jsonString("ServicePrincipal");
    List<DelegatedAdministrator> admins = organization.delegatedAdministrators().stream()
        .filter(d -> service.map(d.servicePrincipal()::equals).orElse(true)).toList();
    return call.jsonResult(page(call, admins, "DelegatedAdministrators", admin -> {
      JsonObject json = account(organization.account(admin.accountId()).orElseThrow());
      json.add("DelegationEnabledDate", Json.epochSeconds(admin.since()));
      return json;
    }));
  }

  /** Session policies and SCPs first, then Organizations' own rule: management account or delegated admin. */
  private void admit(Call call, boolean managementOnly) {
    call.authorize("organizations:" + call.operation(), Resource.any("*"));
    String account = call.caller().account();
    if (organization.isManagement(account)
        || (!managementOnly && organization.isAnyDelegatedAdministrator(account))) {
      return;
    }
    throw Failure.ACCESS_DENIED.in(Service.ORGANIZATIONS);
  }

  private String parent(Call call) {
    String parent = required(call, "ParentId");
    if (!organization.isParent(parent)) {
      throw AwsException.of(400, "ParentNotFoundException",
          "We can't find a root or OU with the ParentId that you specified.");
    }
    return parent;
  }

  private static String required(Call call, String member) {
    return call.jsonString(member).filter(v -> !v.isEmpty()).orElseThrow(() -> invalidInput(
        "You provided a value that does not match the required pattern: " + member + " is required.",
        "INVALID_INPUT"));
  }

  private <T> JsonObject page(Call call, List<T> all, String member, Function<T, JsonElement> toJson) {
    int size = MAX_PAGE;
    JsonElement max = call.json().get("MaxResults");
    if (max != null && !max.isJsonNull()) {
      size = max.getAsInt();
      if (size < 1 || size > MAX_PAGE) {
        throw invalidInput("MaxResults must be between 1 and " + MAX_PAGE + ".",
            size < 1 ? "MIN_VALUE_EXCEEDED" : "MAX_VALUE_EXCEEDED");
      }
    }
    Page<T> page;
    try {
      page = Page.of(all, size, call.jsonString("NextToken"));
    } catch (IllegalArgumentException e) {
      throw invalidInput("The NextToken is not valid.", "INVALID_NEXT_TOKEN");
    }
    var items = new JsonArray();
    page.items().forEach(item -> items.add(toJson.apply(item)));
    var body = new JsonObject();
    body.add(member, items);
    page.nextToken().ifPresent(token -> body.addProperty("NextToken", token));
    return body;
  }

  private static AwsException invalidInput(String message, String reason) {
    return AwsException.of(400, "InvalidInputException", message).detail("Reason", reason);
  }

  private JsonObject account(Account account) {
    var json = new JsonObject();
    json.addProperty("Id", account.id());
    json.addProperty("Arn", organization.accountArn(account.id()));
    json.addProperty("Email", account.email());
    json.addProperty("Name", account.name());
    json.addProperty("Status", account.status().name());
    json.addProperty("State", account.status().name());
    json.addProperty("JoinedMethod", account.joinedMethod());
    json.add("JoinedTimestamp", Json.epochSeconds(account.joined()));
    return json;
  }

  private JsonObject summary(ServiceControlPolicy policy) {
    var json = new JsonObject();
    json.addProperty("Id", policy.id());
    json.addProperty("Arn", organization.policyArn(policy));
    json.addProperty("Name", policy.name());
    json.addProperty("Description", policy.description());
    json.addProperty("Type", "SERVICE_CONTROL_POLICY");
    json.addProperty("AwsManaged", policy.awsManaged());
    return json;
  }

  private JsonArray policyTypes() {
    var type = new JsonObject();
    type.addProperty("Type", "SERVICE_CONTROL_POLICY");
    type.addProperty("Status", "ENABLED");
    var types = new JsonArray();
    if (organization.allFeatures()) {
      types.add(type);
    }
    return types;
  }
}

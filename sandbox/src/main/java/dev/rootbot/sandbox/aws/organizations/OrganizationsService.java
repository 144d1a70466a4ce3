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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * AWS Organizations (awsJson1.1): the read calls a root-access tool makes, with Organizations' pagination
 * ({@code MaxResults} 1–20, 20 when not given; an opaque {@code NextToken} valid only for the list it came from),
 * {@code EnableAWSServiceAccess} and {@code RegisterDelegatedAdministrator}.
 *
 * <p>As in AWS, the reads are for the management account and delegated administrators, except
 * {@code DescribeOrganization}, which any member may call; the changes are for the management account only.
 * Input is checked before anything is looked up, and refused with {@code InvalidInputException} and its
 * {@code Reason}.
 */
public final class OrganizationsService implements Handler {
  /** The largest page every list call here allows; also the page size when {@code MaxResults} is not given. */
  static final int MAX_PAGE = 20;
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("[\\w+=,.@-]{1,128}\\.amazonaws\\.com");

  private final Organization organization;
  private final Clock clock;
  private final Map<String, Function<Call, AwsResponse>> operations = Map.ofEntries(
      Map.entry("DescribeOrganization", this::describeOrganization),
      Map.entry("ListAccounts", this::listAccounts),
      Map.entry("DescribeAccount", this::describeAccount),
      Map.entry("ListRoots", this::listRoots),
      Map.entry("ListOrganizationalUnitsForParent", this::listUnitsForParent),
      Map.entry("DescribeOrganizationalUnit", this::describeUnit),
      Map.entry("ListAccountsForParent", this::listAccountsForParent),
      Map.entry("ListChildren", this::listChildren),
      Map.entry("ListParents", this::listParents),
      Map.entry("ListPoliciesForTarget", this::listPoliciesForTarget),
      Map.entry("DescribePolicy", this::describePolicy),
      Map.entry("ListAWSServiceAccessForOrganization", this::listServiceAccess),
      Map.entry("EnableAWSServiceAccess", this::enableServiceAccess),
      Map.entry("ListDelegatedAdministrators", this::listDelegatedAdministrators),
      Map.entry("RegisterDelegatedAdministrator", this::registerDelegatedAdministrator));

  public OrganizationsService(Organization organization, Clock clock) {
    this.organization = organization;
    this.clock = clock;
  }

  @Override
  public Map<String, Function<Call, AwsResponse>> operations() {
    return operations;
  }

  @Override
  public AwsException unknown(Call call) {
    return Failure.UNKNOWN_OPERATION.in(Service.ORGANIZATIONS);
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
    return call.jsonResult(page(call, "Accounts", organization::accounts, this::account));
  }

  private AwsResponse describeAccount(Call call) {
    admit(call, false);
    String id = required(call, "AccountId");
    Account account = organization.account(id).orElseThrow(OrganizationsService::accountNotFound);
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
    return call.jsonResult(page(call, "Roots", () -> List.of(root), r -> r));
  }

  private AwsResponse listUnitsForParent(Call call) {
    admit(call, false);
    return call.jsonResult(page(call, "OrganizationalUnits", () -> organization.unitsUnder(parent(call)),
        this::unit));
  }

  private AwsResponse describeUnit(Call call) {
    admit(call, false);
    String id = required(call, "OrganizationalUnitId");
    OrganizationalUnit unit = organization.unit(id).orElseThrow(() -> AwsException.of(400,
        "OrganizationalUnitNotFoundException",
        "We can't find an organizational unit (OU) with the OrganizationalUnitId that you specified."));
    var body = new JsonObject();
    body.add("OrganizationalUnit", unit(unit));
    return call.jsonResult(body);
  }

  private AwsResponse listAccountsForParent(Call call) {
    admit(call, false);
    return call.jsonResult(page(call, "Accounts", () -> organization.accountsUnder(parent(call)), this::account));
  }

  /** The accounts or the OUs directly under a root or OU, as {@code {Id, Type}}. */
  private AwsResponse listChildren(Call call) {
    admit(call, false);
    String type = required(call, "ChildType");
    if (!type.equals("ACCOUNT") && !type.equals("ORGANIZATIONAL_UNIT")) {
      throw invalidInput("You specified an invalid value.", "INVALID_ENUM");
    }
    Supplier<List<String>> children = () -> {
      String parent = parent(call);
      return type.equals("ACCOUNT")
          ? organization.accountsUnder(parent).stream().map(Account::id).toList()
          : organization.unitsUnder(parent).stream().map(OrganizationalUnit::id).toList();
    };
    return call.jsonResult(page(call, "Children", children, id -> {
      var json = new JsonObject();
      json.addProperty("Id", id);
      json.addProperty("Type", type);
      return json;
    }));
  }

  private AwsResponse listParents(Call call) {
    admit(call, false);
    String child = required(call, "ChildId");
    String parent = organization.parentOf(child).orElseThrow(() -> AwsException.of(400, "ChildNotFoundException",
        "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified."));
    var json = new JsonObject();
    json.addProperty("Id", parent);
    json.addProperty("Type", parent.equals(organization.rootId()) ? "ROOT" : "ORGANIZATIONAL_UNIT");
    return call.jsonResult(page(call, "Parents", () -> List.of(json), p -> p));
  }

  private AwsResponse listPoliciesForTarget(Call call) {
    admit(call, false);
    String target = required(call, "TargetId");
    String filter = required(call, "Filter");
    if (organization.account(target).isEmpty() && !organization.isParent(target)) {
      throw AwsException.of(400, "TargetNotFoundException", "We can't find a root, OU, account, or policy with the "
          + "TargetId that you specified.");
    }
    return call.jsonResult(page(call, "Policies", () -> filter.equals("SERVICE_CONTROL_POLICY")
        ? organization.policiesAttachedTo(target) : List.<ServiceControlPolicy>of(), this::summary));
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
    return call.jsonResult(page(call, "EnabledServicePrincipals", () -> principals, p -> p));
  }

  /** Turns on trusted access for a service; turning it on again succeeds and keeps its first date, as in AWS. */
  private AwsResponse enableServiceAccess(Call call) {
    admit(call, true);
    String principal = servicePrincipal(call);
    if (!organization.allFeatures()) {
      throw AwsException.of(400, "ConstraintViolationException",
          "This action is available only if the organization has all features enabled.")
          .detail("Reason", "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE");
    }
    organization.enableTrustedAccess(principal, clock.instant());
    return call.jsonResult(new JsonObject());
  }

  private AwsResponse listDelegatedAdministrators(Call call) {
    admit(call, false);
    Optional<String> service = call.jsonString("ServicePrincipal");
    List<DelegatedAdministrator> admins = organization.delegatedAdministrators().stream()
        .filter(d -> service.map(d.servicePrincipal()::equals).orElse(true)).toList();
    return call.jsonResult(page(call, "DelegatedAdministrators", () -> admins, admin -> {
      JsonObject json = account(organization.account(admin.accountId()).orElseThrow());
      json.add("DelegationEnabledDate", Json.epochSeconds(admin.since()));
      return json;
    }));
  }

  /**
   * Makes a member account delegated administrator for a service that has trusted access, refusing what AWS
   * refuses: a service without trusted access is an unrecognized principal, the management account cannot be
   * one, and an account already registered for the service is {@code AccountAlreadyRegisteredException}.
   */
  private AwsResponse registerDelegatedAdministrator(Call call) {
    admit(call, true);
    String accountId = required(call, "AccountId");
    if (!ACCOUNT_ID.matcher(accountId).matches()) {
      throw invalidInput("You provided a value that does not match the required pattern.", "INVALID_PATTERN");
    }
    String principal = servicePrincipal(call);
    if (!organization.trusts(principal)) {
      throw invalidInput("You specified an unrecognized service principal.", "UNRECOGNIZED_SERVICE_PRINCIPAL");
    }
    Account account = organization.account(accountId).orElseThrow(OrganizationsService::accountNotFound);
    if (organization.isManagement(account.id())) {
      throw AwsException.of(400, "ConstraintViolationException", "You attempted to register the management "
              + "account of the organization as a delegated administrator for an AWS service integrated with "
              + "Organizations. You can designate only a member account as a delegated administrator.")
          .detail("Reason", "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR");
    }
    if (!organization.registerDelegatedAdministrator(account.id(), principal, clock.instant())) {
      throw AwsException.of(400, "AccountAlreadyRegisteredException",
          "The specified account is already a delegated administrator for this AWS service.");
    }
    return call.jsonResult(new JsonObject());
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
        "You must include a value for all required parameters: " + member + " is missing.", "INPUT_REQUIRED"));
  }

  private static String servicePrincipal(Call call) {
    String principal = required(call, "ServicePrincipal");
    if (!SERVICE_PRINCIPAL.matcher(principal).matches()) {
      throw invalidInput("You specified an unrecognized service principal.", "UNRECOGNIZED_SERVICE_PRINCIPAL");
    }
    return principal;
  }

  /**
   * One page of a list, in AWS's order of checks: {@code MaxResults} is validated before {@code all} is asked
   * for (which may refuse a missing parent), and the token after. A page holds {@link #MAX_PAGE} items unless
   * {@code MaxResults} asks for fewer, so a client that ignores {@code NextToken} misses the rest.
   */
  private <T> JsonObject page(Call call, String member, Supplier<List<T>> all, Function<T, JsonElement> toJson) {
    int size = MAX_PAGE;
    JsonElement max = call.json().get("MaxResults");
    if (max != null && !max.isJsonNull()) {
      size = max.getAsInt();
      if (size < 1) {
        throw invalidInput("You provided a numeric parameter that has a smaller value than allowed: MaxResults "
            + "must be at least 1.", "MIN_VALUE_EXCEEDED");
      }
      if (size > MAX_PAGE) {
        throw invalidInput("You provided a numeric parameter that has a larger value than allowed: MaxResults "
            + "must be at most " + MAX_PAGE + ".", "MAX_VALUE_EXCEEDED");
      }
    }
    List<T> items = all.get();
    Page<T> page;
    try {
      page = Page.of(items, size, call.jsonString("NextToken"), scope(call));
    } catch (IllegalArgumentException e) {
      throw invalidInput("The NextToken is not valid: get it from the response to a previous call of "
          + call.operation() + " with the same parameters.", "INVALID_NEXT_TOKEN");
    }
    var list = new JsonArray();
    page.items().forEach(item -> list.add(toJson.apply(item)));
    var body = new JsonObject();
    body.add(member, list);
    page.nextToken().ifPresent(token -> body.addProperty("NextToken", token));
    return body;
  }

  /** What a token is valid for: the operation and every parameter except the paging ones. */
  private static String scope(Call call) {
    var scope = new StringBuilder(call.operation());
    new TreeMap<>(call.json().asMap()).forEach((name, value) -> {
      if (!name.equals("NextToken") && !name.equals("MaxResults")) {
        scope.append(':').append(name).append('=').append(value);
      }
    });
    return scope.toString();
  }

  private static AwsException accountNotFound() {
    return AwsException.of(400, "AccountNotFoundException", "You specified an account that doesn't exist.");
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

  private JsonObject unit(OrganizationalUnit unit) {
    var json = new JsonObject();
    json.addProperty("Id", unit.id());
    json.addProperty("Arn", organization.unitArn(unit.id()));
    json.addProperty("Name", unit.name());
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

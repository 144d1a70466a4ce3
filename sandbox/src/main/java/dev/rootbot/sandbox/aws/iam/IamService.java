package dev.rootbot.sandbox.aws.iam;

import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.identity.IamUser;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.policy.Resource;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Handler;
import dev.rootbot.sandbox.aws.wire.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * AWS IAM (awsQuery): the root user's credentials as a root session sees them, the account summary, and the
 * organization's centralized root access features.
 *
 * <p>In a root session IAM acts on that account's root user: {@code UserName} is refused, and
 * {@code CreateLoginProfile} takes no {@code Password}. IAM users calling with their own keys have no
 * credentials modelled beyond their access key, so their lists are empty and their gets find nothing.
 */
public final class IamService implements Handler {
  private static final String IAM = "iam.amazonaws.com";
  private static final String CREDENTIALS = "RootCredentialsManagement";
  private static final String SESSIONS = "RootSessions";

  private final RootUsers rootUsers;
  private final Organization organization;
  private final Map<String, Function<Call, AwsResponse>> operations = Map.ofEntries(
      Map.entry("GetUser", this::getUser),
      Map.entry("GetLoginProfile", this::getLoginProfile),
      Map.entry("CreateLoginProfile", this::createLoginProfile),
      Map.entry("DeleteLoginProfile", this::deleteLoginProfile),
      Map.entry("ListAccessKeys", this::listAccessKeys),
      Map.entry("GetAccessKeyLastUsed", this::getAccessKeyLastUsed),
      Map.entry("DeleteAccessKey", this::deleteAccessKey),
      Map.entry("ListSigningCertificates", this::listSigningCertificates),
      Map.entry("DeleteSigningCertificate", this::deleteSigningCertificate),
      Map.entry("ListMFADevices", this::listMfaDevices),
      Map.entry("DeactivateMFADevice", this::deactivateMfaDevice),
      Map.entry("DeleteVirtualMFADevice", this::deleteVirtualMfaDevice),
      Map.entry("GetAccountSummary", this::getAccountSummary),
      Map.entry("ListOrganizationsFeatures", this::listFeatures),
      Map.entry("EnableOrganizationsRootCredentialsManagement", c -> changeFeature(c, CREDENTIALS, true)),
      Map.entry("EnableOrganizationsRootSessions", c -> changeFeature(c, SESSIONS, true)),
      Map.entry("DisableOrganizationsRootCredentialsManagement", c -> changeFeature(c, CREDENTIALS, false)),
      Map.entry("DisableOrganizationsRootSessions", c -> changeFeature(c, SESSIONS, false)));

  public IamService(RootUsers rootUsers, Organization organization) {
    this.rootUsers = rootUsers;
    this.organization = organization;
  }

  @Override
  public Map<String, Function<Call, AwsResponse>> operations() {
    return operations;
  }

  @Override
  public AwsException unknown(Call call) {
    return Failure.UNKNOWN_OPERATION.in(Service.IAM,
        "Could not find operation " + call.operation() + " for version 2010-05-08");
  }

  private AwsResponse getUser(Call call) {
    Target target = target(call);
    Caller caller = call.caller();
    return call.queryResult(xml -> {
      xml.open("User");
      if (target.root() != null) {
        xml.leaf("UserId", target.account())
            .leaf("Arn", target.arn())
            .leaf("CreateDate", target.root().created())
            .leaf("PasswordLastUsed", target.root().passwordLastUsed().orElse(null));
      } else {
        xml.leaf("Path", "/").leaf("UserName", caller.userName()).leaf("UserId", caller.principalId())
            .leaf("Arn", caller.arn()).leaf("CreateDate", organization.account(caller.account())
                .map(a -> a.joined()).orElse(call.time()));
      }
      xml.close();
    });
  }

  private AwsResponse getLoginProfile(Call call) {
    Target target = target(call);
    var created = target.root() == null ? null : target.root().loginProfile().orElse(null);
    if (created == null) {
      throw noLoginProfile(target);
    }
    return call.queryResult(xml -> xml.open("LoginProfile")
        .leaf("CreateDate", created).leaf("PasswordResetRequired", false).close());
  }

  private AwsResponse createLoginProfile(Call call) {
    Target target = target(call);
    if (target.root() == null) {
      throw Failure.ACCESS_DENIED.in(Service.IAM, "The sandbox keeps credentials for root users only; "
          + call.caller().arn() + " cannot create a login profile here");
    }
    if (call.param("Password").isPresent()) {
      throw AwsException.of(400, "ValidationError", "A root session cannot set a password: omit Password, "
          + "and the root user's e-mail owner then resets it with 'Forgot password'");
    }
    if (!target.root().createLoginProfile(call.time())) {
      throw AwsException.of(409, "EntityAlreadyExists", "Login Profile for User root already exists.");
    }
    return call.queryResult(xml -> xml.open("LoginProfile")
        .leaf("CreateDate", call.time()).leaf("PasswordResetRequired", false).close());
  }

  private AwsResponse deleteLoginProfile(Call call) {
    Target target = target(call);
    if (target.root() == null || !target.root().deleteLoginProfile()) {
      throw noLoginProfile(target);
    }
    return call.queryEmpty();
  }

  private AwsResponse listAccessKeys(Call call) {
    Target target = target(call);
    List<RootUser.AccessKey> keys = target.root() == null ? List.of() : target.root().accessKeys();
    return call.queryResult(xml -> {
      xml.open("AccessKeyMetadata");
      for (RootUser.AccessKey key : keys) {
        xml.open("member").leaf("AccessKeyId", key.id()).leaf("Status", "Active").leaf("CreateDate", key.created())
            .close();
      }
      xml.close().leaf("IsTruncated", false);
    });
  }

  private AwsResponse getAccessKeyLastUsed(Call call) {
    Target target = target(call);
    String id = required(call, "AccessKeyId");
    RootUser.AccessKey key = (target.root() == null ? Optional.<RootUser.AccessKey>empty()
        : target.root().accessKey(id)).orElseThrow(() -> noSuchEntity("The Access Key with id " + id
            + " cannot be found."));
    return call.queryResult(xml -> xml.leaf("UserName", "root").open("AccessKeyLastUsed")
        .leaf("LastUsedDate", key.lastUsed().orElse(null))
        .leaf("ServiceName", key.lastService()).leaf("Region", key.lastRegion()).close());
  }

  private AwsResponse deleteAccessKey(Call call) {
    Target target = target(call);
    String id = required(call, "AccessKeyId");
    if (target.root() == null || !target.root().deleteAccessKey(id)) {
      throw noSuchEntity("The Access Key with id " + id + " cannot be found.");
    }
    return call.queryEmpty();
  }

  private AwsResponse listSigningCertificates(Call call) {
    Target target = target(call);
    List<RootUser.SigningCertificate> certificates = target.root() == null ? List.of() : target.root().certificates();
    return call.queryResult(xml -> {
      xml.open("Certificates");
      for (RootUser.SigningCertificate certificate : certificates) {
        xml.open("member").leaf("CertificateId", certificate.id()).leaf("CertificateBody", certificate.body())
            .leaf("Status", "Active").leaf("UploadDate", certificate.uploaded()).close();
      }
      xml.close().leaf("IsTruncated", false);
    });
  }

  private AwsResponse deleteSigningCertificate(Call call) {
    Target target = target(call);
    String id = required(call, "CertificateId");
    if (target.root() == null || !target.root().deleteCertificate(id)) {
      throw noSuchEntity("The Certificate with id " + id + " cannot be found.");
    }
    return call.queryEmpty();
  }

  private AwsResponse listMfaDevices(Call call) {
    Target target = target(call);
    List<RootUser.MfaDevice> devices = target.root() == null ? List.of() : target.root().assignedMfaDevices();
    return call.queryResult(xml -> {
      xml.open("MFADevices");
      for (RootUser.MfaDevice device : devices) {
        xml.open("member").leaf("SerialNumber", device.serial()).leaf("EnableDate", device.enabled().orElseThrow())
            .close();
      }
      xml.close().leaf("IsTruncated", false);
    });
  }

  private AwsResponse deactivateMfaDevice(Call call) {
    Target target = target(call);
    String serial = required(call, "SerialNumber");
    if (target.root() == null || !target.root().deactivateMfaDevice(serial)) {
      throw noSuchEntity("MFA Device with serial number " + serial + " does not exist.");
    }
    return call.queryEmpty();
  }

  private AwsResponse deleteVirtualMfaDevice(Call call) {
    Target target = target(call);
    String serial = required(call, "SerialNumber");
    RootUser.Deletion result = target.root() == null ? RootUser.Deletion.NOT_FOUND
        : target.root().deleteVirtualMfaDevice(serial);
    switch (result) {
      case NOT_FOUND: throw noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist.");
      case IN_USE: throw AwsException.of(409, "DeleteConflict", "MFA Device is still in use.");
      default: return call.queryEmpty();
    }
  }

  private AwsResponse getAccountSummary(Call call) {
    String account = call.caller().account();
    call.authorize("iam:GetAccountSummary", Resource.owned("*", account));
    RootCredentials root = rootUsers.credentials(account);
    Map<String, Integer> summary = new LinkedHashMap<>();
    summary.put("AccountMFAEnabled", root.mfaDevices().isEmpty() ? 0 : 1);
    summary.put("AccountAccessKeysPresent", root.accessKeys().isEmpty() ? 0 : 1);
    summary.put("AccountSigningCertificatesPresent", root.signingCertificates().isEmpty() ? 0 : 1);
    summary.put("AccountPasswordPresent", root.hasPassword() ? 1 : 0);
    summary.put("MFADevices", root.virtualMfaDevices().size());
    summary.put("MFADevicesInUse", root.mfaDevices().size());
    summary.put("Users", 0);
    summary.put("UsersQuota", 5000);
    summary.put("Roles", 0);
    summary.put("RolesQuota", 1000);
    summary.put("Groups", 0);
    summary.put("Policies", 0);
    summary.put("AccessKeysPerUserQuota", 2);
    summary.put("SigningCertificatesPerUserQuota", 2);
    return call.queryResult(xml -> {
      xml.open("SummaryMap");
      summary.forEach((key, value) -> xml.open("entry").leaf("key", key).leaf("value", value).close());
      xml.close();
    });
  }

  /** As in AWS, the features can be read only once trusted access for IAM is on; then they may be off. */
  private AwsResponse listFeatures(Call call) {
    call.authorize("iam:ListOrganizationsFeatures", Resource.any("*"));
    String account = call.caller().account();
    if (!organization.isManagement(account) && !organization.isDelegatedAdministrator(account, IAM)) {
      throw AwsException.of(400, "AccountNotManagementOrDelegatedAdministratorException",
          "The request was rejected because the account making the request is not the management account "
              + "or delegated administrator account for centralized root access.");
    }
    requireTrustedAccess();
    return features(call);
  }

  /**
   * Turns a feature on or off, in AWS's order of refusals: the caller's permissions and SCPs, then the
   * management account, then all features, then trusted access for IAM. Turning on what is on (or off what is
   * off) succeeds and changes nothing, as in AWS.
   */
  private AwsResponse changeFeature(Call call, String feature, boolean enable) {
    call.authorize("iam:" + call.operation(), Resource.any("*"));
    if (!organization.isManagement(call.caller().account())) {
      throw AwsException.of(400, "CallerIsNotManagementAccountException",
          "The request was rejected because the account making the request is not the management account "
              + "for the organization.");
    }
    requireTrustedAccess();
    if (enable) {
      organization.enableFeature(feature);
    } else {
      organization.disableFeature(feature);
    }
    return features(call);
  }

  private void requireTrustedAccess() {
    if (!organization.allFeatures()) {
      throw AwsException.of(400, "OrganizationNotInAllFeaturesModeException",
          "The request was rejected because your organization does not have All features enabled. For more "
              + "information, see Available feature sets in the Organizations User Guide.");
    }
    if (!organization.trusts(IAM)) {
      throw AwsException.of(400, "ServiceAccessNotEnabledException",
          "The request was rejected because trusted access is not enabled for IAM in Organizations. For "
              + "details, see IAM and Organizations in the Organizations User Guide.");
    }
  }

  private AwsResponse features(Call call) {
    return call.queryResult(xml -> {
      xml.leaf("OrganizationId", organization.id()).open("EnabledFeatures");
      organization.features().forEach(f -> xml.leaf("member", f));
      xml.close();
    });
  }

  /**
   * Authorizes the call on the principal it acts on and returns it: in a root session the account's root user
   * (a {@code UserName} is refused), for an IAM user itself.
   */
  private Target target(Call call) {
    Caller caller = call.caller();
    String action = "iam:" + call.operation();
    String account = caller.account();
    if (caller instanceof RootSession) {
      String rootArn = "arn:aws:iam::" + account + ":root";
      call.authorize(action, Resource.owned(rootArn, account));
      call.param("UserName").ifPresent(name -> {
        throw Failure.ACCESS_DENIED.in(Service.IAM, "User: " + rootArn + " is not authorized to perform: " + action
            + " on resource: arn:aws:iam::" + account + ":user/" + name + " because no session policy allows the "
            + action + " action; a root session acts on the root user, so omit UserName");
      });
      return new Target(account, rootArn, rootUsers.user(account));
    }
    IamUser user = (IamUser) caller;
    call.authorize(action, Resource.owned(user.arn(), account));
    call.param("UserName").filter(name -> !name.equals(user.userName())).ifPresent(name -> {
      throw noSuchEntity("The user with name " + name + " cannot be found.");
    });
    return new Target(account, user.arn(), null);
  }

  /** The principal an IAM call acts on; {@code root} is null for an IAM user, whose credentials are not kept. */
  private record Target(String account, String arn, RootUser root) {}

  private static String required(Call call, String name) {
    return call.param(name).orElseThrow(() -> AwsException.of(400, "ValidationError",
        "1 validation error detected: Value null at '" + Character.toLowerCase(name.charAt(0)) + name.substring(1)
            + "' failed to satisfy constraint: Member must not be null"));
  }

  private static AwsException noLoginProfile(Target target) {
    String user = target.root() != null ? "root" : target.arn().substring(target.arn().lastIndexOf('/') + 1);
    return noSuchEntity("Login Profile for User " + user + " cannot be found.");
  }

  private static AwsException noSuchEntity(String message) {
    return AwsException.of(404, "NoSuchEntity", message);
  }
}

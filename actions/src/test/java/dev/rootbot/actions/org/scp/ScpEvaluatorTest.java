package dev.rootbot.actions.org.scp;

import static dev.rootbot.actions.org.scp.ActionVerdict.Outcome.ALLOWED;
import static dev.rootbot.actions.org.scp.ActionVerdict.Outcome.DENIED;
import static dev.rootbot.actions.org.scp.ActionVerdict.Outcome.UNDECIDABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SCP evaluator, row by row: each row is a deny statement (or a level's SCPs) and a call, and what AWS does. */
class ScpEvaluatorTest {
  static final AccountId ACCOUNT = new AccountId("444444444444");
  static final RootSessionContext WHO = new RootSessionContext(ACCOUNT, "o-exampleorg1",
      Optional.of("o-exampleorg1/r-exmp/ou-exmp-sandbox/"));
  static final AwsRegion US_EAST_1 = AwsRegion.US_EAST_1;
  static final AwsRegion EU_WEST_1 = AwsRegion.parse("eu-west-1");

  static final RootCall DELETE_POLICY =
      new RootCall("s3:DeleteBucketPolicy", ResourceRef.exact("arn:aws:s3:::b"), Optional.of(US_EAST_1));
  static final RootCall DELETE_POLICY_EU =
      new RootCall("s3:DeleteBucketPolicy", ResourceRef.exact("arn:aws:s3:::b"), Optional.of(EU_WEST_1));
  static final RootCall DELETE_POLICY_SOMEWHERE =
      new RootCall("s3:DeleteBucketPolicy", ResourceRef.exact("arn:aws:s3:::b"), Optional.empty());
  static final RootCall LIST_BUCKETS = new RootCall("s3:ListAllMyBuckets", ResourceRef.none(), Optional.of(US_EAST_1));
  static final RootCall GET_LOGIN_PROFILE = new RootCall("iam:GetLoginProfile", ResourceRef.oneOf(
      ResourceRef.exact("arn:aws:iam::444444444444:root"), ResourceRef.nameAfter("arn:aws:iam::444444444444:user/")),
      Optional.of(US_EAST_1));
  static final RootCall DELETE_SOME_POLICY =
      new RootCall("s3:DeleteBucketPolicy", ResourceRef.nameAfter("arn:aws:s3:::"), Optional.of(US_EAST_1));
  static final RootCall SET_SOME_QUEUE =
      new RootCall("sqs:SetQueueAttributes", ResourceRef.startingWith("arn:aws:sqs:"), Optional.empty());
  static final RootCall DELETE_MFA = new RootCall("iam:DeleteVirtualMFADevice",
      ResourceRef.nameAfter("arn:aws:iam::444444444444:mfa/"), Optional.of(US_EAST_1));

  static final ServiceControlPolicy FULL_ACCESS = policy("p-FullAWSAccess", "FullAWSAccess",
      "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");

  static ServiceControlPolicy policy(String id, String name, String... statements) {
    return new ServiceControlPolicy(id, name,
        ScpDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}"));
  }

  /** Root and account allow everything; the OU has FullAWSAccess and the statement under test. */
  static List<ScpLevel> pathWithOuStatement(String statement) {
    return List.of(
        new ScpLevel("r-exmp", "the organization root (r-exmp)", List.of(FULL_ACCESS)),
        new ScpLevel("ou-exmp-sandbox", "OU Sandbox (ou-exmp-sandbox)",
            List.of(FULL_ACCESS, policy("p-undertest", "UnderTest", statement))),
        new ScpLevel("444444444444", "account dev-playground (444444444444)", List.of(FULL_ACCESS)));
  }

  static String denyAll(String condition) {
    return "{\"Sid\":\"S\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{" + condition + "}}";
  }

  static String deny(String actionAndResource) {
    return "{\"Sid\":\"S\",\"Effect\":\"Deny\"," + actionAndResource + "}";
  }

  static Arguments row(String description, String statement, RootCall call, ActionVerdict.Outcome expected) {
    return Arguments.of(description, statement, call, expected);
  }

  static final String ROOT = "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}";

  static Stream<Arguments> conditions() {
    return Stream.of(
        row("StringEquals on the account matches", denyAll("\"StringEquals\":{\"aws:PrincipalAccount\":\"444444444444\"}"), DELETE_POLICY, DENIED),
        row("StringEquals on another account does not", denyAll("\"StringEquals\":{\"aws:PrincipalAccount\":\"111111111111\"}"), DELETE_POLICY, ALLOWED),
        row("the values of one key are alternatives", denyAll("\"StringEquals\":{\"aws:PrincipalAccount\":[\"111111111111\",\"444444444444\"]}"), DELETE_POLICY, DENIED),
        row("StringEquals is case-sensitive", denyAll("\"StringEquals\":{\"aws:PrincipalType\":\"account\"}"), DELETE_POLICY, ALLOWED),
        row("StringEquals has no wildcards", denyAll("\"StringEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}"), DELETE_POLICY, ALLOWED),
        row("aws:PrincipalType of root is Account", denyAll("\"StringEquals\":{\"aws:PrincipalType\":\"Account\"}"), DELETE_POLICY, DENIED),
        row("StringEqualsIgnoreCase ignores case", denyAll("\"StringEqualsIgnoreCase\":{\"aws:PrincipalType\":\"ACCOUNT\"}"), DELETE_POLICY, DENIED),
        row("StringNotEquals another organization", denyAll("\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-other\"}"), DELETE_POLICY, DENIED),
        row("StringNotEquals holds only when no value matches", denyAll("\"StringNotEquals\":{\"aws:PrincipalOrgID\":[\"o-other\",\"o-exampleorg1\"]}"), DELETE_POLICY, ALLOWED),
        row("StringNotEqualsIgnoreCase", denyAll("\"StringNotEqualsIgnoreCase\":{\"aws:PrincipalType\":\"ACCOUNT\"}"), DELETE_POLICY, ALLOWED),
        row("StringLike with *", denyAll("\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}"), DELETE_POLICY, DENIED),
        row("StringLike with ?", denyAll("\"StringLike\":{\"aws:PrincipalAccount\":\"44444444444?\"}"), DELETE_POLICY, DENIED),
        row("StringLike's * spans colons", denyAll("\"StringLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*\"}"), DELETE_POLICY, DENIED),
        row("StringNotLike roles spares nothing of root", denyAll("\"StringNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/*\"}"), DELETE_POLICY, DENIED),
        row("ArnLike root: the demo SCP", denyAll(ROOT), DELETE_POLICY, DENIED),
        row("ArnLike with fewer than six parts may or may not match", denyAll("\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*\"}"), DELETE_POLICY, UNDECIDABLE),
        row("ArnLike's * may or may not span a colon", denyAll("\"ArnLike\":{\"aws:PrincipalArn\":\"arn:*:root\"}"), DELETE_POLICY, UNDECIDABLE),
        row("ArnLike part by part", denyAll("\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::4444*:ro?t\"}"), DELETE_POLICY, DENIED),
        row("ArnLike part by part, another account", denyAll("\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::1111*:root\"}"), DELETE_POLICY, ALLOWED),
        row("ArnEquals the account's root", denyAll("\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::444444444444:root\"}"), DELETE_POLICY, DENIED),
        row("ArnNotLike root: everyone but root", denyAll("\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}"), DELETE_POLICY, ALLOWED),
        row("ArnNotEquals another root", denyAll("\"ArnNotEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::111111111111:root\"}"), DELETE_POLICY, DENIED),
        row("ArnLike on a value that is no ARN", denyAll("\"ArnLike\":{\"aws:PrincipalAccount\":\"arn:aws:*\"}"), DELETE_POLICY, ALLOWED),
        row("Bool true on aws:AssumedRoot", denyAll("\"Bool\":{\"aws:AssumedRoot\":\"true\"}"), DELETE_POLICY, DENIED),
        row("Bool ignores case", denyAll("\"Bool\":{\"aws:AssumedRoot\":\"True\"}"), DELETE_POLICY, DENIED),
        row("Bool with a JSON boolean", denyAll("\"Bool\":{\"aws:AssumedRoot\":true}"), DELETE_POLICY, DENIED),
        row("Bool false on aws:AssumedRoot", denyAll("\"Bool\":{\"aws:AssumedRoot\":\"false\"}"), DELETE_POLICY, ALLOWED),
        row("Null true: the key is present", denyAll("\"Null\":{\"aws:AssumedRoot\":\"true\"}"), DELETE_POLICY, ALLOWED),
        row("Null false: denies only root sessions", denyAll("\"Null\":{\"aws:AssumedRoot\":\"false\"}"), DELETE_POLICY, DENIED),
        row("the exemption as Null true", denyAll(ROOT + ",\"Null\":{\"aws:AssumedRoot\":\"true\"}"), DELETE_POLICY, ALLOWED),
        row("the exemption as Bool false", denyAll(ROOT + ",\"Bool\":{\"aws:AssumedRoot\":\"false\"}"), DELETE_POLICY, ALLOWED),
        row("the exemption as BoolIfExists false", denyAll(ROOT + ",\"BoolIfExists\":{\"aws:AssumedRoot\":\"false\"}"), DELETE_POLICY, ALLOWED),
        row("the exemption as StringNotEquals true", denyAll(ROOT + ",\"StringNotEquals\":{\"aws:AssumedRoot\":\"true\"}"), DELETE_POLICY, ALLOWED),
        row("the exemption as StringNotEqualsIfExists true", denyAll(ROOT + ",\"StringNotEqualsIfExists\":{\"aws:AssumedRoot\":\"true\"}"), DELETE_POLICY, ALLOWED),
        row("a Null false exemption is no exemption", denyAll(ROOT + ",\"Null\":{\"aws:AssumedRoot\":\"false\"}"), DELETE_POLICY, DENIED),
        row("IfExists on a present key compares", denyAll("\"StringEqualsIfExists\":{\"aws:PrincipalAccount\":\"444444444444\"}"), DELETE_POLICY, DENIED),
        row("IfExists on a present key that differs", denyAll("\"StringEqualsIfExists\":{\"aws:PrincipalAccount\":\"111111111111\"}"), DELETE_POLICY, ALLOWED),
        row("IfExists on an unknown key is undecidable", denyAll("\"StringNotEqualsIfExists\":{\"aws:SourceVpc\":\"vpc-1\"}"), DELETE_POLICY, UNDECIDABLE),
        row("ForAnyValue:StringLike on the org path", denyAll("\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-exampleorg1/r-exmp/ou-exmp-sandbox/*\"}"), DELETE_POLICY, DENIED),
        row("ForAllValues:StringLike another path", denyAll("\"ForAllValues:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-exampleorg1/r-exmp/ou-exmp-prod/*\"}"), DELETE_POLICY, ALLOWED),
        row("ForAnyValue:StringNotLike another path", denyAll("\"ForAnyValue:StringNotLike\":{\"aws:PrincipalOrgPaths\":\"o-exampleorg1/r-exmp/ou-exmp-prod/*\"}"), DELETE_POLICY, DENIED),
        row("ForAllValues:StringEquals on a single value", denyAll("\"ForAllValues:StringEquals\":{\"aws:PrincipalAccount\":\"444444444444\"}"), DELETE_POLICY, DENIED),
        row("IpAddress on aws:SourceIp is undecidable", denyAll("\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}"), DELETE_POLICY, UNDECIDABLE),
        row("a principal tag is undecidable", denyAll("\"StringNotEquals\":{\"aws:PrincipalTag/team\":\"platform\"}"), DELETE_POLICY, UNDECIDABLE),
        row("a resource tag is undecidable", denyAll("\"StringEquals\":{\"aws:ResourceTag/locked\":\"true\"}"), DELETE_POLICY, UNDECIDABLE),
        row("the time is undecidable", denyAll("\"DateGreaterThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}"), DELETE_POLICY, UNDECIDABLE),
        row("MFA is undecidable", denyAll("\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}"), DELETE_POLICY, UNDECIDABLE),
        row("an unknown key and a true condition stay undecidable", denyAll(ROOT + ",\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}"), DELETE_POLICY, UNDECIDABLE),
        row("an unknown key and a false condition are decided", denyAll(ROOT + ",\"Null\":{\"aws:AssumedRoot\":\"true\"},\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}"), DELETE_POLICY, ALLOWED),
        row("a region outside the list", denyAll("\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]}"), DELETE_POLICY_EU, DENIED),
        row("a region inside the list", denyAll("\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]}"), DELETE_POLICY, ALLOWED),
        row("a region not yet known", denyAll("\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]}"), DELETE_POLICY_SOMEWHERE, UNDECIDABLE),
        row("IAM calls go to us-east-1", denyAll("\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\"]}"), GET_LOGIN_PROFILE, ALLOWED),
        row("a policy variable of a known key", denyAll("\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::${aws:PrincipalAccount}:root\"}"), DELETE_POLICY, DENIED),
        row("a policy variable of an unknown key", denyAll("\"StringEquals\":{\"aws:PrincipalAccount\":\"${aws:PrincipalTag/account}\"}"), DELETE_POLICY, UNDECIDABLE),
        row("operator names ignore case", denyAll("\"stringequals\":{\"aws:PrincipalAccount\":\"444444444444\"}"), DELETE_POLICY, DENIED),
        row("key names ignore case", denyAll("\"StringEquals\":{\"AWS:principalaccount\":\"444444444444\"}"), DELETE_POLICY, DENIED),
        row("an unknown operator is undecidable", denyAll("\"StringEqualz\":{\"aws:PrincipalAccount\":\"444444444444\"}"), DELETE_POLICY, UNDECIDABLE),
        row("Null has no IfExists form", denyAll("\"NullIfExists\":{\"aws:AssumedRoot\":\"true\"}"), DELETE_POLICY, UNDECIDABLE),
        row("the bot calls services itself", denyAll("\"Bool\":{\"aws:ViaAWSService\":\"false\"}"), DELETE_POLICY, DENIED));
  }

  static Stream<Arguments> actionsAndResources() {
    return Stream.of(
        row("Action * names every action", deny("\"Action\":\"*\",\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("s3:* names an S3 action", deny("\"Action\":\"s3:*\",\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("s3:* does not name an IAM action", deny("\"Action\":\"s3:*\",\"Resource\":\"*\""), GET_LOGIN_PROFILE, ALLOWED),
        row("action names ignore case", deny("\"Action\":\"S3:deletebucketpolicy\",\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("a prefix wildcard", deny("\"Action\":\"s3:Delete*\",\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("another prefix", deny("\"Action\":\"s3:Get*\",\"Resource\":\"*\""), DELETE_POLICY, ALLOWED),
        row("a ? wildcard", deny("\"Action\":\"s3:?eleteBucketPolicy\",\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("a list of actions", deny("\"Action\":[\"iam:*\",\"s3:DeleteBucketPolicy\"],\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("NotAction of another service", deny("\"NotAction\":\"iam:*\",\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("NotAction of the same service", deny("\"NotAction\":\"s3:*\",\"Resource\":\"*\""), DELETE_POLICY, ALLOWED),
        row("NotAction of other S3 actions", deny("\"NotAction\":[\"s3:Get*\",\"s3:Put*\"],\"Resource\":\"*\""), DELETE_POLICY, DENIED),
        row("no Resource means every resource", deny("\"Action\":\"*\""), DELETE_POLICY, DENIED),
        row("the bucket itself", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b\""), DELETE_POLICY, DENIED),
        row("another bucket", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::other\""), DELETE_POLICY, ALLOWED),
        row("every bucket", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::*\""), DELETE_POLICY, DENIED),
        row("the bucket's objects are not the bucket", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/*\""), DELETE_POLICY, ALLOWED),
        row("NotResource the bucket", deny("\"Action\":\"*\",\"NotResource\":\"arn:aws:s3:::b\""), DELETE_POLICY, ALLOWED),
        row("NotResource another bucket", deny("\"Action\":\"*\",\"NotResource\":[\"arn:aws:s3:::other\"]"), DELETE_POLICY, DENIED),
        row("a call on no resource is only matched by *", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::*\""), LIST_BUCKETS, ALLOWED),
        row("a call on no resource and *", deny("\"Action\":\"*\",\"Resource\":\"*\""), LIST_BUCKETS, DENIED),
        row("every IAM resource of every account", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:iam::*:*\""), GET_LOGIN_PROFILE, DENIED),
        row("the account's IAM resources via a variable", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:iam::${aws:PrincipalAccount}:*\""), GET_LOGIN_PROFILE, DENIED),
        row("IAM users only: the root user's resource is not known", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:iam::444444444444:user/*\""), GET_LOGIN_PROFILE, UNDECIDABLE),
        row("the root user's own ARN may or may not be the resource", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:iam::*:root\""), GET_LOGIN_PROFILE, UNDECIDABLE),
        row("a protected role is not the root user", deny("\"Action\":\"iam:*\",\"Resource\":\"arn:aws:iam::*:role/OrganizationAccountAccessRole\""), GET_LOGIN_PROFILE, ALLOWED),
        row("every MFA device", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:iam::*:mfa/*\""), DELETE_MFA, DENIED),
        row("one named MFA device", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:iam::*:mfa/admin-device\""), DELETE_MFA, UNDECIDABLE),
        row("a bucket not named yet, and every bucket", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::*\""), DELETE_SOME_POLICY, DENIED),
        row("a bucket not named yet, and some buckets", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::critical-*\""), DELETE_SOME_POLICY, UNDECIDABLE),
        row("a bucket not named yet, and a queue", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:sqs:*:*:*\""), DELETE_SOME_POLICY, ALLOWED),
        row("a queue in a region not known yet", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:sqs:us-east-1:*:*\""), SET_SOME_QUEUE, UNDECIDABLE),
        row("a queue in a region not known yet, and buckets", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::*\""), SET_SOME_QUEUE, ALLOWED),
        row("NotResource every MFA device", deny("\"Action\":\"*\",\"NotResource\":\"arn:aws:iam::*:mfa/*\""), DELETE_MFA, ALLOWED),
        row("another account's IAM resources", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:iam::111111111111:*\""), GET_LOGIN_PROFILE, ALLOWED),
        row("S3 resources for an IAM call", deny("\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::*\""), GET_LOGIN_PROFILE, ALLOWED),
        row("a wildcard that may run past a colon", deny("\"Action\":\"*\",\"Resource\":\"arn:*\""), DELETE_POLICY, UNDECIDABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"conditions", "actionsAndResources"})
  void one_deny_statement_in_an_ou(String description, String statement, RootCall call, ActionVerdict.Outcome expected) {
    ActionVerdict verdict = ScpEvaluator.evaluate(pathWithOuStatement(statement), WHO, call);

    assertThat(verdict.outcome()).as(description + ": " + verdict.findings()).isEqualTo(expected);
    assertThat(verdict.action()).isEqualTo(call.action());
    if (expected != ALLOWED) {
      assertThat(verdict.findings()).singleElement().satisfies(f -> {
        assertThat(f.policyName()).contains("UnderTest");
        assertThat(f.attachedTo()).isEqualTo("OU Sandbox (ou-exmp-sandbox)");
        assertThat(f.kind().certain()).isEqualTo(expected == DENIED);
      });
    } else {
      assertThat(verdict.findings()).isEmpty();
    }
  }

  static Arguments levels(String description, List<ServiceControlPolicy> ouPolicies, RootCall call,
      ActionVerdict.Outcome expected) {
    return Arguments.of(description, ouPolicies, call, expected);
  }

  static Stream<Arguments> allowLists() {
    var s3Only = policy("p-s3only", "S3Only", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    var notIam = policy("p-notiam", "NotIam", "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}");
    var fromOffice = policy("p-office", "FromOffice", "{\"Sid\":\"Office\",\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}}");
    var usersOnly = policy("p-users", "UsersOnly", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalType\":\"User\"}}}");
    var denyRoot = policy("p-denyroot", "DenyRootUser", denyAll(ROOT));
    var broken = new ServiceControlPolicy("p-broken", "Broken", ScpDocument.parse("{\"Statement\":[{\"Effect\":\"Maybe\"}]}"));
    return Stream.of(
        levels("an OU that allows only S3 denies IAM", List.of(s3Only), GET_LOGIN_PROFILE, DENIED),
        levels("an OU that allows only S3 allows S3", List.of(s3Only), DELETE_POLICY, ALLOWED),
        levels("an Allow with NotAction iam:* denies IAM", List.of(notIam), GET_LOGIN_PROFILE, DENIED),
        levels("an Allow with NotAction iam:* allows S3", List.of(notIam), DELETE_POLICY, ALLOWED),
        levels("two SCPs: one Allow is enough", List.of(s3Only, notIam), DELETE_POLICY, ALLOWED),
        levels("an Allow under a condition that cannot be known", List.of(fromOffice), DELETE_POLICY, UNDECIDABLE),
        levels("an Allow under a condition that fails", List.of(usersOnly), DELETE_POLICY, DENIED),
        levels("an Allow under a condition that fails, and FullAWSAccess", List.of(usersOnly, FULL_ACCESS), DELETE_POLICY, ALLOWED),
        levels("no SCP at all at a level does not filter", List.of(), DELETE_POLICY, ALLOWED),
        levels("an explicit deny wins over an undecidable Allow", List.of(fromOffice, denyRoot), DELETE_POLICY, DENIED),
        levels("an SCP Rootbot cannot read is undecidable", List.of(broken), DELETE_POLICY, UNDECIDABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowLists")
  void every_level_must_allow(String description, List<ServiceControlPolicy> ouPolicies, RootCall call,
      ActionVerdict.Outcome expected) {
    var path = List.of(
        new ScpLevel("r-exmp", "the organization root (r-exmp)", List.of(FULL_ACCESS)),
        new ScpLevel("ou-exmp-sandbox", "OU Sandbox (ou-exmp-sandbox)", ouPolicies),
        new ScpLevel("444444444444", "account dev-playground (444444444444)", List.of(FULL_ACCESS)));

    assertThat(ScpEvaluator.evaluate(path, WHO, call).outcome()).as(description).isEqualTo(expected);
  }

  @Test
  void a_level_that_allows_nothing_is_named_with_its_fix() {
    var s3Only = policy("p-s3only", "S3Only", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    var path = List.of(new ScpLevel("r-exmp", "the organization root (r-exmp)", List.of(FULL_ACCESS)),
        new ScpLevel("444444444444", "account dev-playground (444444444444)", List.of(s3Only)));

    ActionVerdict verdict = ScpEvaluator.evaluate(path, WHO, GET_LOGIN_PROFILE);

    assertThat(verdict.outcome()).isEqualTo(DENIED);
    ScpFinding finding = verdict.findings().get(0);
    assertThat(finding.kind()).isEqualTo(ScpFinding.Kind.NOT_ALLOWED);
    assertThat(finding.targetId()).isEqualTo("444444444444");
    assertThat(finding.sentence()).isEqualTo("No SCP attached to account dev-playground (444444444444) allows"
        + " iam:GetLoginProfile. Fix: attach FullAWSAccess to account dev-playground (444444444444), or allow"
        + " iam:GetLoginProfile in one of the SCPs attached there (S3Only (p-s3only)).");
  }

  @Test
  void the_demo_scp_is_named_with_its_statement_and_the_exemption_as_the_fix() {
    String demo = "{\"Sid\":\"DenyRootUser\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
        + ROOT + "}}";
    var path = List.of(new ScpLevel("ou-exmp-sandbox", "OU Sandbox (ou-exmp-sandbox)",
        List.of(FULL_ACCESS, policy("p-deny1234", "DenyRootUser", demo))));

    List<ActionVerdict> verdicts = ScpEvaluator.evaluate(path, WHO, List.of(DELETE_POLICY, LIST_BUCKETS));
    List<ScpFinding> merged = ScpFinding.merge(verdicts.stream().flatMap(v -> v.findings().stream()).toList());

    assertThat(merged).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(ScpFinding.Kind.DENIES);
      assertThat(f.fix()).isEqualTo(ScpFinding.Fix.ADD_EXEMPTION);
      assertThat(f.actions()).containsExactly("s3:DeleteBucketPolicy", "s3:ListAllMyBuckets");
      assertThat(f.sentence()).isEqualTo("The SCP DenyRootUser (p-deny1234), attached to OU Sandbox (ou-exmp-sandbox),"
          + " denies s3:DeleteBucketPolicy, s3:ListAllMyBuckets to root sessions (statement DenyRootUser). Fix: add"
          + " \"Null\": {\"aws:AssumedRoot\": \"true\"} to that statement's Condition, so that it spares root sessions.");
    });
  }

  @Test
  void a_statement_written_against_root_sessions_is_not_fixed_by_the_exemption() {
    var path = List.of(new ScpLevel("r-exmp", "the organization root (r-exmp)", List.of(FULL_ACCESS,
        policy("p-nosessions", "NoRootSessions", "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\","
            + "\"Condition\":{\"Bool\":{\"aws:AssumedRoot\":\"true\"}}}"))));

    ScpFinding finding = ScpEvaluator.evaluate(path, WHO, GET_LOGIN_PROFILE).findings().get(0);

    assertThat(finding.fix()).isEqualTo(ScpFinding.Fix.DELIBERATE);
    assertThat(finding.statement()).contains("statement 1 (no Sid)");
    assertThat(finding.sentence()).contains("tests aws:AssumedRoot").doesNotContain("\"Null\"");
  }

  @Test
  void an_undecidable_statement_says_what_it_depends_on() {
    ActionVerdict verdict = ScpEvaluator.evaluate(
        pathWithOuStatement(denyAll(ROOT + ",\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}")), WHO, DELETE_POLICY);

    assertThat(verdict.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(ScpFinding.Kind.MAY_DENY);
      assertThat(f.doubts()).containsExactly("the condition NotIpAddress on aws:SourceIp");
      assertThat(f.sentence()).isEqualTo("The SCP UnderTest (p-undertest), attached to OU Sandbox (ou-exmp-sandbox),"
          + " may deny s3:DeleteBucketPolicy to root sessions (statement S): it depends on the condition NotIpAddress"
          + " on aws:SourceIp, which Rootbot cannot know before the call.");
    });
  }

  @Test
  void certain_denials_hide_doubts_and_every_certain_one_is_reported() {
    var path = List.of(
        new ScpLevel("r-exmp", "the organization root (r-exmp)", List.of(FULL_ACCESS,
            policy("p-a", "A", denyAll("\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}")))),
        new ScpLevel("ou-x", "OU X (ou-x)", List.of(FULL_ACCESS, policy("p-b", "B", denyAll(ROOT)))),
        new ScpLevel("444444444444", "account 444444444444", List.of(FULL_ACCESS, policy("p-c", "C", denyAll(ROOT)))));

    ActionVerdict verdict = ScpEvaluator.evaluate(path, WHO, DELETE_POLICY);

    assertThat(verdict.outcome()).isEqualTo(DENIED);
    assertThat(verdict.findings()).extracting(ScpFinding::policyName).containsExactly(Optional.of("B"), Optional.of("C"));
  }
}

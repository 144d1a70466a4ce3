package dev.rootbot.sandbox.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each row: a Deny statement's condition, the request, and whether it denies; one row per rule of IAM's. */
class PolicyDocumentTest {
  private static final String ROOT = "arn:aws:iam::444444444444:root";
  private static final String USER = "arn:aws:iam::444444444444:user/alice";

  static Stream<Arguments> conditions() {
    return Stream.of(
        row("ArnLike matches a root ARN in any account", "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}",
            ROOT, false, true),
        row("ArnLike does not match a user", "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}",
            USER, false, false),
        row("a star in ArnLike never spans a colon", "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*\"}",
            ROOT, false, false),
        row("ArnEquals behaves like ArnLike", "\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::4444*:root\"}",
            ROOT, false, true),
        row("ArnNotLike holds for other ARNs", "\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}",
            USER, false, true),
        row("ArnNotEquals fails for the named ARN", "\"ArnNotEquals\":{\"aws:PrincipalArn\":\"" + ROOT + "\"}",
            ROOT, false, false),
        row("the exemption: Null aws:AssumedRoot true spares root sessions",
            "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"Null\":{\"aws:AssumedRoot\":\"true\"}",
            ROOT, true, false),
        row("the exemption still denies the root user signing in itself",
            "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},\"Null\":{\"aws:AssumedRoot\":\"true\"}",
            ROOT, false, true),
        row("Null false holds when the key is present", "\"Null\":{\"aws:AssumedRoot\":\"false\"}", ROOT, true, true),
        row("Bool matches true", "\"Bool\":{\"aws:AssumedRoot\":\"true\"}", ROOT, true, true),
        row("Bool never matches a missing key", "\"Bool\":{\"aws:AssumedRoot\":\"false\"}", ROOT, false, false),
        row("BoolIfExists holds when the key is missing", "\"BoolIfExists\":{\"aws:AssumedRoot\":\"false\"}",
            ROOT, false, true),
        row("StringEquals is exact", "\"StringEquals\":{\"aws:PrincipalAccount\":\"444444444444\"}", ROOT, false, true),
        row("StringEquals is case-sensitive", "\"StringEquals\":{\"aws:PrincipalType\":\"account\"}", ROOT, true, false),
        row("StringEqualsIgnoreCase is not", "\"StringEqualsIgnoreCase\":{\"aws:PrincipalType\":\"account\"}",
            ROOT, true, true),
        row("StringNotEquals with several values holds only when none matches",
            "\"StringNotEquals\":{\"aws:PrincipalAccount\":[\"111111111111\",\"444444444444\"]}", ROOT, false, false),
        row("StringNotEquals holds when the key is missing", "\"StringNotEquals\":{\"aws:SourceVpc\":\"vpc-1\"}",
            ROOT, false, true),
        row("StringLike matches with wildcards", "\"StringLike\":{\"aws:PrincipalArn\":\"*:user/a?ice\"}",
            USER, false, true),
        row("StringLike fails when the key is missing", "\"StringLike\":{\"aws:SourceVpc\":\"*\"}", ROOT, false, false),
        row("StringNotLike fails when a pattern matches", "\"StringNotLike\":{\"aws:PrincipalArn\":\"*:root\"}",
            ROOT, false, false),
        row("StringEqualsIfExists holds when the key is missing", "\"StringEqualsIfExists\":{\"aws:SourceVpc\":\"x\"}",
            ROOT, false, true),
        row("condition keys are case-insensitive", "\"StringEquals\":{\"AWS:PRINCIPALACCOUNT\":\"444444444444\"}",
            ROOT, false, true),
        row("an operator the sandbox cannot evaluate never applies", "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"5\"}",
            ROOT, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditions")
  void a_deny_with_a_condition_applies_exactly_when_the_condition_holds(String rule, String condition,
      String principal, boolean assumedRoot, boolean denies) {
    PolicyDocument scp = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\","
        + "\"Resource\":\"*\",\"Condition\":{" + condition + "}}}");

    assertThat(scp.deniesExplicitly(request("iam:GetUser", "*", principal, assumedRoot))).isEqualTo(denies);
  }

  @Test
  void actions_match_with_wildcards_and_ignore_case() {
    PolicyDocument scp = PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"iam:Delete*\","
        + "\"s3:*\"],\"Resource\":\"*\"}]}");

    assertThat(scp.deniesExplicitly(request("iam:DeleteLoginProfile", "*", ROOT, true))).isTrue();
    assertThat(scp.deniesExplicitly(request("IAM:deleteaccesskey", "*", ROOT, true))).isTrue();
    assertThat(scp.deniesExplicitly(request("s3:PutBucketPolicy", "*", ROOT, true))).isTrue();
    assertThat(scp.deniesExplicitly(request("iam:GetUser", "*", ROOT, true))).isFalse();
  }

  @Test
  void not_action_and_not_resource_invert_the_match() {
    PolicyDocument scp = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Deny\",\"NotAction\":\"s3:Get*\","
        + "\"NotResource\":\"arn:aws:s3:::public-*\"}}");

    assertThat(scp.deniesExplicitly(request("s3:PutBucketPolicy", "arn:aws:s3:::secret", ROOT, true))).isTrue();
    assertThat(scp.deniesExplicitly(request("s3:GetBucketPolicy", "arn:aws:s3:::secret", ROOT, true))).isFalse();
    assertThat(scp.deniesExplicitly(request("s3:PutBucketPolicy", "arn:aws:s3:::public-x", ROOT, true))).isFalse();
  }

  @Test
  void a_resource_policy_names_principals_by_star_account_or_arn() {
    String template = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":%s,\"Action\":\"s3:*\",\"Resource\":\"*\"}}";

    assertThat(PolicyDocument.parse(String.format(template, "\"*\"")).allows(request("s3:GetBucketPolicy", "b", USER,
        false))).isTrue();
    assertThat(PolicyDocument.parse(String.format(template, "{\"AWS\":\"444444444444\"}"))
        .allows(request("s3:GetBucketPolicy", "b", USER, false))).isTrue();
    assertThat(PolicyDocument.parse(String.format(template, "{\"AWS\":\"arn:aws:iam::444444444444:root\"}"))
        .allows(request("s3:GetBucketPolicy", "b", USER, false))).isTrue();
    assertThat(PolicyDocument.parse(String.format(template, "{\"AWS\":[\"arn:aws:iam::111111111111:user/bob\"]}"))
        .allows(request("s3:GetBucketPolicy", "b", USER, false))).isFalse();
    assertThat(PolicyDocument.parse(String.format(template, "{\"Service\":\"logging.s3.amazonaws.com\"}"))
        .allows(request("s3:GetBucketPolicy", "b", USER, false))).isFalse();
  }

  @Test
  void a_document_that_is_not_a_policy_is_refused_with_the_reason() {
    assertThatThrownBy(() -> PolicyDocument.parse("{nope")).hasMessageContaining("valid JSON");
    assertThatThrownBy(() -> PolicyDocument.parse("nope")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> PolicyDocument.parse("{}")).hasMessageContaining("Statement");
    assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"*\"}}"))
        .hasMessageContaining("Effect");
    assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Deny\"}}"))
        .hasMessageContaining("Action");
  }

  @Test
  void unsupported_operators_are_named() {
    PolicyDocument policy = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\","
        + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},\"Bool\":{\"aws:SecureTransport\":\"false\"}}}}");

    assertThat(policy.unsupportedOperators()).containsExactly("IpAddress");
  }

  private static RequestContext request(String action, String resource, String principal, boolean assumedRoot) {
    Map<String, String> keys = new HashMap<>();
    keys.put("aws:PrincipalArn", principal);
    keys.put("aws:PrincipalAccount", "444444444444");
    keys.put("aws:PrincipalType", principal.endsWith(":root") ? "Account" : "User");
    if (assumedRoot) {
      keys.put("aws:AssumedRoot", "true");
    }
    return new RequestContext(action, resource, principal, "444444444444", keys);
  }

  private static Arguments row(String rule, String condition, String principal, boolean assumedRoot, boolean denies) {
    return Arguments.of(rule, condition, principal, assumedRoot, denies);
  }
}

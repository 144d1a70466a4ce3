package dev.rootbot.actions.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.org.scp.ActionVerdict;
import dev.rootbot.actions.org.scp.RootSessionContext;
import dev.rootbot.actions.org.scp.ScpEvaluator;
import dev.rootbot.actions.org.scp.ScpLevel;
import dev.rootbot.actions.session.OpenRootSession;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.sandbox.aws.Seed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The independent check: on generated SCPs, Rootbot's evaluator and the simulated AWS's own policy engine (written
 * separately, in the sandbox) agree on every call. Each case is an account with one generated SCP attached to it
 * or to its OU; the test opens real root sessions there and makes the calls.
 *
 * <p>The generator uses only what both sides decide: the keys a root session's context holds, the String, Arn,
 * Bool and Null operators with their IfExists forms, Resource patterns that mean the same under either reading
 * of wildcards, and Deny statements (the sandbox attaches FullAWSAccess everywhere and checks no allow-list).
 */
class ScpAgreementTest {
  private static final int CASES = 50;
  private static final List<String> ACTIONS = List.of("*", "s3:*", "iam:*", "s3:Get*", "iam:Get*",
      "S3:GETBUCKETPOLICY", "iam:GetAccountSummary", "sqs:*", "s3:List*", "iam:GetLoginProfile", "s3:Put*");

  private record Case(AccountId account, String bucket, AwsRegion region, String scp) {}

  private record Call(String action, TaskPolicy policy) {}

  private static final List<Call> CALLS = List.of(
      new Call("s3:GetBucketPolicy", TaskPolicy.S3_UNLOCK_BUCKET_POLICY),
      new Call("s3:ListAllMyBuckets", TaskPolicy.S3_UNLOCK_BUCKET_POLICY),
      new Call("iam:GetAccountSummary", TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS),
      new Call("iam:GetLoginProfile", TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS));

  @Test
  void rootbot_and_the_simulated_aws_agree_on_generated_scps() {
    Random random = new Random(20261208);
    List<Case> cases = new ArrayList<>();
    JsonObject seed = JsonParser.parseString(Seed.demo().toJson()).getAsJsonObject();
    JsonObject organization = seed.getAsJsonObject("organization");
    for (int i = 0; i < CASES; i++) {
      var account = new AccountId(String.format("6000000000%02d", i));
      var c = new Case(account, String.format("case-bucket-%02d", i),
          AwsRegion.parse(i % 3 == 0 ? "eu-west-1" : "us-east-1"), scp(random, account, String.format("%02d", i)));
      cases.add(c);
      JsonObject unit = Seeds.unit("Case" + i);
      unit.getAsJsonArray("accounts").add(Seeds.account(account.value(), "case-" + i));
      organization.getAsJsonArray("organizationalUnits").add(unit);
      JsonObject scp = new JsonObject();
      scp.addProperty("name", "Generated" + i);
      JsonArray targets = new JsonArray();
      targets.add(i % 2 == 0 ? "Case" + i : account.value());
      scp.add("targets", targets);
      scp.addProperty("content", c.scp());
      organization.getAsJsonArray("serviceControlPolicies").add(scp);
      JsonObject bucket = new JsonObject();
      bucket.addProperty("account", account.value());
      bucket.addProperty("name", c.bucket());
      bucket.addProperty("region", c.region().code());
      seed.getAsJsonArray("buckets").add(bucket);
    }

    int denied = 0;
    int allowed = 0;
    try (var org = new SandboxOrganization(Seed.fromJson(seed.toString()))) {
      var sessions = new RootSessions(org.clients, Duration.ofSeconds(900));
      OrganizationSnapshot tree = org.tree.read();
      for (Case c : cases) {
        List<ScpLevel> levels = org.tree.scpLevels(tree.path(c.account()));
        var who = new RootSessionContext(c.account(), tree.organization().id(), tree.organizationPath(c.account()));
        Map<TaskPolicy, OpenRootSession> open = new LinkedHashMap<>();
        try {
          for (Call call : CALLS) {
            var session = open.computeIfAbsent(call.policy(), p -> sessions.open(c.account(), p));
            boolean awsDenied = deniedByScp(session, call.action(), c);
            boolean s3 = call.action().startsWith("s3:");
            var rootCall = SessionCalls.of(c.account(), Set.of(call.action()), Optional.of(c.region()),
                s3 ? Optional.of("arn:aws:s3:::" + c.bucket()) : Optional.empty()).get(0);
            ActionVerdict mine = ScpEvaluator.evaluate(levels, who, rootCall);

            String why = call.action() + " in " + c.account() + " (" + c.region() + ") under " + c.scp() + ": "
                + mine.findings();
            assertThat(mine.outcome()).as(why).isNotEqualTo(ActionVerdict.Outcome.UNDECIDABLE);
            assertThat(mine.outcome() == ActionVerdict.Outcome.DENIED).as(why).isEqualTo(awsDenied);
            if (awsDenied) {
              denied++;
            } else {
              allowed++;
            }
          }
        } finally {
          open.values().forEach(OpenRootSession::close);
        }
      }
    }
    assertThat(denied).as("the generator must produce denials").isGreaterThan(CASES / 2);
    assertThat(allowed).as("the generator must produce clearances").isGreaterThan(CASES / 2);
  }

  /** Makes the call in the root session; true when AWS refused it with an SCP's explicit deny. */
  private static boolean deniedByScp(OpenRootSession session, String action, Case c) {
    try {
      switch (action) {
        case "s3:GetBucketPolicy":
          session.s3(c.region()).getBucketPolicy(r -> r.bucket(c.bucket()));
          break;
        case "s3:ListAllMyBuckets":
          session.s3(c.region()).listBuckets();
          break;
        case "iam:GetAccountSummary":
          session.iam().getAccountSummary();
          break;
        default:
          session.iam().getLoginProfile(r -> {});
      }
      return false;
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails().errorCode();
      if (code.equals("NoSuchBucketPolicy") || code.equals("NoSuchEntity")) {
        return false; // allowed, and nothing there
      }
      assertThat(code).as(e.getMessage()).isEqualTo("AccessDenied");
      assertThat(e.awsErrorDetails().errorMessage()).contains("service control policy");
      return true;
    }
  }

  private static String scp(Random random, AccountId account, String number) {
    JsonArray statements = new JsonArray();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      statements.add(statement(random, account, number));
    }
    JsonObject scp = new JsonObject();
    scp.addProperty("Version", "2012-10-17");
    scp.add("Statement", statements);
    return scp.toString();
  }

  private static JsonObject statement(Random random, AccountId account, String number) {
    JsonObject s = new JsonObject();
    s.addProperty("Effect", "Deny");
    JsonArray actions = new JsonArray();
    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
      actions.add(pick(random, ACTIONS));
    }
    s.add(random.nextInt(4) == 0 ? "NotAction" : "Action", actions);
    if (random.nextInt(10) < 6) {
      s.addProperty("Resource", "*");
    } else {
      String resource = pick(random, List.of("arn:aws:s3:::case-bucket-*", "arn:aws:s3:::other-*",
          "arn:aws:s3:::case-bucket-" + number, "arn:aws:s3:::case-bucket-" + number + "/*"));
      s.addProperty(random.nextInt(5) == 0 ? "NotResource" : "Resource", resource);
    }
    JsonObject condition = new JsonObject();
    for (int i = 0, n = random.nextInt(3); i < n; i++) {
      String[] c = condition(random, account);
      JsonObject keys = condition.has(c[0]) ? condition.getAsJsonObject(c[0]) : new JsonObject();
      JsonArray values = new JsonArray();
      for (int v = 2; v < c.length; v++) {
        values.add(c[v]);
      }
      keys.add(c[1], values);
      condition.add(c[0], keys);
    }
    if (condition.size() > 0) {
      s.add("Condition", condition);
    }
    return s;
  }

  /** Operator, key, then one or two values. */
  private static String[] condition(Random random, AccountId account) {
    List<String> keys = List.of("aws:PrincipalArn", "aws:AssumedRoot", "aws:PrincipalAccount", "aws:PrincipalOrgID",
        "aws:PrincipalType", "aws:RequestedRegion");
    String key = pick(random, keys);
    if (random.nextInt(8) == 0) {
      return new String[] {"Null", key, random.nextBoolean() ? "true" : "false"};
    }
    List<String> operators;
    List<String> values;
    switch (key) {
      case "aws:PrincipalArn":
        operators = List.of("ArnLike", "ArnNotLike", "ArnEquals", "ArnNotEquals", "StringLike", "StringNotLike",
            "StringEquals", "StringNotEquals");
        values = List.of("arn:aws:iam::*:root", "arn:aws:iam::" + account + ":root", "arn:aws:iam::111111111111:root",
            "arn:aws:iam::*:role/*");
        break;
      case "aws:AssumedRoot":
        operators = List.of("Bool", "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase");
        values = List.of("true", "false", "True");
        break;
      case "aws:PrincipalAccount":
        operators = List.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike");
        values = List.of(account.value(), "111111111111", "6000*", "4*");
        break;
      case "aws:PrincipalOrgID":
        operators = List.of("StringEquals", "StringNotEquals");
        values = List.of("o-exampleorg1", "o-other000001");
        break;
      case "aws:PrincipalType":
        operators = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase");
        values = List.of("Account", "User", "account");
        break;
      default:
        operators = List.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike");
        values = List.of("us-east-1", "eu-west-1", "eu-*", "us-*");
    }
    String operator = pick(random, operators) + (random.nextInt(4) == 0 ? "IfExists" : "");
    return random.nextBoolean()
        ? new String[] {operator, key, pick(random, values)}
        : new String[] {operator, key, pick(random, values), pick(random, values)};
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}

package dev.rootbot.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.bot.Rootbot;
import dev.rootbot.bot.config.Config;
import dev.rootbot.bot.config.ConfigError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the operator's files in {@code deploy/} honest: each test states something a deployment relies on that an
 * edit could silently break, and checks it against the file itself.
 */
class DeployFilesTest {
  private static final Path DEPLOY = repositoryRoot().resolve("deploy");

  /**
   * Every AWS action Rootbot calls with its own role. Inside a root session it uses the session's credentials.
   * {@code actions}' {@code BotRolePolicyTest} checks the calls the fleet engines actually make against the file too.
   */
  private static final Set<String> BOT_ROLE_ACTIONS = Set.of(
      "sts:AssumeRoot",
      "sts:GetCallerIdentity",
      "organizations:DescribeOrganization",
      "organizations:ListAccounts",
      "organizations:DescribeAccount",
      "organizations:ListRoots",
      "organizations:ListParents",
      "organizations:ListOrganizationalUnitsForParent",
      "organizations:ListAccountsForParent",
      "organizations:DescribeOrganizationalUnit",
      "organizations:ListPoliciesForTarget",
      "organizations:DescribePolicy",
      "organizations:ListAWSServiceAccessForOrganization",
      "organizations:ListDelegatedAdministrators",
      "iam:ListOrganizationsFeatures",
      "organizations:EnableAWSServiceAccess",
      "iam:EnableOrganizationsRootCredentialsManagement",
      "iam:EnableOrganizationsRootSessions",
      "cloudtrail:LookupEvents");

  /**
   * Each Slack Web API method the bot calls with its bot token, and the bot scope it needs (empty: none), as
   * Slack's method reference gives it. {@code apps.connections.open} is called with the app-level token, whose
   * {@code connections:write} scope is granted when that token is created, not in the manifest.
   */
  private static final Map<String, String> WEB_API_SCOPES = Map.ofEntries(
      Map.entry("auth.test", ""),
      Map.entry("chat.postMessage", "chat:write"),
      Map.entry("chat.update", "chat:write"),
      Map.entry("chat.postEphemeral", "chat:write"),
      Map.entry("chat.getPermalink", ""),
      Map.entry("views.open", ""),
      Map.entry("views.update", ""),
      Map.entry("users.info", "users:read"),
      Map.entry("usergroups.users.list", "usergroups:read"),
      // Before posting again a message whose answer was lost, to see whether Slack has it (public and private).
      Map.entry("conversations.history", "channels:history groups:history"),
      Map.entry("conversations.replies", "channels:history groups:history"),
      // A fleet audit's report, shared in its thread as CSV and JSON files.
      Map.entry("files.getUploadURLExternal", "files:write"),
      Map.entry("files.completeUploadExternal", "files:write"));

  /** The Web API methods the bot's code calls through the Slack SDK, e.g. {@code chatPostMessage} → chat.postMessage. */
  private static final Pattern SDK_CALL = Pattern.compile(
      "\\.(auth|chat|conversations|files|users|usergroups|views)([A-Z][A-Za-z]*)\\(");

  /** Each event the bot subscribes to, and the scope that delivers it. */
  private static final Map<String, String> EVENT_SCOPES = Map.of("app_mention", "app_mentions:read");

  /** Slash commands need this scope whatever their name. */
  private static final String SLASH_COMMAND_SCOPE = "commands";

  private static final String SLACK_EVENTS_PATH = "/slack/events";

  // ---- IAM policy of the bot role ----

  @Test
  void bot_role_may_assume_root_only_with_the_five_task_policies() {
    // A wildcard such as sts:* would hide a second grant from this filter; the next test forbids wildcards.
    List<JsonObject> grants = statements(json("iam-policy.json")).stream()
        .filter(s -> strings(s.get("Action")).contains("sts:AssumeRoot"))
        .toList();

    assertThat(grants).hasSize(1);
    JsonObject grant = grants.get(0);
    assertThat(strings(grant.get("Action"))).containsExactly("sts:AssumeRoot");
    assertThat(strings(grant.get("Resource"))).containsExactly("arn:aws:iam::*:root");
    JsonObject condition = grant.getAsJsonObject("Condition");
    assertThat(condition).as("AssumeRoot without a condition allows every task policy AWS will ever add").isNotNull();
    assertThat(condition.keySet()).containsExactly("ArnEquals");
    JsonObject arnEquals = condition.getAsJsonObject("ArnEquals");
    assertThat(arnEquals.keySet()).containsExactly("sts:TaskPolicyArn");
    assertThat(strings(arnEquals.get("sts:TaskPolicyArn")))
        .hasSize(5)
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(TaskPolicy.values()).map(TaskPolicy::arn).toList());
  }

  @Test
  void bot_role_may_turn_on_trusted_access_for_iam_only() {
    List<JsonObject> grants = statements(json("iam-policy.json")).stream()
        .filter(s -> strings(s.get("Action")).contains("organizations:EnableAWSServiceAccess"))
        .toList();

    assertThat(grants).hasSize(1);
    assertThat(strings(grants.get(0).get("Action"))).containsExactly("organizations:EnableAWSServiceAccess");
    JsonObject condition = grants.get(0).getAsJsonObject("Condition");
    assertThat(condition).as("without a condition the bot could give any AWS service access to the organization")
        .isNotNull();
    assertThat(condition.keySet()).containsExactly("StringEquals");
    assertThat(condition.getAsJsonObject("StringEquals").keySet()).containsExactly("organizations:ServicePrincipal");
    assertThat(strings(condition.getAsJsonObject("StringEquals").get("organizations:ServicePrincipal")))
        .containsExactly("iam.amazonaws.com");
  }

  @Test
  void bot_role_policy_has_no_wildcard_action_no_negation_and_a_sid_per_statement() {
    List<JsonObject> statements = statements(json("iam-policy.json"));
    Set<String> sids = new HashSet<>();

    assertThat(statements).isNotEmpty();
    for (JsonObject statement : statements) {
      assertThat(statement.keySet()).as("NotAction, NotResource and friends grant by exclusion")
          .isSubsetOf("Sid", "Effect", "Action", "Resource", "Condition");
      assertThat(statement.get("Effect").getAsString()).isEqualTo("Allow");
      assertThat(strings(statement.get("Action"))).noneMatch(action -> action.contains("*"));
      String sid = statement.has("Sid") ? statement.get("Sid").getAsString() : "";
      assertThat(sid).as("every statement has a Sid").isNotBlank();
      assertThat(sids.add(sid)).as("Sid %s is unique", sid).isTrue();
    }
  }

  @Test
  void bot_role_allows_every_call_the_bot_makes_and_nothing_more() {
    Set<String> allowed = new TreeSet<>();
    statements(json("iam-policy.json")).forEach(s -> allowed.addAll(strings(s.get("Action"))));

    assertThat(allowed).containsExactlyInAnyOrderElementsOf(BOT_ROLE_ACTIONS);
  }

  @Test
  void template_gives_the_bot_role_exactly_the_policy_in_iam_policy_json() {
    // The template inlines the document as JSON, which is also YAML, so it can be read here without a YAML library.
    List<String> lines = read("cloudformation.yaml").lines().toList();
    List<JsonElement> inlined = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().equals("PolicyDocument:") && lines.get(i + 1).strip().startsWith("{")) {
        int keyIndent = indentOf(line);
        StringBuilder document = new StringBuilder();
        for (int j = i + 1; j < lines.size() && (lines.get(j).isBlank() || indentOf(lines.get(j)) > keyIndent); j++) {
          document.append(lines.get(j)).append('\n');
        }
        inlined.add(JsonParser.parseString(document.toString()));
      }
    }

    assertThat(inlined).as("one JSON policy document in the template, the bot role's").hasSize(1);
    assertThat(inlined.get(0)).isEqualTo(JsonParser.parseString(read("iam-policy.json")));
  }

  // ---- example SCP ----

  @Test
  void scp_denies_the_member_accounts_root_user_everything() {
    List<JsonObject> statements = statements(json("scp-deny-root-except-sessions.json"));

    assertThat(statements).hasSize(1);
    JsonObject deny = statements.get(0);
    assertThat(deny.get("Effect").getAsString()).isEqualTo("Deny");
    assertThat(strings(deny.get("Action"))).containsExactly("*");
    assertThat(strings(deny.get("Resource"))).containsExactly("*");
    JsonObject arnLike = deny.getAsJsonObject("Condition").getAsJsonObject("ArnLike");
    assertThat(strings(arnLike.get("aws:PrincipalArn"))).containsExactly("arn:aws:iam::*:root");
  }

  @Test
  void scp_spares_root_sessions_and_rootbot_reads_it_so_only_because_of_the_exemption() {
    JsonObject scp = json("scp-deny-root-except-sessions.json");
    JsonObject condition = statements(scp).get(0).getAsJsonObject("Condition");

    assertThat(condition.has("Null")).as("the exemption is a Null condition on aws:AssumedRoot").isTrue();
    assertThat(condition.getAsJsonObject("Null").get("aws:AssumedRoot").getAsString()).isEqualTo("true");
    assertThat(ScpCheck.deniesRootWithoutExemption(scp.toString()))
        .as("Rootbot's own SCP check must not flag the fix it recommends").isFalse();
    condition.remove("Null");
    assertThat(ScpCheck.deniesRootWithoutExemption(scp.toString()))
        .as("without the Null condition the same SCP blocks root sessions").isTrue();
  }

  // ---- Slack app manifest ----

  @Test
  void every_request_url_in_the_manifest_is_the_one_slack_events_endpoint() {
    Map<String, Object> manifest = manifest();
    List<String> urls = new ArrayList<>();
    for (Map<String, Object> command : maps(at(manifest, "features", "slash_commands"))) {
      urls.add((String) command.get("url"));
    }
    urls.add((String) at(manifest, "settings", "event_subscriptions", "request_url"));
    urls.add((String) at(manifest, "settings", "interactivity", "request_url"));
    urls.add((String) at(manifest, "settings", "interactivity", "message_menu_options_url"));

    assertThat(urls).hasSize(4).doesNotContainNull();
    Set<String> hosts = new LinkedHashSet<>();
    for (String url : urls) {
      URI uri = URI.create(url);
      assertThat(uri.getScheme()).as(url).isEqualTo("https");
      assertThat(uri.getPath()).as(url).isEqualTo(SLACK_EVENTS_PATH);
      assertThat(uri.getQuery()).as(url).isNull();
      hosts.add(uri.getHost());
    }
    assertThat(hosts).as("one Request URL for everything").hasSize(1);
    assertThat(at(manifest, "settings", "interactivity", "is_enabled")).isEqualTo("true");
    assertThat(at(manifest, "settings", "socket_mode_enabled")).isEqualTo("false");
  }

  @Test
  void manifest_declares_the_root_command_the_app_mention_event_and_a_bot_user() {
    Map<String, Object> manifest = manifest();
    List<Map<String, Object>> commands = maps(at(manifest, "features", "slash_commands"));

    assertThat(commands).extracting(c -> c.get("command")).containsExactly("/root");
    assertThat((String) commands.get(0).get("description")).isNotBlank();
    assertThat((String) commands.get(0).get("usage_hint")).isNotBlank();
    assertThat(strings(at(manifest, "settings", "event_subscriptions", "bot_events"))).containsExactly("app_mention");
    assertThat((String) at(manifest, "features", "bot_user", "display_name"))
        .as("app_mention is only delivered to apps with a bot user").isNotBlank();
    Object longDescription = at(manifest, "display_information", "long_description");
    if (longDescription != null) {
      assertThat(((String) longDescription).length()).as("Slack's bounds for long_description").isBetween(174, 4000);
    }
  }

  @Test
  void every_web_api_method_the_bot_calls_has_its_scope_listed() throws IOException {
    Set<String> called = new TreeSet<>();
    try (var sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher call = SDK_CALL.matcher(Files.readString(source));
        while (call.find()) {
          called.add(method(call.group(1), call.group(2)));
        }
      }
    }
    assertThat(called).contains("chat.postMessage", "conversations.history");
    assertThat(WEB_API_SCOPES.keySet()).containsAll(called);
  }

  /** The Web API method of an SDK call: chat + PostMessage → chat.postMessage, usergroups + UsersList → usergroups.users.list. */
  private static String method(String family, String rest) {
    if (family.equals("usergroups") && rest.startsWith("Users")) {
      return "usergroups.users." + lowerFirst(rest.substring("Users".length()));
    }
    return family + "." + lowerFirst(rest);
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  @Test
  void manifest_asks_for_exactly_the_bot_scopes_the_bot_uses() {
    Map<String, Object> manifest = manifest();
    Set<String> needed = new TreeSet<>();
    WEB_API_SCOPES.values().stream().filter(scope -> !scope.isEmpty())
        .forEach(scopes -> needed.addAll(List.of(scopes.split(" "))));
    for (String event : strings(at(manifest, "settings", "event_subscriptions", "bot_events"))) {
      assertThat(EVENT_SCOPES).as("a known scope for event %s", event).containsKey(event);
      needed.add(EVENT_SCOPES.get(event));
    }
    if (!maps(at(manifest, "features", "slash_commands")).isEmpty()) {
      needed.add(SLASH_COMMAND_SCOPE);
    }

    assertThat(strings(at(manifest, "oauth_config", "scopes", "bot"))).containsExactlyInAnyOrderElementsOf(needed);
    assertThat(at(manifest, "oauth_config", "scopes", "user")).as("the bot acts as itself, never as a person").isNull();
  }

  // ---- CloudFormation template, rendered for each way of running the service ----

  /** What a stopping task needs beyond Rootbot's drain: closing Slack, saying it stopped, closing the store. */
  private static final Duration STOP_MARGIN = Duration.ofSeconds(20);
  /** Fargate's largest StopTimeout. */
  private static final Duration FARGATE_MAX_STOP_TIMEOUT = Duration.ofSeconds(120);
  /**
   * How long /healthz may fail before a replica is taken out: longer than a Multi-AZ failover of the database
   * (one to two minutes, by AWS's account), since a replica killed in the middle of a root task leaves it UNKNOWN.
   */
  private static final Duration RIDE_OUT = Duration.ofMinutes(2);
  /** How long Slack waits for any answer. */
  private static final Duration SLACK_ACK = Duration.ofSeconds(3);
  private static final Set<String> SLACK_SECRETS = Set.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN");

  /** Parameters that every service deployment gives; the modes below add SlackMode and Store. */
  private static final Map<String, String> ON_ECS = Map.of(
      "RunOnEcs", "true",
      "ContainerImage", "123456789012.dkr.ecr.us-east-1.amazonaws.com/rootbot@sha256:0123",
      "SlackSecretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:rootbot/slack-AbCdEf",
      "VpcId", "vpc-0123456789abcdef0",
      "SubnetIds", "subnet-aaaa,subnet-bbbb",
      "CertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc",
      "DatabaseUrlSecretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:rootbot/store-AbCdEf",
      "Approvers", "S0123ABCDEF");

  /** A way of running the service: how Slack reaches it and where it keeps its store. */
  private record Mode(String slackMode, String store) {
    boolean shared() {
      return !store.equals("sqlite");
    }

    Map<String, String> parameters() {
      Map<String, String> values = new HashMap<>(ON_ECS);
      values.put("SlackMode", slackMode);
      values.put("Store", store);
      return values;
    }

    @Override
    public String toString() {
      return "SlackMode=" + slackMode + " Store=" + store;
    }
  }

  private static List<Mode> modes() {
    List<Mode> modes = new ArrayList<>();
    for (String slackMode : List.of("socket", "http")) {
      for (String store : List.of("new-rds", "existing", "sqlite")) {
        modes.add(new Mode(slackMode, store));
      }
    }
    return modes;
  }

  @Test
  void template_reads_with_its_tags_and_uses_every_parameter_and_condition_it_declares() {
    CloudFormationTemplate template = template();
    Set<String> used = template.usedNames();
    Set<String> declared = new TreeSet<>();
    declared.addAll(template.section("Parameters").keySet());
    declared.addAll(template.section("Resources").keySet());
    declared.addAll(template.section("Conditions").keySet());

    assertThat(template.section("Parameters").keySet()).as("parameters nothing uses").isSubsetOf(used);
    assertThat(template.section("Conditions").keySet()).as("conditions nothing uses").isSubsetOf(used);
    assertThat(used).as("names used but declared nowhere").allMatch(n -> declared.contains(n) || n.startsWith("AWS::"));
    List<String> grouped = new ArrayList<>();
    for (Object group : CloudFormationTemplate.list(at(template.section("Metadata"),
        "AWS::CloudFormation::Interface", "ParameterGroups"))) {
      CloudFormationTemplate.list(CloudFormationTemplate.map(group).get("Parameters"))
          .forEach(p -> grouped.add((String) p));
    }
    assertThat(grouped).as("the console shows each parameter once")
        .containsExactlyInAnyOrderElementsOf(template.section("Parameters").keySet());
  }

  @Test
  void rules_accept_every_mode_and_name_what_an_incomplete_one_lacks() {
    CloudFormationTemplate template = template();
    for (Mode mode : modes()) {
      assertThat(template.brokenRules(mode.parameters())).as(mode.toString()).isEmpty();
    }
    Map<String, String> noUrl = new Mode("socket", "existing").parameters();
    noUrl.put("DatabaseUrlSecretArn", "");
    Map<String, String> noCertificate = new Mode("http", "new-rds").parameters();
    noCertificate.put("CertificateArn", "");

    assertThat(template.brokenRules(noUrl)).singleElement().asString().contains("DatabaseUrlSecretArn");
    assertThat(template.brokenRules(noCertificate)).singleElement().asString().contains("CertificateArn");
    assertThat(template.brokenRules(Map.of())).singleElement().asString().contains("TrustedPrincipalArn");
  }

  @Test
  void with_postgresql_two_tasks_run_and_a_deployment_starts_the_new_ones_before_it_stops_the_old() {
    for (Mode mode : modes()) {
      Map<String, Object> service = template().render(mode.parameters()).properties("Service");
      Map<String, Object> deployment = CloudFormationTemplate.map(service.get("DeploymentConfiguration"));

      if (mode.shared()) {
        assertThat(service.get("DesiredCount")).as(mode.toString()).isEqualTo("2");
        assertThat(deployment.get("MinimumHealthyPercent")).as("%s: old tasks stop only when new ones are healthy", mode)
            .isEqualTo("100");
        assertThat(deployment.get("MaximumPercent")).as("%s: room for all the new tasks beside the old", mode)
            .isEqualTo("200");
      } else {
        assertThat(service.get("DesiredCount")).as("%s: one SQLite file, one replica", mode).isEqualTo("1");
        assertThat(deployment.get("MaximumPercent")).as("%s: never two replicas on two files", mode).isEqualTo("100");
        assertThat(deployment.get("MinimumHealthyPercent")).as(mode.toString()).isEqualTo("0");
      }
      assertThat(at(deployment, "DeploymentCircuitBreaker", "Enable")).as(mode.toString()).isEqualTo("true");
    }
  }

  @Test
  void a_stopping_task_gets_more_time_than_rootbot_takes_to_drain() throws ReflectiveOperationException {
    Field field = Rootbot.class.getDeclaredField("DRAIN");
    field.setAccessible(true);
    Duration drain = (Duration) field.get(null);

    for (Mode mode : modes()) {
      Duration stopTimeout = seconds(container(template().render(mode.parameters())).get("StopTimeout"));

      assertThat(stopTimeout).as("%s: StopTimeout, SIGTERM to SIGKILL", mode)
          .isGreaterThanOrEqualTo(drain.plus(STOP_MARGIN))
          .isLessThanOrEqualTo(FARGATE_MAX_STOP_TIMEOUT);
    }
  }

  @Test
  void health_checks_ask_healthz_and_ride_out_a_database_failover() {
    for (Mode mode : modes()) {
      CloudFormationTemplate.Rendered rendered = template().render(mode.parameters());
      Map<String, Object> container = container(rendered);
      String port = environment(container).get("PORT");
      Map<String, Object> check = CloudFormationTemplate.map(container.get("HealthCheck"));
      Map<String, Object> service = rendered.properties("Service");

      assertThat(String.join(" ", strings(check.get("Command")))).as(mode.toString())
          .startsWith("CMD-SHELL ").contains("curl --fail ").contains("http://127.0.0.1:" + port + "/healthz");
      assertThat(seconds(check.get("Interval")).multipliedBy(Long.parseLong((String) check.get("Retries"))))
          .as("%s: the container check's window", mode).isGreaterThanOrEqualTo(RIDE_OUT);
      assertThat(seconds(service.get("HealthCheckGracePeriodSeconds"))).as(mode.toString())
          .isGreaterThanOrEqualTo(seconds(check.get("StartPeriod")));
      assertThat(maps(container.get("PortMappings"))).singleElement()
          .satisfies(mapping -> assertThat(mapping.get("ContainerPort")).isEqualTo(port));

      if (mode.slackMode().equals("http")) {
        Map<String, Object> target = rendered.properties("TargetGroup");
        assertThat(target.get("HealthCheckPath")).isEqualTo("/healthz");
        assertThat(at(target, "Matcher", "HttpCode")).isEqualTo("200");
        assertThat(target.get("Port")).isEqualTo(port);
        assertThat(seconds(target.get("HealthCheckIntervalSeconds"))
            .multipliedBy(Long.parseLong((String) target.get("UnhealthyThresholdCount"))))
            .as("%s: the load balancer's window", mode).isGreaterThanOrEqualTo(RIDE_OUT);
        Map<String, String> attributes = new HashMap<>();
        maps(target.get("TargetGroupAttributes")).forEach(a -> attributes.put((String) a.get("Key"), (String) a.get("Value")));
        assertThat(seconds(attributes.get("deregistration_delay.timeout_seconds")))
            .as("%s: requests in flight finish before SIGTERM", mode).isGreaterThan(SLACK_ACK);
        assertThat(maps(service.get("LoadBalancers"))).singleElement()
            .satisfies(lb -> assertThat(lb.get("ContainerPort")).isEqualTo(port));
        // Only /slack/events reaches the tasks from the internet; /healthz and /metrics stay in the VPC.
        assertThat(at(rendered.properties("HttpsListener"), "DefaultActions")).asString().contains("fixed-response");
        Map<String, Object> rule = rendered.properties("SlackEventsRule");
        assertThat(strings(at(maps(rule.get("Conditions")).get(0), "PathPatternConfig", "Values")))
            .containsExactly(SLACK_EVENTS_PATH);
      } else {
        assertThat(rendered.resources()).as(mode.toString()).doesNotContainKeys("LoadBalancer", "TargetGroup");
        assertThat(service).doesNotContainKey("LoadBalancers");
      }
    }
  }

  @Test
  void a_new_database_is_private_and_reachable_only_from_the_tasks() {
    CloudFormationTemplate.Rendered rendered = template().render(new Mode("socket", "new-rds").parameters());
    Map<String, Object> database = rendered.properties("Database");
    Map<String, Object> group = rendered.properties("DatabaseSecurityGroup");

    assertThat(database.get("Engine")).isEqualTo("postgres");
    assertThat(database.get("PubliclyAccessible")).isEqualTo("false");
    assertThat(database.get("StorageEncrypted")).isEqualTo("true");
    assertThat(database.get("VPCSecurityGroups")).isEqualTo(List.of(Map.of("Ref", "DatabaseSecurityGroup")));
    assertThat(maps(group.get("SecurityGroupIngress"))).as("one way in: PostgreSQL from the tasks")
        .singleElement().satisfies(rule -> {
          assertThat(rule.get("SourceSecurityGroupId")).isEqualTo(Map.of("Ref", "ServiceSecurityGroup"));
          assertThat(rule).doesNotContainKeys("CidrIp", "CidrIpv6", "SourcePrefixListId");
          assertThat(rule.get("FromPort")).isEqualTo(database.get("Port"));
          assertThat(rule.get("ToPort")).isEqualTo(database.get("Port"));
        });
    assertThat(maps(group.get("SecurityGroupEgress"))).singleElement()
        .satisfies(rule -> assertThat(rule.get("CidrIp")).isEqualTo("255.255.255.255/32"));
    for (String ingress : rendered.ofType("AWS::EC2::SecurityGroupIngress")) {
      assertThat(rendered.properties(ingress).get("GroupId")).as("a rule added to the database's group elsewhere")
          .isNotEqualTo(Map.of("Ref", "DatabaseSecurityGroup"));
    }
    assertThat(rendered.resources().get("Database")).containsEntry("DeletionPolicy", "Snapshot");
    assertThat(database.get("DeletionProtection")).isEqualTo("true");

    for (Mode mode : List.of(new Mode("socket", "existing"), new Mode("http", "sqlite"))) {
      assertThat(template().render(mode.parameters()).ofType("AWS::RDS::DBInstance")).as(mode.toString()).isEmpty();
    }
  }

  @Test
  void no_secret_is_in_plain_text_and_each_task_reads_exactly_its_own_secrets() {
    for (Mode mode : modes()) {
      CloudFormationTemplate.Rendered rendered = template().render(mode.parameters());
      Map<String, Object> container = container(rendered);
      Map<String, String> environment = environment(container);
      Map<String, Object> secrets = new TreeMap<>();
      maps(container.get("Secrets")).forEach(s -> secrets.put((String) s.get("Name"), s.get("ValueFrom")));

      assertThat(environment.keySet()).as(mode.toString()).doesNotContainAnyElementsOf(SLACK_SECRETS);
      assertThat(environment.values()).as(mode.toString())
          .noneMatch(v -> v.contains("jdbc:") || v.toLowerCase(Locale.ROOT).contains("password"));
      assertThat(environment).as("%s: two tasks of one definition would share a fixed replica ID", mode)
          .doesNotContainKey("ROOTBOT_REPLICA_ID");
      Object slackSecret = Map.of("Ref", "SlackSecretArn");
      Object storeSecret = mode.store().equals("new-rds") ? Map.of("Ref", "StoreUrlSecret")
          : Map.of("Ref", "DatabaseUrlSecretArn");
      Set<Object> secretArns = new LinkedHashSet<>();
      for (Map.Entry<String, Object> secret : secrets.entrySet()) {
        // Each is one JSON key of a secret, "ARN:KEY::", named like the variable it becomes.
        List<Object> sub = subWithVariables(secret.getValue());
        assertThat((String) sub.get(0)).as(mode + " " + secret.getKey()).endsWith(":" + secret.getKey() + "::");
        assertThat(secretArn(sub)).as(mode + " " + secret.getKey())
            .isEqualTo(secret.getKey().equals("ROOTBOT_STORE") ? storeSecret : slackSecret);
        secretArns.add(secretArn(sub));
      }
      if (mode.shared()) {
        assertThat(secrets).containsKey("ROOTBOT_STORE");
        assertThat(environment).doesNotContainKey("ROOTBOT_STORE");
      } else {
        assertThat(environment.get("ROOTBOT_STORE")).startsWith("sqlite:");
        assertThat(secrets).doesNotContainKey("ROOTBOT_STORE");
      }
      assertThat(secrets.keySet()).as(mode.toString()).contains("SLACK_BOT_TOKEN")
          .contains(mode.slackMode().equals("http") ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN");
      Map<String, Object> readSecrets = statements(rendered.properties("ExecutionRole")).stream()
          .filter(s -> oneOrMany(s.get("Action")).contains("secretsmanager:GetSecretValue")).findFirst().orElseThrow();
      assertThat(CloudFormationTemplate.list(readSecrets.get("Resource"))).as("%s: what ECS may read for the task", mode)
          .containsExactlyInAnyOrderElementsOf(secretArns);

      // A dynamic reference resolves a secret into the property it sits in: only the database's credentials and
      // the secret that holds the store's URL may receive one. Outputs never do.
      List<String> resolvedAt = new ArrayList<>();
      rendered.resources().forEach((id, body) -> findResolves(id, body, resolvedAt));
      rendered.outputs().forEach((id, body) -> findResolves("Outputs." + id, body, resolvedAt));
      assertThat(resolvedAt).as(mode.toString()).allMatch(path -> path.startsWith("Database.Properties.MasterUser")
          || path.equals("StoreUrlSecret.Properties.SecretString"));
    }
    assertThat(template().section("Parameters").keySet()).as("tokens and passwords never pass through parameters")
        .isNotEmpty().noneMatch(name -> name.matches("(?i).*(token|signing|password).*"));
  }

  @Test
  void the_store_url_the_template_builds_is_one_the_driver_reads_and_it_verifies_the_database() {
    CloudFormationTemplate.Rendered rendered = template().render(new Mode("http", "new-rds").parameters());
    Map<String, Object> database = rendered.properties("Database");
    Map<String, Object> generated = CloudFormationTemplate.map(rendered.properties("DatabaseSecret")
        .get("GenerateSecretString"));
    String username = "{{resolve:secretsmanager:${DatabaseSecret}:SecretString:username}}";
    String password = "{{resolve:secretsmanager:${DatabaseSecret}:SecretString:password}}";
    String secretString = (String) CloudFormationTemplate.map(rendered.properties("StoreUrlSecret").get("SecretString"))
        .get("Fn::Sub");
    String json = secretString.replace("${Database.Endpoint.Address}", "rootbot.abc.us-east-1.rds.amazonaws.com")
        .replace("${Database.Endpoint.Port}", (String) database.get("Port"))
        .replace(username, "rootbot").replace(password, "Passw0rdWithoutPunctuation");
    String url = JsonParser.parseString(json).getAsJsonObject().get("ROOTBOT_STORE").getAsString();
    Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());

    assertThat(database.get("MasterUsername")).isEqualTo(Map.of("Fn::Sub", username));
    assertThat(database.get("MasterUserPassword")).isEqualTo(Map.of("Fn::Sub", password));
    assertThat(generated.get("ExcludePunctuation")).as("a password the URL carries without escaping").isEqualTo("true");
    assertThat(parsed).as(url).isNotNull();
    assertThat(parsed.getProperty("PGDBNAME")).isEqualTo(database.get("DBName"));
    assertThat(parsed.getProperty("PGPORT")).isEqualTo(database.get("Port"));
    assertThat(parsed.getProperty("user")).isEqualTo("rootbot");
    assertThat(parsed.getProperty("password")).isEqualTo("Passw0rdWithoutPunctuation");
    assertThat(parsed.getProperty("sslmode")).as("TLS that checks whom it talks to").isEqualTo("verify-full");
    List<String> run = dockerStages(read("Dockerfile")).get(1);
    Matcher bundle = Pattern.compile("ADD --chmod=644 (https://truststore\\.pki\\.rds\\.amazonaws\\.com/\\S+\\.pem) (\\S+)")
        .matcher(only(run, "ADD "));
    assertThat(bundle.matches()).as("the image holds the RDS certificate authorities").isTrue();
    assertThat(parsed.getProperty("sslrootcert")).isEqualTo(bundle.group(2));
  }

  @Test
  void every_variable_the_template_sets_is_one_the_bot_reads() {
    Set<String> read = variablesTheBotReads();
    for (Mode mode : modes()) {
      Map<String, Object> container = container(template().render(mode.parameters()));
      Set<String> set = new TreeSet<>(environment(container).keySet());
      maps(container.get("Secrets")).forEach(s -> set.add((String) s.get("Name")));

      assertThat(read).as(mode.toString()).containsAll(set);
    }
  }

  @Test
  void every_variable_the_bot_reads_is_in_the_deploy_readmes_table_and_the_table_names_no_other() {
    Set<String> documented = new TreeSet<>();
    Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]*(?:<[A-Z]+>)?)`").matcher("");
    for (String line : read("README.md").lines().toList()) {
      if (line.startsWith("| `")) {
        name.reset(line);
        while (name.find()) {
          documented.add(name.group(1));
        }
      }
    }
    Set<String> read = variablesTheBotReads();

    assertThat(read).isNotEmpty().allSatisfy(variable -> assertThat(documented)
        .as("deploy/README.md's table of variables").anyMatch(doc -> covers(doc, variable)));
    assertThat(documented).allSatisfy(doc -> assertThat(read).as("a variable the bot no longer reads")
        .anyMatch(variable -> covers(doc, variable)));
  }

  /** {@code AWS_ENDPOINT_URL_<SERVICE>} covers every name with its prefix; any other name covers itself. */
  private static boolean covers(String documented, String variable) {
    int placeholder = documented.indexOf('<');
    return placeholder < 0 ? documented.equals(variable) : variable.startsWith(documented.substring(0, placeholder));
  }

  /** The environment variables {@link Config} looks at, recorded by giving it an environment that remembers. */
  private static Set<String> variablesTheBotReads() {
    Set<String> asked = new TreeSet<>();
    Map<String, String> environment = new AbstractMap<>() {
      @Override
      public String get(Object key) {
        asked.add((String) key);
        return null;
      }

      @Override
      public Set<Map.Entry<String, String>> entrySet() {
        return Set.of();
      }
    };
    try {
      Config.fromEnvironment(environment);
    } catch (ConfigError expected) {
      // Nothing is set, so required variables are missing; every variable was read before that was reported.
    }
    return asked;
  }

  private static CloudFormationTemplate template() {
    return CloudFormationTemplate.read(read("cloudformation.yaml"));
  }

  private static Map<String, Object> container(CloudFormationTemplate.Rendered rendered) {
    return maps(rendered.properties("TaskDefinition").get("ContainerDefinitions")).get(0);
  }

  /** A container's plain environment; every value is a literal or a Ref, shown as text. */
  private static Map<String, String> environment(Map<String, Object> container) {
    Map<String, String> environment = new TreeMap<>();
    maps(container.get("Environment")).forEach(e -> environment.put((String) e.get("Name"), String.valueOf(e.get("Value"))));
    return environment;
  }

  private static List<Map<String, Object>> statements(Map<String, Object> role) {
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy : maps(role.get("Policies"))) {
      statements.addAll(maps(at(policy, "PolicyDocument", "Statement")));
    }
    return statements;
  }

  /** A Fn::Sub as [text, variables], whichever form it was written in. */
  private static List<Object> subWithVariables(Object valueFrom) {
    Object sub = CloudFormationTemplate.map(valueFrom).get("Fn::Sub");
    return sub instanceof String ? List.of(sub, Map.of()) : CloudFormationTemplate.list(sub);
  }

  /** The secret a "${X}:KEY::" names: X's value from the Sub's own variables, or a Ref to X. */
  private static Object secretArn(List<Object> sub) {
    Matcher variable = Pattern.compile("^\\$\\{([A-Za-z0-9]+)}:").matcher((String) sub.get(0));
    assertThat(variable.find()).as("%s starts with the secret", sub.get(0)).isTrue();
    Object local = CloudFormationTemplate.map(sub.get(1)).get(variable.group(1));
    return local != null ? local : Map.of("Ref", variable.group(1));
  }

  private static void findResolves(String path, Object value, List<String> found) {
    if (value instanceof String) {
      if (((String) value).contains("{{resolve:")) {
        found.add(path.replace(".Fn::Sub", ""));
      }
    } else if (value instanceof List) {
      List<Object> items = CloudFormationTemplate.list(value);
      for (int i = 0; i < items.size(); i++) {
        findResolves(path + "[" + i + "]", items.get(i), found);
      }
    } else if (value instanceof Map) {
      CloudFormationTemplate.map(value).forEach((key, v) -> findResolves(path + "." + key, v, found));
    }
  }

  /** An IAM element in YAML that may be one value or a list of them, as a list. */
  private static List<Object> oneOrMany(Object value) {
    return value instanceof List ? CloudFormationTemplate.list(value) : List.of(value);
  }

  private static Duration seconds(Object value) {
    return Duration.ofSeconds(Long.parseLong(String.valueOf(value)));
  }

  // ---- Dockerfile and README ----

  @Test
  void image_builds_the_contract_jar_and_runs_it_as_a_non_root_user_with_its_store_in_the_volume() {
    List<List<String>> stages = dockerStages(read("Dockerfile"));
    assertThat(stages).as("a build stage and a run stage").hasSizeGreaterThanOrEqualTo(2);
    List<String> build = stages.get(0);
    List<String> run = stages.get(stages.size() - 1);

    assertThat(build.get(0)).matches("FROM \\S+ AS build");
    assertThat(build).anyMatch(i -> i.startsWith("RUN ") && i.contains("mvn -q") && i.contains("-DskipTests")
        && i.endsWith(" package"));
    assertThat(run.get(0)).startsWith("FROM ").contains(":17-jre");
    String copy = only(run, "COPY --from=build ");
    assertThat(copy).contains("/bot/target/rootbot.jar ");
    String jarInImage = copy.substring(copy.lastIndexOf(' ') + 1);
    assertThat(only(run, "ENTRYPOINT ")).contains("\"-jar\", \"" + jarInImage + "\"");
    String user = only(run, "USER ").substring("USER ".length());
    assertThat(user.split(":")[0]).as("the runtime user").isNotIn("root", "0");
    assertThat(only(run, "EXPOSE ")).isEqualTo("EXPOSE 3000");
    assertThat(only(run, "HEALTHCHECK ")).contains("/healthz");
    Matcher volume = Pattern.compile("VOLUME \\[\"(/[^\"]+)\"]").matcher(only(run, "VOLUME "));
    assertThat(volume.matches()).isTrue();
    Matcher store = Pattern.compile("ROOTBOT_STORE=sqlite:(\\S+)").matcher(only(run, "ENV "));
    assertThat(store.find()).isTrue();
    assertThat(store.group(1)).startsWith(volume.group(1) + "/");
  }

  @Test
  void readme_explains_every_file_in_deploy() throws IOException {
    String readme = read("README.md");
    try (Stream<Path> files = Files.list(DEPLOY)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).toList();

      assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(readme).contains(name));
    }
  }

  // ---- reading the files ----

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("deploy/iam-policy.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no deploy/iam-policy.json above " + Path.of("").toAbsolutePath());
  }

  private static String read(String file) {
    try {
      return Files.readString(DEPLOY.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject json(String file) {
    return JsonParser.parseString(read(file)).getAsJsonObject();
  }

  private static Map<String, Object> manifest() {
    return BlockYaml.parse(read("slack-app-manifest.yaml"));
  }

  private static List<JsonObject> statements(JsonObject policy) {
    JsonElement statement = policy.get("Statement");
    List<JsonObject> statements = new ArrayList<>();
    if (statement.isJsonArray()) {
      statement.getAsJsonArray().forEach(s -> statements.add(s.getAsJsonObject()));
    } else {
      statements.add(statement.getAsJsonObject());
    }
    return statements;
  }

  /** A policy element that may be one string or a list of them, as a list. */
  private static List<String> strings(JsonElement element) {
    if (element == null) {
      return List.of();
    }
    if (element.isJsonArray()) {
      List<String> values = new ArrayList<>();
      for (JsonElement value : (JsonArray) element) {
        values.add(value.getAsString());
      }
      return values;
    }
    return List.of(element.getAsString());
  }

  private static List<String> strings(Object yamlList) {
    List<String> values = new ArrayList<>();
    for (Object value : (List<?>) yamlList) {
      values.add((String) value);
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object yamlList) {
    return yamlList == null ? List.of() : (List<Map<String, Object>>) yamlList;
  }

  /** The value at a path of mapping keys, or null where the path ends early. */
  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> map, String... keys) {
    Object value = map;
    for (String key : keys) {
      if (!(value instanceof Map)) {
        return null;
      }
      value = ((Map<String, Object>) value).get(key);
    }
    return value;
  }

  private static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
  }

  /** The Dockerfile's instructions, continuation lines joined, grouped by build stage. */
  private static List<List<String>> dockerStages(String dockerfile) {
    List<List<String>> stages = new ArrayList<>();
    StringBuilder instruction = new StringBuilder();
    for (String line : dockerfile.lines().toList()) {
      String text = line.strip();
      if (text.startsWith("#") || (text.isEmpty() && instruction.length() == 0)) {
        continue;
      }
      boolean continues = text.endsWith("\\");
      instruction.append(continues ? text.substring(0, text.length() - 1).strip() + " " : text);
      if (!continues) {
        String done = instruction.toString().replaceAll("\\s+", " ").strip();
        instruction.setLength(0);
        if (done.startsWith("FROM ")) {
          stages.add(new ArrayList<>());
        }
        if (stages.isEmpty()) {
          throw new IllegalArgumentException("instruction before FROM: " + done);
        }
        stages.get(stages.size() - 1).add(done);
      }
    }
    return stages;
  }

  private static String only(List<String> instructions, String prefix) {
    List<String> matching = instructions.stream().filter(i -> i.startsWith(prefix)).toList();
    assertThat(matching).as("exactly one %s... instruction", prefix.strip()).hasSize(1);
    return matching.get(0);
  }
}

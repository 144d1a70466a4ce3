package dev.rootbot.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.task.TaskPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final Map<String, String> WEB_API_SCOPES = Map.of(
      "auth.test", "",
      "chat.postMessage", "chat:write",
      "chat.update", "chat:write",
      "chat.postEphemeral", "chat:write",
      "chat.getPermalink", "",
      "views.open", "",
      "views.update", "",
      "users.info", "users:read",
      "usergroups.users.list", "usergroups:read");

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
  void manifest_asks_for_exactly_the_bot_scopes_the_bot_uses() {
    Map<String, Object> manifest = manifest();
    Set<String> needed = new TreeSet<>();
    WEB_API_SCOPES.values().stream().filter(scope -> !scope.isEmpty()).forEach(needed::add);
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

  // ---- CloudFormation template and Dockerfile ----

  @Test
  void template_reads_slack_secrets_from_secrets_manager_never_from_parameters_or_plain_environment() {
    List<String> lines = read("cloudformation.yaml").lines().toList();
    Pattern secretName = Pattern.compile("(?:- )?Name: (SLACK_BOT_TOKEN|SLACK_SIGNING_SECRET|SLACK_APP_TOKEN)");
    Set<String> found = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher name = secretName.matcher(lines.get(i).strip());
      if (name.matches()) {
        found.add(name.group(1));
        assertThat(lines.get(i + 1).strip()).as("line after %s", name.group(1))
            .startsWith("ValueFrom:").contains("${SlackSecretArn}:" + name.group(1) + "::");
      }
    }

    assertThat(found).containsExactly("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET");
    assertThat(parameterNames(lines)).isNotEmpty()
        .noneMatch(name -> name.matches("(?i).*(token|signing|password).*"));
  }

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

  /** The names declared under the template's top-level Parameters key. */
  private static List<String> parameterNames(List<String> lines) {
    List<String> names = new ArrayList<>();
    boolean inParameters = false;
    for (String line : lines) {
      if (!line.isBlank() && indentOf(line) == 0 && !line.startsWith("#")) {
        inParameters = line.equals("Parameters:");
      } else if (inParameters && indentOf(line) == 2 && line.strip().matches("[A-Za-z0-9]+:")) {
        names.add(line.strip().replace(":", ""));
      }
    }
    return names;
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

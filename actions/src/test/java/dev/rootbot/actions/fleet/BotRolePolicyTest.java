package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bot role's policy in {@code deploy/iam-policy.json} allows every call the fleet engines make with the bot's
 * own credentials, checked against the calls the simulated AWS recorded: enabling, auditing and deleting.
 */
class BotRolePolicyTest {
  @Test
  void the_bot_role_policy_allows_every_call_enabling_auditing_and_deleting_make_with_the_bots_own_role()
      throws IOException {
    Set<String> made;
    List<RecordedCall> enableServiceAccess;
    try (var fleet = new Fleet(Seed.generated(60).withNothingEnabled())) {
      assertThat(new RootAccessEnabler(fleet.clients).enable(false, outcome -> {}).succeeded()).isTrue();
      var audited = new RecordingAuditListener();
      fleet.audit().run(FleetScope.all().targets(fleet.tree.read()), List.of(), audited, new Cancellation());
      var deletion = new FleetDeletion(fleet.clients, fleet.rootTasks(), fleet.workers, java.time.Clock.systemUTC(),
          ConcurrencyBounds.standard());
      deletion.run(DeletionTarget.from(audited.results), List.of(), Set.of(), new RecordingDeletionListener(),
          new Cancellation());
      made = fleet.botCalls().stream().map(RecordedCall::action).collect(Collectors.toCollection(TreeSet::new));
      enableServiceAccess = fleet.botCalls().withAction("organizations:EnableAWSServiceAccess");
    }

    assertThat(made).contains("sts:AssumeRoot", "organizations:EnableAWSServiceAccess",
        "iam:EnableOrganizationsRootCredentialsManagement", "iam:EnableOrganizationsRootSessions");
    assertThat(allowed()).containsAll(made);
    assertThat(enableServiceAccess).extracting(c -> c.parameters().get("ServicePrincipal"))
        .as("the policy allows it for IAM only").containsOnly("iam.amazonaws.com");
  }

  private static Set<String> allowed() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("deploy/iam-policy.json"))) {
      dir = dir.getParent();
    }
    JsonObject policy = JsonParser.parseString(Files.readString(dir.resolve("deploy/iam-policy.json")))
        .getAsJsonObject();
    Set<String> actions = new TreeSet<>();
    for (JsonElement statement : policy.getAsJsonArray("Statement")) {
      JsonElement action = statement.getAsJsonObject().get("Action");
      if (action.isJsonArray()) {
        action.getAsJsonArray().forEach(a -> actions.add(a.getAsString()));
      } else {
        actions.add(action.getAsString());
      }
    }
    return actions;
  }
}

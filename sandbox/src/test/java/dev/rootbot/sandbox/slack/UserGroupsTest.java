package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.APPROVERS;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersUpdateResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who is in a user group, changed while the bot runs: by a test, or by an admin through the Web API. */
class UserGroupsTest {
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final MethodsClient bot = SlackClients.bot(workspace);
  static final MethodsClient admin = SlackClients.slack(workspace).methods(SlackWorkspace.ADMIN_TOKEN);

  @AfterEach
  void restoreTheSeededGroup() {
    workspace.add(new UserGroup(APPROVERS, "rootbot-approvers", "Rootbot approvers", List.of(CAROL.id())));
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void a_member_removed_by_a_test_is_gone_from_the_next_usergroups_users_list() throws Exception {
    List<Change> changes = new CopyOnWriteArrayList<>();
    workspace.onChange(changes::add);

    List<String> before = bot.usergroupsUsersList(r -> r.usergroup(APPROVERS)).getUsers();
    UserGroup after = workspace.removeFromGroup(APPROVERS, CAROL);
    List<String> listed = bot.usergroupsUsersList(r -> r.usergroup(APPROVERS)).getUsers();

    assertThat(before).containsExactly(CAROL.id());
    assertThat(after.userIds()).isEmpty();
    assertThat(listed).isEmpty();
    assertThat(changes).contains(new Change(Change.Kind.DIRECTORY_CHANGED, "", "", APPROVERS));
  }

  @Test
  void a_member_added_by_a_test_is_listed_once_after_those_already_in() throws Exception {
    workspace.addToGroup(APPROVERS, BOB);
    workspace.addToGroup(APPROVERS, BOB);

    assertThat(bot.usergroupsUsersList(r -> r.usergroup(APPROVERS)).getUsers()).containsExactly(CAROL.id(), BOB.id());
    assertThat(workspace.group(APPROVERS).orElseThrow().userIds()).containsExactly(CAROL.id(), BOB.id());
  }

  @Test
  void changing_a_group_that_does_not_exist_says_which_there_are() {
    assertThatThrownBy(() -> workspace.removeFromGroup("S0NOSUCH0", CAROL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(APPROVERS);
  }

  @Test
  void an_admin_replaces_the_members_with_usergroups_users_update() throws Exception {
    UsergroupsUsersUpdateResponse updated = admin.usergroupsUsersUpdate(r -> r.usergroup(APPROVERS)
        .users(List.of(ALICE.id(), BOB.id())));

    assertThat(updated.isOk()).isTrue();
    assertThat(updated.getUsergroup().getUsers()).containsExactly(ALICE.id(), BOB.id());
    assertThat(updated.getUsergroup().getUserCount()).isEqualTo(2);
    assertThat(bot.usergroupsUsersList(r -> r.usergroup(APPROVERS)).getUsers()).containsExactly(ALICE.id(), BOB.id());
  }

  @Test
  void the_bot_token_may_not_change_a_group_and_is_told_the_scope_it_lacks() throws Exception {
    UsergroupsUsersUpdateResponse refused = bot.usergroupsUsersUpdate(r -> r.usergroup(APPROVERS)
        .users(List.of(ALICE.id())));

    assertThat(refused.getError()).isEqualTo("missing_scope");
    assertThat(refused.getNeeded()).isEqualTo("usergroups:write");
    assertThat(refused.getProvided()).contains("usergroups:read").doesNotContain("usergroups:write");
    assertThat(workspace.group(APPROVERS).orElseThrow().userIds()).containsExactly(CAROL.id());
  }

  @Test
  void an_update_naming_nobody_or_someone_unknown_changes_nothing() throws Exception {
    UsergroupsUsersUpdateResponse unknown = admin.usergroupsUsersUpdate(r -> r.usergroup(APPROVERS)
        .users(List.of(BOB.id(), "U0NOBODY0")));
    UsergroupsUsersUpdateResponse nobody = admin.usergroupsUsersUpdate(r -> r.usergroup(APPROVERS).users(List.of()));
    UsergroupsUsersUpdateResponse noGroup = admin.usergroupsUsersUpdate(r -> r.usergroup("S0NOSUCH0")
        .users(List.of(BOB.id())));

    assertThat(unknown.getError()).isEqualTo("invalid_users");
    assertThat(nobody.getError()).isEqualTo("no_users_provided");
    assertThat(noGroup.getError()).isEqualTo("no_such_subteam");
    assertThat(workspace.group(APPROVERS).orElseThrow().userIds()).containsExactly(CAROL.id());
  }
}

package dev.rootbot.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonArray;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Block Kit as Slack takes it in: IDs filled in, mistakes refused with the reason. */
class BlockKitTest {
  final Ids ids = new Ids(Clock.systemUTC());

  @Test
  void blocks_and_buttons_without_ids_get_ids_and_given_ids_are_kept() throws Exception {
    JsonArray blocks = BlockKit.normalize("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hi\"}},"
        + "{\"type\":\"actions\",\"block_id\":\"decision\",\"elements\":[{\"type\":\"button\","
        + "\"text\":{\"type\":\"plain_text\",\"text\":\"Go\"}}]}]", 50, ids);

    assertThat(blocks.get(0).getAsJsonObject().get("block_id").getAsString()).matches("[A-Za-z0-9]{5}");
    assertThat(blocks.get(1).getAsJsonObject().get("block_id").getAsString()).isEqualTo("decision");
    assertThat(BlockKit.actionIds(Json.write(blocks))).singleElement().asString().hasSize(5);
  }

  @Test
  void two_buttons_with_one_action_id_are_refused() {
    SlackError error = catchThrowableOfType(SlackError.class, () -> BlockKit.normalize("[{\"type\":\"actions\","
        + "\"elements\":[" + button("approve") + "," + button("approve") + "]}]", 50, ids));

    assertThat(error.code).isEqualTo("invalid_blocks");
    assertThat(error.messages).anyMatch(m -> m.contains("duplicate action_id: approve"));
  }

  @Test
  void a_button_with_markdown_text_or_an_unknown_style_is_refused() {
    SlackError error = catchThrowableOfType(SlackError.class, () -> BlockKit.normalize("[{\"type\":\"actions\","
        + "\"elements\":[{\"type\":\"button\",\"action_id\":\"a\",\"style\":\"warning\","
        + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Go*\"}}]}]", 50, ids));

    assertThat(error.messages).hasSize(2);
  }

  @Test
  void an_unknown_block_type_and_too_many_blocks_are_refused() {
    SlackError unknown = catchThrowableOfType(SlackError.class,
        () -> BlockKit.normalize("[{\"type\":\"card\"}]", 50, ids));
    SlackError tooMany = catchThrowableOfType(SlackError.class,
        () -> BlockKit.normalize("[" + "{\"type\":\"divider\"},".repeat(50) + "{\"type\":\"divider\"}]", 50, ids));
    SlackError notAnArray = catchThrowableOfType(SlackError.class,
        () -> BlockKit.normalize("{\"type\":\"divider\"}", 50, ids));

    assertThat(unknown.messages).anyMatch(m -> m.contains("unsupported type: card"));
    assertThat(tooMany.messages).anyMatch(m -> m.contains("no more than 50 items"));
    assertThat(notAnArray.code).isEqualTo("invalid_blocks_format");
  }

  @Test
  void all_text_is_what_a_reader_sees_without_the_words_of_a_confirm_dialog() {
    String text = BlockKit.allText("fallback", "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"body\"},"
        + "\"fields\":[{\"type\":\"mrkdwn\",\"text\":\"*Account*\\n222222222222\"}],\"accessory\":{\"type\":\"button\","
        + "\"action_id\":\"a\",\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"},\"confirm\":{\"title\":"
        + "{\"type\":\"plain_text\",\"text\":\"Really?\"}}}}]");

    assertThat(text).isEqualTo("fallback\nbody\n*Account*\n222222222222\nApprove");
  }

  private static String button(String actionId) {
    return "{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}";
  }

  @Test
  void typed_text_becomes_the_rich_text_block_the_slack_client_sends() {
    JsonArray blocks = RichText.blocks("<@U0ROOTBOT> ask <!subteam^S0APPROVE> in <#C0PLATFORM|platform>", "b1");

    var elements = blocks.get(0).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject()
        .getAsJsonArray("elements");
    assertThat(blocks.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("rich_text");
    assertThat(elements.asList()).extracting(e -> e.getAsJsonObject().get("type").getAsString())
        .containsExactly("user", "text", "usergroup", "text", "channel");
    assertThat(elements.get(2).getAsJsonObject().get("usergroup_id").getAsString()).isEqualTo("S0APPROVE");
    assertThat(elements.get(4).getAsJsonObject().get("channel_id").getAsString()).isEqualTo("C0PLATFORM");
  }
}

package dev.rootbot.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.view.ViewState;
import dev.rootbot.bot.flow.Click;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.Map;
import java.util.Optional;

/**
 * A small form that a card's button opens to ask for a few words before deciding: why a request is denied, or
 * what a reviewer says about a break-glass run. It remembers the click (request, channel, card) in its private
 * metadata, which Slack hands back with the signed submission.
 *
 * @param callback the view's {@code callback_id}, which routes its submission
 * @param field the block and action ID of its one text input
 * @param required whether the submission needs some text
 * @param missing what to tell someone who submitted it empty, when it is required
 */
record CommentForm(String callback, String field, String title, String submit, String close, String label,
    String placeholder, String hint, boolean required, String missing) {

  /** Deny: why, which the card and the audit log keep. */
  static final CommentForm DENY = new CommentForm("deny_reason", "deny_reason", "Deny root task", "Deny", "Keep it",
      "Why deny request %s?", "Not during the release freeze; use the break-glass runbook",
      "The requester and the channel read it on the card; it is kept in the audit log.", true,
      "Say why, in a few words: the requester reads it.");

  /** A break-glass run was justified: a comment may be added. */
  static final CommentForm JUSTIFIED = new CommentForm("review_justified", "review_comment", "Review break-glass",
      "Justified", "Cancel", "Anything to add about request %s?", "INC-42 was real and nobody could approve",
      "Optional. It is shown on the card and kept in the audit log.", false, "");

  /** A break-glass run was not justified: why is required, and it is announced. */
  static final CommentForm NOT_JUSTIFIED = new CommentForm("review_not_justified", "review_comment",
      "Review break-glass", "Not justified", "Cancel", "Why was breaking glass for request %s not justified?",
      "An approver was online; this should have waited for approval",
      "Required. It is announced where the break-glass was, shown on the card and kept in the audit log.", true,
      "Say why it was not justified, in a few words.");

  /** Delete the root credentials a fleet audit found: why, which the card shows the approvers. */
  static final CommentForm DELETE_FLEET = new CommentForm("delete_fleet_reason", "delete_reason",
      "Delete root credentials", "File request", "Not now", "Why delete the root credentials that audit %s found?",
      "SEC-12 clean-up: nobody should hold long-term root credentials",
      "The approvers read it on the card; it is kept in the audit log. The deletion needs its own approval.", true,
      "Say why, in a few words: the approvers read it.");

  String view(RequestId request, ChannelId channel, MessageTs card) {
    var remembered = new JsonObject();
    remembered.addProperty("request", request.value());
    remembered.addProperty("channel", channel.value());
    remembered.addProperty("card", card.value());
    var view = new JsonObject();
    view.addProperty("type", "modal");
    view.addProperty("callback_id", callback);
    view.addProperty("private_metadata", remembered.toString());
    view.add("title", RequestForm.text(title));
    view.add("submit", RequestForm.text(submit));
    view.add("close", RequestForm.text(close));
    var blocks = new JsonArray();
    var input = RequestForm.element("plain_text_input", field, placeholder);
    input.addProperty("multiline", true);
    input.addProperty("max_length", 500);
    blocks.add(RequestForm.input(field, String.format(label, request.value()), input, !required, hint));
    view.add("blocks", blocks);
    return view.toString();
  }

  /** The click the form was opened for, from its private metadata, by {@code submitter}. */
  static Optional<Click> click(String privateMetadata, UserId submitter) {
    try {
      JsonObject remembered = JsonParser.parseString(privateMetadata).getAsJsonObject();
      return Optional.of(new Click(RequestId.parse(remembered.get("request").getAsString()), submitter,
          new ChannelId(remembered.get("channel").getAsString()), new MessageTs(remembered.get("card").getAsString())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What was typed, stripped; empty when nothing was. */
  Optional<String> text(Map<String, Map<String, ViewState.Value>> state) {
    return Optional.ofNullable(state).map(s -> s.get(field)).map(block -> block.get(field))
        .map(ViewState.Value::getValue).map(String::strip).filter(v -> !v.isEmpty());
  }
}

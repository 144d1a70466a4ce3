package dev.rootbot.bot.slack;

import com.slack.api.app_backend.interactive_components.response.BlockSuggestionResponse;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.handler.builtin.BlockSuggestionHandler;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.PlainTextObject;
import dev.rootbot.actions.org.OrganizationDirectory;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Type-ahead for the form's account field: the organization's accounts whose name or ID contains what was typed. */
final class AccountOptionsHandler implements BlockSuggestionHandler {
  private static final Logger log = LoggerFactory.getLogger(AccountOptionsHandler.class);
  private static final int MAX_OPTIONS = 20;

  private final OrganizationDirectory directory;

  AccountOptionsHandler(OrganizationDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Response apply(BlockSuggestionRequest req, BlockSuggestionContext ctx) {
    String typed = req.getPayload().getValue() == null ? "" : req.getPayload().getValue();
    List<Option> options;
    try {
      options = directory.search(typed, MAX_OPTIONS).stream()
          .map(account -> Option.builder()
              .text(PlainTextObject.builder().text(account.label()).build())
              .value(account.id().value())
              .build())
          .collect(Collectors.toList());
    } catch (RuntimeException e) {
      log.warn("Could not list accounts for the form: {}", e.getMessage());
      options = List.of();
    }
    return ctx.ack(BlockSuggestionResponse.builder().options(options).build());
  }
}

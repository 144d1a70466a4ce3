package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RootRequest;
import java.util.List;

/**
 * The messages that tell Slack about a change, made from the request as it is after the change and
 * stored in the same transaction: if the change is stored, so are they, and nothing is lost when Slack
 * is down. Called inside the transaction, so it must be quick and touch nothing but its argument.
 */
@FunctionalInterface
public interface Report {
  /** Reports nothing. */
  Report NOTHING = request -> List.of();

  List<Outgoing> messages(RootRequest after);
}

package dev.rootbot.sandbox.slack;

import java.util.List;
import java.util.Optional;

/**
 * A Web API error as Slack reports it: {@code {"ok":false,"error":code}}, with optional detail messages, and
 * for a missing scope the scope {@code needed} and those {@code provided}.
 */
final class SlackError extends Exception {
  private static final long serialVersionUID = 1L;

  final String code;
  final List<String> messages;
  /** For {@code missing_scope}: the scope the method needs, and those the token has. */
  final Optional<String> needed;
  final Optional<String> provided;

  SlackError(String code) {
    this(code, List.of());
  }

  SlackError(String code, List<String> messages) {
    super(code + (messages.isEmpty() ? "" : " " + messages), null, false, false);
    this.code = code;
    this.messages = List.copyOf(messages);
    this.needed = Optional.empty();
    this.provided = Optional.empty();
  }

  SlackError(String code, List<String> messages, String needed, String provided) {
    super(code + " needed=" + needed, null, false, false);
    this.code = code;
    this.messages = List.copyOf(messages);
    this.needed = Optional.of(needed);
    this.provided = Optional.of(provided);
  }
}

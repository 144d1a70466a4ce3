package dev.rootbot.sandbox.slack;

import java.util.List;

/** A Web API error as Slack reports it: {@code {"ok":false,"error":code}}, with optional detail messages. */
final class SlackError extends Exception {
  private static final long serialVersionUID = 1L;

  final String code;
  final List<String> messages;

  SlackError(String code) {
    this(code, List.of());
  }

  SlackError(String code, List<String> messages) {
    super(code + (messages.isEmpty() ? "" : " " + messages), null, false, false);
    this.code = code;
    this.messages = List.copyOf(messages);
  }
}

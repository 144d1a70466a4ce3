package dev.rootbot.bot.flow;

import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.request.UserId;

/** Who someone is in Slack, for the rules of who may request and approve: looked up at the edge. */
public interface People {
  /**
   * The facts about {@code user}: deactivated, bot, guest, and which of the approver groups they are in.
   *
   * @throws Unavailable when Slack cannot say; callers refuse rather than guess
   */
  Person person(UserId user);

  /** Slack could not tell who someone is, so nothing may be decided for them. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

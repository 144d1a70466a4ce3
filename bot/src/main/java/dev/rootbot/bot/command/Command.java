package dev.rootbot.bot.command;

/**
 * What a person asked Rootbot for, read from their words by {@link Grammar}: a root task, help, the
 * status of open requests, or the form (when they typed nothing).
 */
public sealed interface Command permits AskFor, Command.Help, Command.Status, Command.OpenForm {

  /** Show the commands and an example of each. */
  record Help() implements Command {}

  /** Show the open requests. */
  record Status() implements Command {}

  /**
   * Open the request form: the person typed nothing after the command. A mention carries no
   * {@code trigger_id} to open a form with, so a mention handler answers with help instead.
   */
  record OpenForm() implements Command {}
}

package dev.rootbot.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.bot.request.Reason;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The organization-wide commands: each form, and each way of getting one wrong, with the form in the answer. */
class FleetGrammarTest {
  private static final Grammar GRAMMAR = new Grammar("/root");

  static Stream<Arguments> forms() {
    return Stream.of(
        arguments("enable everything", "enable", new FleetAsk.Enable(false)),
        arguments("enable credentials management only", "enable credentials only", new FleetAsk.Enable(true)),
        arguments("keywords ignore case", "ENABLE Credentials Only", new FleetAsk.Enable(true)),
        arguments("audit every account", "audit all", new FleetAsk.Audit(FleetScope.all())),
        arguments("audit an OU by name", "audit ou Production", new FleetAsk.Audit(FleetScope.ou("Production"))),
        arguments("audit an OU whose name has spaces", "audit ou Shared Services",
            new FleetAsk.Audit(FleetScope.ou("Shared Services"))),
        arguments("audit an OU by ID", "Audit OU ou-ab12-cd34ef56",
            new FleetAsk.Audit(FleetScope.ou("ou-ab12-cd34ef56"))),
        arguments("delete over an OU", "delete root credentials in ou Production because SEC-12 clean-up",
            new FleetAsk.Delete(FleetScope.ou("Production"), Reason.fromSlack("SEC-12 clean-up"))),
        arguments("the single-account audit is still itself", "audit account 111122223333", null));
  }

  @ParameterizedTest(name = "{0}: /root {1}")
  @MethodSource("forms")
  void each_form_reads_as_its_command(String description, String text, FleetAsk expected) {
    Command command = GRAMMAR.parse(text);

    if (expected == null) {
      assertThat(command).isInstanceOf(AskFor.class);
    } else {
      assertThat(command).isEqualTo(expected);
    }
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        arguments("enable now", "\"enable\" takes nothing after it but \"credentials only\"", "enable [credentials only]"),
        arguments("enable credentials", "\"enable\" takes nothing after it", "enable [credentials only]"),
        arguments("audit all accounts", "\"audit all\" takes nothing after it", "audit ou <name|ou-id>"),
        arguments("audit ou", "say which OU", "audit all | audit ou <name|ou-id>"),
        arguments("audit ou Production because curious", "an audit needs no reason", "audit ou <name|ou-id>"),
        arguments("delete root credentials in ou Production", "say why after \"because\"",
            "delete root credentials in ou <name|ou-id> because <reason>"),
        arguments("delete root credentials in ou Production because", "nothing follows \"because\"",
            "because <reason>"),
        arguments("delete root credentials in ou because SEC-1", "say which OU", "in ou <name|ou-id>"),
        arguments("break-glass audit all because SEC-1", "only a root task can break glass", "in one account"),
        arguments("policy audit all", "\"policy\" answers about a task in one account", "/root policy"));
  }

  @ParameterizedTest(name = "/root {0}")
  @MethodSource("mistakes")
  void bad_input_says_what_was_wrong_and_the_form(String text, String problem, String form) {
    UsageError error = catchThrowableOfType(UsageError.class, () -> GRAMMAR.parse(text));

    assertThat(error).as("no UsageError for: " + text).isNotNull();
    assertThat(error.getMessage()).contains(problem).contains(form.replace("<", "&lt;").replace(">", "&gt;"));
  }

  @Test
  void an_ou_name_is_escaped_in_an_error_and_never_mentions_anyone() {
    UsageError error = catchThrowableOfType(UsageError.class,
        () -> GRAMMAR.parse("audit ou <!channel> because <@U123>"));

    assertThat(error.getMessage()).doesNotContain("<!channel>").doesNotContain("<@U123>");
  }

  @Test
  void help_lists_the_organization_wide_commands() {
    assertThat(GRAMMAR.help()).contains("/root enable [credentials only]", "/root audit all",
        "/root audit ou &lt;name|ou-id&gt;", "delete root credentials in ou &lt;name|ou-id&gt; because &lt;reason&gt;");
  }
}

package dev.rootbot.sandbox.slack.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.slack.Person;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Slack client sends for typed text: markup characters escaped, mentions and URLs made into Slack's forms. */
class TypingTest {
  static final List<Person> PEOPLE = List.of(SlackWorkspace.ROOTBOT, SlackWorkspace.ALICE, SlackWorkspace.BOB,
      SlackWorkspace.ERIN);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
      "a mention of the bot                  # @rootbot status                     # <@U0ROOTBOT> status",
      "names in any case, then punctuation    # @Rootbot, ask @bob.                 # <@U0ROOTBOT>, ask <@U0BOB0000>.",
      "a name that is only a prefix           # @bobby and @alice2                  # @bobby and @alice2",
      "a deactivated person is not mentioned  # @erin                               # @erin",
      "an e-mail address                      # mail bob@example.com                # mail bob@example.com",
      "broadcasts                             # @here and @channel                  # <!here> and <!channel>",
      "markup characters                      # <b>&amp;</b>                        # &lt;b&gt;&amp;amp;&lt;/b&gt;",
      "a typed Slack link stays text          # <https://evil.example|click me>     # &lt;https://evil.example|click me&gt;",
      "a URL becomes a link                   # see https://example.com/a?b=1&c=2.  # see <https://example.com/a?b=1&amp;c=2>.",
      "a mention inside a URL stays in the URL # https://x.example/@bob              # <https://x.example/@bob>",
      "a script                               # `<script>window.__pwned=1</script>` # `&lt;script&gt;window.__pwned=1&lt;/script&gt;`",
  })
  void a_message_is_sent_as_slack_sends_it(String description, String typed, String sent) {
    assertThat(Typing.message(typed, PEOPLE)).isEqualTo(sent);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "markup characters only are escaped | unlock bucket <b> & @bob  | unlock bucket &lt;b&gt; &amp; @bob",
      "URLs stay as typed                 | unlock queue https://q.example/1 | unlock queue https://q.example/1",
  })
  void a_slash_commands_text_has_only_markup_characters_escaped(String description, String typed, String sent) {
    assertThat(Typing.commandText(typed)).isEqualTo(sent);
  }
}

package dev.rootbot.bot.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockYamlTest {
  @Test
  void reads_nested_mappings_lists_of_scalars_and_lists_of_mappings() {
    Map<String, Object> document = BlockYaml.parse(String.join("\n",
        "# a comment",
        "features:",
        "  slash_commands:",
        "    - command: /root",
        "      url: https://host.example/slack/events",
        "    - command: /other",
        "oauth_config:",
        "  scopes:",
        "    bot:",
        "      - chat:write",
        "      - \"quoted \\\"value\\\"\"",
        "enabled: true",
        ""));

    assertThat(document).containsOnlyKeys("features", "oauth_config", "enabled");
    assertThat(document.get("features")).isEqualTo(Map.of("slash_commands", List.of(
        Map.of("command", "/root", "url", "https://host.example/slack/events"),
        Map.of("command", "/other"))));
    assertThat(document.get("oauth_config")).isEqualTo(
        Map.of("scopes", Map.of("bot", List.of("chat:write", "quoted \"value\""))));
    assertThat(document.get("enabled")).isEqualTo("true");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "flow mapping|a: {b: c}",
      "flow list|a: [b, c]",
      "anchor|a: &x b",
      "alias|a: *x",
      "block scalar|a: |",
      "trailing comment|a: b # c",
      "duplicate key|a: b\\na: c",
      "key without value or block|a:\\nb: c",
      "list item at the key's own column|a:\\n- b",
      "deeper line after a scalar|a: b\\n  c: d",
      "tab indentation|a:\\n\\tb: c",
      "top-level list|- a",
  })
  void refuses_what_it_does_not_read_instead_of_guessing(String description, String source) {
    String text = source.replace("\\n", "\n").replace("\\t", "\t");

    assertThatThrownBy(() -> BlockYaml.parse(text)).as(description).isInstanceOf(IllegalArgumentException.class);
  }
}

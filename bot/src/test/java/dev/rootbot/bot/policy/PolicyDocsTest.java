package dev.rootbot.bot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.approval.Approvers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/policy.md are the ones that run: the sandbox's file, and what ROOTBOT_APPROVERS stands for. */
class PolicyDocsTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

  @Test
  void the_documented_example_is_the_sandbox_policy_without_its_comment_header() throws IOException {
    List<String> blocks = yamlBlocks();
    String shipped;
    try (InputStream in = PolicyDocsTest.class.getResourceAsStream("/sandbox-policy.yaml")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(blocks.get(0)).isEqualTo(shipped.substring(shipped.indexOf("version: 1")));
  }

  @Test
  void the_documented_equivalent_of_the_approver_list_is_the_policy_rootbot_builds() throws IOException {
    String documented = yamlBlocks().get(1).replace("[U1, S1]", "[U0BOB, S0ONCALL]");

    Rule written = PolicyFileTest.valid(documented, Optional.empty()).policy().rules().get(0);
    Rule built = Policy.fromApprovers(Approvers.parse("U0BOB,S0ONCALL")).rules().get(0);

    assertThat(built).usingRecursiveComparison().ignoringFields("line").isEqualTo(written);
  }

  @Test
  void the_configuration_error_quoted_is_the_one_rootbot_gives() throws IOException {
    String docs = Files.readString(docs()).replaceAll("\\s+", " ");

    assertThat(docs).contains("says *" + Policy.BOTH_SET + "*");
  }

  private static List<String> yamlBlocks() throws IOException {
    Matcher blocks = YAML_BLOCK.matcher(Files.readString(docs()));
    return blocks.results().map(m -> m.group(1)).toList();
  }

  private static Path docs() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("docs/policy.md"))) {
        return dir.resolve("docs/policy.md");
      }
    }
    throw new IllegalStateException("no docs/policy.md above " + Path.of("").toAbsolutePath());
  }
}

package dev.rootbot.actions.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScpCheckTest {
  private static final String DENY_ROOT =
      "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}%s}}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a deny of root without exemption blocks root sessions|" + "|true",
      "the Null exemption spares root sessions|,\"Null\":{\"aws:AssumedRoot\":\"true\"}|false",
      "a Bool false condition spares root sessions|,\"Bool\":{\"aws:AssumedRoot\":\"false\"}|false",
      "a Null false condition would deny only root sessions, still a block|,\"Null\":{\"aws:AssumedRoot\":\"false\"}|true",
  })
  void finds_deny_statements_aimed_at_root_that_do_not_spare_root_sessions(String description, String extra, boolean blocks) {
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.format(DENY_ROOT, extra == null ? "" : extra) + "]}";
    assertThat(ScpCheck.deniesRootWithoutExemption(policy)).as(description).isEqualTo(blocks);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an allow is not a deny|{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
      "a deny without conditions is not about root|{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
      "a deny for everyone but root is not about root|{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}]}",
      "a deny for a role is not about root|{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalArn\":[\"arn:aws:iam::*:role/x\"]}}}]}",
  })
  void ignores_statements_that_do_not_deny_root(String description, String policy) {
    assertThat(ScpCheck.deniesRootWithoutExemption(policy)).as(description).isFalse();
  }
}

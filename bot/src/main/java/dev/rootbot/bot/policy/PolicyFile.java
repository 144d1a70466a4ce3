package dev.rootbot.bot.policy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The approval policy file ({@code ROOTBOT_POLICY}): YAML read with SnakeYAML's node API, so that every
 * problem carries its line and column, and checked in full before it is used. The format is in
 * {@code docs/policy.md}.
 */
public final class PolicyFile {
  private PolicyFile() {}

  /**
   * Checks {@code text} as a policy file. With {@code organization}, account IDs, account names and OUs are
   * checked against it too; without, {@link CheckedPolicy.Valid#unchecked()} says they were not. Pure.
   */
  public static CheckedPolicy parse(String text, Optional<OrganizationView> organization) {
    return PolicyReader.check(text, organization);
  }

  /** Reads and checks the file at {@code path}; a file that cannot be read is a problem at 1:1. */
  public static CheckedPolicy read(Path path, Optional<OrganizationView> organization) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      return unreadable("there is no such file: check the path");
    } catch (CharacterCodingException e) {
      return unreadable("the file is not UTF-8 text: save it as UTF-8");
    } catch (IOException e) {
      return unreadable("the file cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    return parse(text, organization);
  }

  private static CheckedPolicy unreadable(String why) {
    return new CheckedPolicy.Invalid(List.of(new Problem(1, 1, why)));
  }
}

package dev.rootbot.bot.policy;

import java.util.List;
import java.util.Objects;

/**
 * An organizational unit of the AWS organization, with where it sits.
 *
 * @param id the OU's ID, {@code ou-…}
 * @param name its name, as Organizations shows it (unique only among its siblings)
 * @param within the IDs of the OUs that contain it, outermost first; empty directly under the root
 */
public record OrgUnit(String id, String name, List<String> within) {
  public OrgUnit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    within = List.copyOf(within);
  }

  /** Whether this OU is {@code outer} or nested in it, at any depth. */
  public boolean isIn(String outerId) {
    return id.equals(outerId) || within.contains(outerId);
  }
}

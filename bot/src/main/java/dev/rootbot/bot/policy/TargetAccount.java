package dev.rootbot.bot.policy;

import dev.rootbot.actions.task.AccountId;
import java.util.List;
import java.util.Objects;

/**
 * A member account as the policy sees it: its ID, its name and the OUs it is in, which is all a rule's
 * {@code accounts} can match on.
 *
 * @param units the OUs that contain it, outermost first; empty directly under the root
 */
public record TargetAccount(AccountId id, String name, List<OrgUnit> units) {
  public TargetAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    units = List.copyOf(units);
  }

  /** Whether it is in the OU {@code unitId}, directly or through nested OUs. */
  public boolean isIn(String unitId) {
    return units.stream().anyMatch(unit -> unit.id().equals(unitId));
  }

  /** "prod-data (333333333333)": how people see an account. */
  public String label() {
    return name + " (" + id.value() + ")";
  }
}

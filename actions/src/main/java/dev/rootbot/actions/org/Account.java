package dev.rootbot.actions.org;

import dev.rootbot.actions.task.AccountId;

/** An account of the organization as Organizations lists it: ID, name, and state (ACTIVE, SUSPENDED, …). */
public record Account(AccountId id, String name, String state) {
  public boolean active() {
    return "ACTIVE".equals(state);
  }

  /** "prod-payments (222222222222)": how people see an account. */
  public String label() {
    return name + " (" + id + ")";
  }
}

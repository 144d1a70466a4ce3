package dev.rootbot.actions.org;

import java.util.List;

/** Whether centralized root access is ready for Rootbot, check by check, with the fix for each that is not. */
public record Readiness(List<Check> checks) {
  /** One prerequisite: what it is, whether it holds, what was seen, and what to run when it does not. */
  public record Check(String name, boolean ok, String detail, String fix) {}

  public Readiness {
    checks = List.copyOf(checks);
  }

  public boolean ready() {
    return checks.stream().allMatch(Check::ok);
  }
}

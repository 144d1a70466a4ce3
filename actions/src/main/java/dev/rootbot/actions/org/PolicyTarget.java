package dev.rootbot.actions.org;

/** Something policies attach to, one level of an account's path: the organization root, an OU, or the account. */
public record PolicyTarget(String id, Kind kind, String name) {
  /** The three kinds of target, from the top down. */
  public enum Kind { ROOT, OU, ACCOUNT }

  /** "the organization root (r-ab12)", "OU Sandbox (ou-…)", "account dev-playground (444444444444)". */
  public String label() {
    switch (kind) {
      case ROOT: return "the organization root (" + id + ")";
      case OU: return "OU " + name + " (" + id + ")";
      default: return "account " + name + " (" + id + ")";
    }
  }
}

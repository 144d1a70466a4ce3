package dev.rootbot.actions.org;

/** An organizational unit: its ID, its name (unique only among its siblings) and its parent, the root or an OU. */
public record OrganizationalUnit(String id, String name, String parentId) {
  /** "OU Sandbox (ou-ab12-34567890)": how people see an OU. */
  public String label() {
    return "OU " + name + " (" + id + ")";
  }
}

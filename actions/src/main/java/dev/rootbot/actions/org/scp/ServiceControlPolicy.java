package dev.rootbot.actions.org.scp;

/** A service control policy as Organizations describes it: ID, name and content. */
public record ServiceControlPolicy(String id, String name, ScpDocument document) {
  /** The policy every target has unless someone replaced it; it allows everything. */
  public static final String FULL_AWS_ACCESS = "FullAWSAccess";

  /** "DenyRootUser (p-abcd1234)": how people see a policy. */
  public String label() {
    return name + " (" + id + ")";
  }
}

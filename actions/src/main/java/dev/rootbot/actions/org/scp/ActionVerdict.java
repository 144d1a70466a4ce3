package dev.rootbot.actions.org.scp;

import java.util.List;

/** Whether the SCPs on an account's path let a root session make one call, and why not or why unsure. */
public record ActionVerdict(String action, Outcome outcome, List<ScpFinding> findings) {
  /** What AWS would do with the call, as far as the SCPs decide it. */
  public enum Outcome {
    /** No SCP denies it and every level allows it. */
    ALLOWED,
    /** It depends on something not known before the call: warn, do not refuse. */
    UNDECIDABLE,
    /** AWS would deny it for certain: an explicit deny, or a level whose SCPs allow it nowhere. */
    DENIED
  }

  public ActionVerdict {
    findings = List.copyOf(findings);
  }
}

package dev.rootbot.actions.org;

import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.task.TaskFailure;
import java.util.List;

/** What the preflight found before any card or root session: a refusal AWS would make, or warnings for the card. */
public sealed interface PreflightResult permits PreflightResult.Refused, PreflightResult.Cleared {

  /**
   * AWS would refuse the root session or its task for certain: tell the requester why and the fix; post no
   * card, open no root session.
   *
   * @param findings for {@link TaskFailure.Reason#SCP_DENIED}, the SCP statements and levels that deny
   */
  record Refused(TaskFailure.Reason reason, String explanation, List<ScpFinding> findings) implements PreflightResult {
    public Refused {
      findings = List.copyOf(findings);
    }

    @Override
    public boolean refused() {
      return true;
    }
  }

  /**
   * Nothing AWS would certainly refuse. The warnings (person-readable, for the approver's card) name what could
   * not be decided: SCP conditions that depend on the call, or reads that failed.
   *
   * @param doubts the undecidable SCP findings behind some of the warnings
   */
  record Cleared(List<String> warnings, List<ScpFinding> doubts) implements PreflightResult {
    public Cleared {
      warnings = List.copyOf(warnings);
      doubts = List.copyOf(doubts);
    }

    @Override
    public boolean refused() {
      return false;
    }
  }

  boolean refused();
}

package dev.rootbot.bot.request;

import dev.rootbot.actions.task.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the approver is shown before deciding, and what the run is then bound to: the preview read in a root
 * session before the card (what will change and its fingerprint, and that session's access key ID), and the
 * preflight's warnings (SCP conditions that could not be decided before a call).
 *
 * @param snapshot what the preview found; empty when the task changes nothing or previews are turned off
 *     ({@code ROOTBOT_PREVIEW=off}), in which case the run acts on what it finds
 * @param previewKey the access key ID of the preview's root session, for CloudTrail
 */
public record Briefing(Optional<Snapshot> snapshot, Optional<String> previewKey, List<String> warnings) {
  public Briefing {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(previewKey, "previewKey");
    warnings = List.copyOf(warnings);
  }

  /** Nothing previewed and nothing to warn about. */
  public static Briefing none() {
    return new Briefing(Optional.empty(), Optional.empty(), List.of());
  }

  public Briefing withWarnings(List<String> more) {
    var all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new Briefing(snapshot, previewKey, all);
  }
}

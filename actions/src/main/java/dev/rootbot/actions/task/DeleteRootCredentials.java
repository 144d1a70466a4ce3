package dev.rootbot.actions.task;

import dev.rootbot.actions.session.ChangeCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Deletes the long-term credentials of the root user that the task's first read found: password, access keys,
 * signing certificates, and MFA devices (deactivated, then deleted when virtual). Idempotent: whatever is
 * already gone is reported, not failed; whether a credential is gone is decided by reading again afterwards,
 * never by an answer alone, since an answer can be lost after IAM acted.
 *
 * <p>Fingerprint: the task's identifier, the account and {@link RootCredentials#ids() what identifies each
 * credential} (creation time of the password, key and certificate IDs, MFA serial numbers), not their status
 * or last use, which change as credentials are used. A run bound to a preview therefore deletes exactly the
 * credentials the approver saw, and deletes nothing when one was added or removed since.
 *
 * <p>There is no backup: deleted credentials cannot be put back. The card says so before anyone approves.
 */
public record DeleteRootCredentials(AccountId target) implements RootTask {
  @Override
  public TaskKind kind() {
    return TaskKind.DELETE_ROOT_CREDENTIALS;
  }

  @Override
  public String summary() {
    return "delete root credentials";
  }

  @Override
  public String resource() {
    return "arn:aws:iam::" + target + ":root";
  }

  @Override
  public AwsRegion eventsRegion() {
    return AwsRegion.US_EAST_1;
  }

  /** Reads the credentials with their last use, so that the card can show them. */
  @Override
  public TaskPlan plan(TaskContext context) {
    var reads = new RootUserReads(context);
    return new Plan(this, context, reads, reads.withLastUse());
  }

  /** Delete exactly {@code found}. */
  private record Plan(DeleteRootCredentials task, TaskContext context, RootUserReads reads, RootCredentials found)
      implements TaskPlan {
    @Override
    public Snapshot snapshot() {
      Fingerprint fingerprint = found.fingerprint(task.kind(), task.target());
      if (found.isEmpty()) {
        return new Snapshot(new Finding("The root user of " + task.target() + " has no long-term credentials; there is"
            + " nothing to delete.", List.of()), fingerprint);
      }
      return new Snapshot(new Finding("Will delete " + found.count() + " of the root user of " + task.target()
          + ". Deleted credentials cannot be put back.",
          List.of(new Finding.Section("Will be deleted", found.describe(), false))), fingerprint);
    }

    @Override
    public boolean changesNothing() {
      return found.isEmpty();
    }

    @Override
    public TaskReport apply() {
      if (found.isEmpty()) {
        return report("The root user of " + task.target() + " had no long-term credentials; nothing was deleted.",
            found);
      }
      IamClient iam = context.session().iam();
      var deletion = new Deletion(context, new ArrayList<>());
      found.password().ifPresent(p ->
          deletion.run("iam:DeleteLoginProfile", "deleted", "the password", () -> iam.deleteLoginProfile(r -> {})));
      for (var key : found.accessKeys()) {
        deletion.run("iam:DeleteAccessKey", "deleted", "access key " + key.id(),
            () -> iam.deleteAccessKey(r -> r.accessKeyId(key.id())));
      }
      for (var certificate : found.signingCertificates()) {
        deletion.run("iam:DeleteSigningCertificate", "deleted", "signing certificate " + certificate.id(),
            () -> iam.deleteSigningCertificate(r -> r.certificateId(certificate.id())));
      }
      for (var device : found.mfaDevices()) {
        boolean mayBeDeactivated = deletion.run("iam:DeactivateMFADevice", "deactivated", "MFA device "
            + device.serialNumber(), () -> iam.deactivateMFADevice(r -> r.serialNumber(device.serialNumber())));
        if (mayBeDeactivated && device.isVirtual()) {
          deletion.run("iam:DeleteVirtualMFADevice", "deleted", "virtual MFA device " + device.serialNumber(),
              () -> iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber())));
        }
      }
      RootCredentials after = reads.credentials(false);
      RootCredentials remaining = after.only(found.ids());
      if (!remaining.isEmpty()) {
        throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED, "Some root credentials of " + task.target()
            + " were not deleted" + (deletion.troubles().isEmpty() ? "" : ": " + String.join("; ", deletion.troubles()))
            + ". Still present:\n" + remaining.describe());
      }
      String lost = deletion.troubles().isEmpty() ? "" : " IAM's answers about " + String.join("; ", deletion.troubles())
          + " were lost or failed, but a re-read shows those credentials are gone.";
      return report(deleted(after) + lost, after);
    }

    @Override
    public Recheck recheck() {
      RootCredentials after = reads.credentials(false);
      RootCredentials remaining = after.only(found.ids());
      if (remaining.isEmpty()) {
        return Recheck.applied(report(deleted(after), after));
      }
      if (remaining.ids().equals(found.ids())) {
        return Recheck.notApplied(report("The root user of " + task.target() + " still has every credential that was"
            + " to be deleted.", after));
      }
      return new Recheck(Recheck.Effect.PARTLY_APPLIED, report("Deleted only part of the root user's credentials; still"
          + " present: " + remaining.count() + ".", after));
    }

    /** "Deleted every long-term credential …", saying what appeared after the first read and was left alone. */
    private String deleted(RootCredentials after) {
      List<String> appeared = after.ids().stream().filter(id -> !found.ids().contains(id)).collect(Collectors.toList());
      String headline = "Deleted " + found.count() + " of the root user of " + task.target() + "; it has";
      return appeared.isEmpty()
          ? headline + " no long-term credentials now."
          : headline + " new credentials since the first read, left alone because nobody approved deleting them: "
              + after.only(appeared).count() + ".";
    }

    private TaskReport report(String headline, RootCredentials after) {
      return new TaskReport(headline, found.describe(), after.describe(), AwsRegion.US_EAST_1);
    }
  }

  /** The deletions of one run; a failed one does not stop the others, and the re-read afterwards decides. */
  private record Deletion(TaskContext context, List<String> troubles) {
    /** Returns whether the credential may be gone: false only when IAM refused the call. */
    boolean run(String action, String verb, String what, Runnable call) {
      try {
        call.run();
        context.step(action, verb + " " + what);
        return true;
      } catch (NoSuchEntityException e) {
        context.step(action, what + " was already gone");
        return true;
      } catch (SdkException e) {
        boolean refused = ChangeCalls.refused(e);
        context.step(action, (refused ? "IAM refused: " + what + " was not " + verb : "no answer whether " + what
            + " was " + verb + "; the re-read below tells") + " (" + e.getMessage() + ")");
        troubles.add(what);
        return !refused;
      }
    }
  }
}

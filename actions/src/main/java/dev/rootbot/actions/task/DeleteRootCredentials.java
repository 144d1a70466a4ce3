package dev.rootbot.actions.task;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Deletes every long-term credential of the root user: password, access keys, signing certificates, and MFA
 * devices (deactivated, then deleted when virtual). Idempotent: whatever is already gone is reported, not failed.
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

  @Override
  public TaskReport perform(TaskContext context) {
    var reads = new RootUserReads(context);
    RootCredentials before = reads.credentials(false);
    if (before.isEmpty()) {
      return new TaskReport("The root user of " + target + " had no long-term credentials; nothing was deleted.",
          before.describe(), before.describe(), AwsRegion.US_EAST_1);
    }
    IamClient iam = context.session().iam();
    List<String> failures = new ArrayList<>();
    Deletion deletion = new Deletion(context, failures);
    before.password().ifPresent(p ->
        deletion.run("iam:DeleteLoginProfile", "password", () -> iam.deleteLoginProfile(r -> {})));
    for (var key : before.accessKeys()) {
      deletion.run("iam:DeleteAccessKey", "access key " + key.id(),
          () -> iam.deleteAccessKey(r -> r.accessKeyId(key.id())));
    }
    for (var certificate : before.signingCertificates()) {
      deletion.run("iam:DeleteSigningCertificate", "signing certificate " + certificate.id(),
          () -> iam.deleteSigningCertificate(r -> r.certificateId(certificate.id())));
    }
    for (var device : before.mfaDevices()) {
      boolean deactivated = deletion.run("iam:DeactivateMFADevice", "MFA device " + device.serialNumber(),
          () -> iam.deactivateMFADevice(r -> r.serialNumber(device.serialNumber())));
      if (deactivated && device.isVirtual()) {
        deletion.run("iam:DeleteVirtualMFADevice", "virtual MFA device " + device.serialNumber(),
            () -> iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber())));
      }
    }
    RootCredentials after = reads.credentials(false);
    if (!failures.isEmpty() || !after.isEmpty()) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED, "Some root credentials of " + target
          + " were not deleted" + (failures.isEmpty() ? "" : ": " + String.join("; ", failures))
          + ". Still present:\n" + after.describe());
    }
    return new TaskReport("Deleted every long-term credential of the root user of " + target + ".",
        before.describe(), after.describe(), AwsRegion.US_EAST_1);
  }

  /** One deletion: done, already gone, or failed; a failure does not stop the others. */
  private record Deletion(TaskContext context, List<String> failures) {
    boolean run(String action, String what, Runnable call) {
      try {
        call.run();
        context.step(action, "deleted " + what);
        return true;
      } catch (NoSuchEntityException e) {
        context.step(action, what + " was already gone");
        return true;
      } catch (TaskFailure | software.amazon.awssdk.core.exception.SdkException e) {
        context.step(action, "could not delete " + what + ": " + e.getMessage());
        failures.add(what);
        return false;
      }
    }
  }
}

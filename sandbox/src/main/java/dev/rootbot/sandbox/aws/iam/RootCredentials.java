package dev.rootbot.sandbox.aws.iam;

import java.util.List;

/**
 * What long-term credentials an account's root user has right now: a password (login profile), access keys,
 * signing certificates, and MFA devices (the assigned ones, and the virtual devices that still exist).
 */
public record RootCredentials(
    String account,
    boolean hasPassword,
    List<String> accessKeys,
    List<String> signingCertificates,
    List<String> mfaDevices,
    List<String> virtualMfaDevices) {

  public RootCredentials {
    accessKeys = List.copyOf(accessKeys);
    signingCertificates = List.copyOf(signingCertificates);
    mfaDevices = List.copyOf(mfaDevices);
    virtualMfaDevices = List.copyOf(virtualMfaDevices);
  }

  /** Whether the root user has no long-term credentials at all. */
  public boolean none() {
    return !hasPassword && accessKeys.isEmpty() && signingCertificates.isEmpty() && mfaDevices.isEmpty()
        && virtualMfaDevices.isEmpty();
  }
}

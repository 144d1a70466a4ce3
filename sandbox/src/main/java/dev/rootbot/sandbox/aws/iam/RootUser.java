package dev.rootbot.sandbox.aws.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's root user and its long-term credentials. Every method is synchronized, so each change to one
 * root user is atomic (two sessions deleting the same key: one succeeds, the other finds nothing).
 */
final class RootUser {
  record AccessKey(String id, Instant created, Optional<Instant> lastUsed, String lastService, String lastRegion) {}

  record SigningCertificate(String id, String body, Instant uploaded) {}

  record MfaDevice(String serial, boolean virtual, Optional<Instant> enabled) {}

  private final String account;
  private final Instant created;
  private Optional<Instant> loginProfile = Optional.empty();
  private Optional<Instant> passwordLastUsed = Optional.empty();
  private final Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
  private final Map<String, SigningCertificate> certificates = new LinkedHashMap<>();
  private final Map<String, MfaDevice> mfaDevices = new LinkedHashMap<>();

  RootUser(String account, Instant created) {
    this.account = account;
    this.created = created;
  }

  String account() {
    return account;
  }

  Instant created() {
    return created;
  }

  synchronized Optional<Instant> loginProfile() {
    return loginProfile;
  }

  /** Creates the login profile; false if there already is one. */
  synchronized boolean createLoginProfile(Instant now) {
    if (loginProfile.isPresent()) {
      return false;
    }
    loginProfile = Optional.of(now);
    return true;
  }

  synchronized boolean deleteLoginProfile() {
    boolean had = loginProfile.isPresent();
    loginProfile = Optional.empty();
    return had;
  }

  /** When the root user last signed in with its password, which GetUser reports; kept after the password goes. */
  synchronized Optional<Instant> passwordLastUsed() {
    return passwordLastUsed;
  }

  synchronized void passwordUsed(Instant at) {
    passwordLastUsed = Optional.of(at);
  }

  synchronized void addAccessKey(AccessKey key) {
    accessKeys.put(key.id(), key);
  }

  synchronized List<AccessKey> accessKeys() {
    return List.copyOf(accessKeys.values());
  }

  synchronized Optional<AccessKey> accessKey(String id) {
    return Optional.ofNullable(accessKeys.get(id));
  }

  synchronized boolean deleteAccessKey(String id) {
    return accessKeys.remove(id) != null;
  }

  synchronized void addCertificate(SigningCertificate certificate) {
    certificates.put(certificate.id(), certificate);
  }

  synchronized List<SigningCertificate> certificates() {
    return List.copyOf(certificates.values());
  }

  synchronized boolean deleteCertificate(String id) {
    return certificates.remove(id) != null;
  }

  synchronized void addMfaDevice(MfaDevice device) {
    mfaDevices.put(device.serial(), device);
  }

  /** The devices assigned to the root user, which ListMFADevices reports. */
  synchronized List<MfaDevice> assignedMfaDevices() {
    return mfaDevices.values().stream().filter(d -> d.enabled().isPresent()).toList();
  }

  synchronized List<MfaDevice> virtualMfaDevices() {
    return mfaDevices.values().stream().filter(MfaDevice::virtual).toList();
  }

  /** Unassigns a device; a virtual one keeps existing until deleted. False if it was not assigned. */
  synchronized boolean deactivateMfaDevice(String serial) {
    MfaDevice device = mfaDevices.get(serial);
    if (device == null || device.enabled().isEmpty()) {
      return false;
    }
    if (device.virtual()) {
      mfaDevices.put(serial, new MfaDevice(serial, true, Optional.empty()));
    } else {
      mfaDevices.remove(serial);
    }
    return true;
  }

  enum Deletion { DELETED, NOT_FOUND, IN_USE }

  synchronized Deletion deleteVirtualMfaDevice(String serial) {
    MfaDevice device = mfaDevices.get(serial);
    if (device == null || !device.virtual()) {
      return Deletion.NOT_FOUND;
    }
    if (device.enabled().isPresent()) {
      return Deletion.IN_USE;
    }
    mfaDevices.remove(serial);
    return Deletion.DELETED;
  }

  synchronized RootCredentials snapshot() {
    return new RootCredentials(account, loginProfile.isPresent(),
        accessKeys.keySet().stream().toList(),
        certificates.keySet().stream().toList(),
        assignedMfaDevices().stream().map(MfaDevice::serial).toList(),
        virtualMfaDevices().stream().map(MfaDevice::serial).toList());
  }
}

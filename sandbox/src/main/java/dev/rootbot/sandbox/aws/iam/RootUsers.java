package dev.rootbot.sandbox.aws.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The root users of the organization's accounts, and what each holds; thread-safe. */
public final class RootUsers {
  private final Map<String, RootUser> users = new ConcurrentHashMap<>();

  /** Adds the root user of {@code account}, created at {@code created}, with no credentials yet. */
  public void add(String account, Instant created) {
    users.putIfAbsent(account, new RootUser(account, created));
  }

  /** What credentials the root user of {@code account} has now. */
  public RootCredentials credentials(String account) {
    return user(account).snapshot();
  }

  /** Seeds a password (login profile). */
  public void givePassword(String account, Instant created) {
    user(account).createLoginProfile(created);
  }

  /** Seeds when the root user last signed in with its password. */
  public void passwordUsed(String account, Instant at) {
    user(account).passwordUsed(at);
  }

  public void giveAccessKey(String account, String accessKeyId, Instant created) {
    user(account).addAccessKey(new RootUser.AccessKey(accessKeyId, created, Optional.empty(), "N/A", "N/A"));
  }

  public void giveSigningCertificate(String account, String certificateId, String body, Instant uploaded) {
    user(account).addCertificate(new RootUser.SigningCertificate(certificateId, body, uploaded));
  }

  /** Seeds an assigned MFA device: a virtual one when the serial is an IAM ARN ({@code arn:aws:iam::…:mfa/…}). */
  public void giveMfaDevice(String account, String serial, Instant enabled) {
    boolean virtual = serial.startsWith("arn:aws:iam::");
    user(account).addMfaDevice(new RootUser.MfaDevice(serial, virtual, Optional.of(enabled)));
  }

  public List<String> accounts() {
    return users.keySet().stream().sorted().toList();
  }

  RootUser user(String account) {
    RootUser user = users.get(account);
    if (user == null) {
      throw new IllegalArgumentException("no account " + account + " in the organization");
    }
    return user;
  }
}

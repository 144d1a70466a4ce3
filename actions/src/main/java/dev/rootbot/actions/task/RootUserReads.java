package dev.rootbot.actions.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Reads a root user's credentials in a root session. The reads do not depend on each other, so they run
 * at the same time; each key's last use is read as soon as the key list arrives.
 *
 * <p>No call names a user: in a root session IAM acts on the root user, and AWS refuses {@code UserName}.
 */
final class RootUserReads {
  private final TaskContext context;
  private final IamClient iam;

  RootUserReads(TaskContext context) {
    this.context = context;
    this.iam = context.session().iam();
  }

  /** Everything the audit task policy can read. */
  RootCredentials all() {
    return withLastUse(true);
  }

  /** The credentials, with when the password and each access key were last used; no account summary. */
  RootCredentials withLastUse() {
    return withLastUse(false);
  }

  private RootCredentials withLastUse(boolean withSummary) {
    var user = async(this::lastSignIn);
    var summary = withSummary ? async(() -> {
      Map<String, Integer> map = iam.getAccountSummary(r -> {}).summaryMapAsStrings();
      context.step("iam:GetAccountSummary", "read the account summary");
      return map;
    }) : CompletableFuture.completedFuture(Map.<String, Integer>of());
    RootCredentials credentials = credentials(true);
    Optional<Instant> lastUsed = join(user);
    return new RootCredentials(
        credentials.password().map(p -> new RootCredentials.Password(p.created(), lastUsed)),
        credentials.accessKeys(), credentials.signingCertificates(), credentials.mfaDevices(), join(summary));
  }

  /**
   * The credentials with their last use, like {@link #withLastUse()}, but asking {@code GetUser} for the password's
   * last sign-in only when there is a password: one call fewer in most accounts, for audits of whole fleets. The
   * password's read and then {@code GetUser} take no longer than the access keys' list and then their last use.
   */
  RootCredentials withLastUseOfAPassword() {
    var password = async(() -> password().map(p -> new RootCredentials.Password(p.created(), lastSignIn())));
    var keys = async(() -> accessKeys(true));
    var certificates = async(this::signingCertificates);
    var mfa = async(this::mfaDevices);
    return new RootCredentials(join(password), join(keys), join(certificates), join(mfa), Map.of());
  }

  /** The credentials that can be deleted, with or without each key's last use. */
  RootCredentials credentials(boolean withLastUse) {
    var password = async(this::password);
    var keys = async(() -> accessKeys(withLastUse));
    var certificates = async(this::signingCertificates);
    var mfa = async(this::mfaDevices);
    return new RootCredentials(join(password), join(keys), join(certificates), join(mfa), Map.of());
  }

  private List<RootCredentials.SigningCertificate> signingCertificates() {
    var list = iam.listSigningCertificates(r -> {}).certificates().stream()
        .map(c -> new RootCredentials.SigningCertificate(
            c.certificateId(), c.statusAsString(), Optional.ofNullable(c.uploadDate())))
        .collect(Collectors.toList());
    context.step("iam:ListSigningCertificates", count(list.size(), "signing certificate"));
    return list;
  }

  private List<RootCredentials.MfaDevice> mfaDevices() {
    var list = iam.listMFADevices(r -> {}).mfaDevices().stream()
        .map(d -> new RootCredentials.MfaDevice(d.serialNumber(), Optional.ofNullable(d.enableDate())))
        .collect(Collectors.toList());
    context.step("iam:ListMFADevices", count(list.size(), "MFA device"));
    return list;
  }

  /** When the password was last used to sign in, as {@code GetUser} says. */
  private Optional<Instant> lastSignIn() {
    var user = iam.getUser(r -> {}).user();
    context.step("iam:GetUser", "read the root user");
    return Optional.ofNullable(user.passwordLastUsed());
  }

  Optional<RootCredentials.Password> password() {
    try {
      var profile = iam.getLoginProfile(r -> {}).loginProfile();
      context.step("iam:GetLoginProfile", "the root user has a password");
      return Optional.of(new RootCredentials.Password(Optional.ofNullable(profile.createDate()), Optional.empty()));
    } catch (NoSuchEntityException e) {
      context.step("iam:GetLoginProfile", "the root user has no password");
      return Optional.empty();
    }
  }

  private List<RootCredentials.AccessKey> accessKeys(boolean withLastUse) {
    List<AccessKeyMetadata> keys = iam.listAccessKeys(r -> {}).accessKeyMetadata();
    context.step("iam:ListAccessKeys", count(keys.size(), "access key"));
    var lastUses = keys.stream()
        .map(k -> withLastUse ? async(() -> lastUse(k.accessKeyId())) : CompletableFuture.completedFuture(
            Optional.<AccessKeyLastUsed>empty()))
        .collect(Collectors.toList());
    return java.util.stream.IntStream.range(0, keys.size()).mapToObj(i -> {
      AccessKeyMetadata key = keys.get(i);
      Optional<AccessKeyLastUsed> used = join(lastUses.get(i));
      return new RootCredentials.AccessKey(key.accessKeyId(), key.statusAsString(),
          Optional.ofNullable(key.createDate()),
          used.map(AccessKeyLastUsed::lastUsedDate),
          used.map(AccessKeyLastUsed::serviceName).filter(s -> !"N/A".equals(s)));
    }).collect(Collectors.toList());
  }

  private Optional<AccessKeyLastUsed> lastUse(String keyId) {
    AccessKeyLastUsed used = iam.getAccessKeyLastUsed(r -> r.accessKeyId(keyId)).accessKeyLastUsed();
    context.step("iam:GetAccessKeyLastUsed", "read when " + keyId + " was last used");
    return Optional.ofNullable(used);
  }

  private <T> CompletableFuture<T> async(Supplier<T> read) {
    return CompletableFuture.supplyAsync(read, context.parallel());
  }

  /** Waits for a read, rethrowing its own exception rather than a wrapper, so failures read the same as in sequence. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }

  private static String count(int n, String what) {
    return n == 0 ? "no " + what + "s" : n + " " + what + (n == 1 ? "" : "s");
  }
}

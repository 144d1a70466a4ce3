package dev.rootbot.actions.task;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What long-term credentials a member account's root user has, as read in a root session. */
public record RootCredentials(
    Optional<Password> password,
    List<AccessKey> accessKeys,
    List<SigningCertificate> signingCertificates,
    List<MfaDevice> mfaDevices,
    Map<String, Integer> accountSummary) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /** The root user's console password (its login profile). */
  public record Password(Optional<Instant> created, Optional<Instant> lastUsed) {}

  /** A root access key: its ID is an identifier, not a secret. */
  public record AccessKey(String id, String status, Optional<Instant> created, Optional<Instant> lastUsed,
      Optional<String> lastService) {}

  public record SigningCertificate(String id, String status, Optional<Instant> uploaded) {}

  public record MfaDevice(String serialNumber, Optional<Instant> enabled) {
    /** Only virtual devices can be deleted; hardware and passkeys are deactivated. */
    public boolean isVirtual() {
      return serialNumber.contains(":mfa/");
    }
  }

  /**
   * What identifies each credential, one a line, sorted: the password by its creation time (a password set
   * again is a new credential), keys and certificates by ID, MFA devices by serial number. Status and last use
   * are left out: they change as credentials are used, and do not change what a delete removes.
   */
  public List<String> ids() {
    List<String> ids = new ArrayList<>();
    password.ifPresent(p -> ids.add(id(p)));
    accessKeys.forEach(k -> ids.add(id(k)));
    signingCertificates.forEach(c -> ids.add(id(c)));
    mfaDevices.forEach(d -> ids.add(id(d)));
    ids.sort(null);
    return ids;
  }

  /** The fingerprint of these credentials for a task of {@code kind} in {@code account}: the kind, the account, {@link #ids()}. */
  public Fingerprint fingerprint(TaskKind kind, AccountId account) {
    List<String> lines = new ArrayList<>(List.of(kind.id(), "account " + account));
    lines.addAll(ids());
    return Fingerprint.ofLines(lines.toArray(String[]::new));
  }

  /** Only the credentials whose {@link #ids() identifier} is in {@code ids}. */
  public RootCredentials only(Collection<String> ids) {
    return new RootCredentials(password.filter(p -> ids.contains(id(p))),
        accessKeys.stream().filter(k -> ids.contains(id(k))).collect(Collectors.toList()),
        signingCertificates.stream().filter(c -> ids.contains(id(c))).collect(Collectors.toList()),
        mfaDevices.stream().filter(d -> ids.contains(id(d))).collect(Collectors.toList()), accountSummary);
  }

  private static String id(Password password) {
    return "password" + password.created().map(t -> " created " + t).orElse("");
  }

  private static String id(AccessKey key) {
    return "access key " + key.id();
  }

  private static String id(SigningCertificate certificate) {
    return "signing certificate " + certificate.id();
  }

  private static String id(MfaDevice device) {
    return "MFA device " + device.serialNumber();
  }

  /** "the password, 1 access key and 2 MFA devices", or "nothing". */
  public String count() {
    List<String> kinds = new ArrayList<>();
    password.ifPresent(p -> kinds.add("the password"));
    kinds.addAll(counted(accessKeys.size(), "access key"));
    kinds.addAll(counted(signingCertificates.size(), "signing certificate"));
    kinds.addAll(counted(mfaDevices.size(), "MFA device"));
    if (kinds.isEmpty()) {
      return "nothing";
    }
    if (kinds.size() == 1) {
      return kinds.get(0);
    }
    return String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
  }

  private static List<String> counted(int n, String what) {
    return n == 0 ? List.of() : List.of(n + " " + what + (n == 1 ? "" : "s"));
  }

  public boolean isEmpty() {
    return password.isEmpty() && accessKeys.isEmpty() && signingCertificates.isEmpty() && mfaDevices.isEmpty();
  }

  /** Several lines for a thread, one per kind of credential. */
  public String describe() {
    List<String> lines = new ArrayList<>();
    lines.add("Password: " + password
        .map(p -> "yes" + details(day("created", p.created()), day("last used", p.lastUsed())))
        .orElse("none"));
    lines.add("Access keys: " + listed(accessKeys.stream()
        .map(k -> k.id() + details(lower(k.status()), day("created", k.created()),
            day("last used", k.lastUsed()) + k.lastService().map(s -> " with " + s).orElse("")))
        .collect(Collectors.toList())));
    lines.add("Signing certificates: " + listed(signingCertificates.stream()
        .map(c -> c.id() + details(lower(c.status()), day("uploaded", c.uploaded())))
        .collect(Collectors.toList())));
    lines.add("MFA devices: " + listed(mfaDevices.stream()
        .map(d -> d.serialNumber() + details(d.isVirtual() ? "virtual" : "", day("enabled", d.enabled())))
        .collect(Collectors.toList())));
    return String.join("\n", lines);
  }

  private static String listed(List<String> items) {
    return items.isEmpty() ? "none" : String.join("; ", items);
  }

  private static String lower(String status) {
    return status.toLowerCase(Locale.ROOT);
  }

  private static String day(String label, Optional<Instant> when) {
    return when.map(t -> label + " " + day(t)).orElse("");
  }

  /** The UTC day of {@code when}, as 2024-01-15: enough for people judging a credential. */
  static String day(Instant when) {
    return DAY.format(when);
  }

  /** " (a, b)" from the parts that are not empty, or nothing. */
  private static String details(String... parts) {
    String joined = Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining(", "));
    return joined.isEmpty() ? "" : " (" + joined + ")";
  }
}

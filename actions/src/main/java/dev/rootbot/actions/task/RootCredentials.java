package dev.rootbot.actions.task;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
    return when.map(t -> label + " " + DAY.format(t)).orElse("");
  }

  /** " (a, b)" from the parts that are not empty, or nothing. */
  private static String details(String... parts) {
    String joined = Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining(", "));
    return joined.isEmpty() ? "" : " (" + joined + ")";
  }
}

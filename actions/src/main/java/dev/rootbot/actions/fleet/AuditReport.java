package dev.rootbot.actions.fleet;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.rootbot.actions.task.RootCredentials;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fleet audit's report as files, one row (or object) per account, pure. The columns, in this order:
 *
 * <table>
 *   <tr><th>column</th><th>value</th></tr>
 *   <tr><td>{@code account_id}</td><td>the 12-digit account ID</td></tr>
 *   <tr><td>{@code account_name}</td><td>its name in Organizations</td></tr>
 *   <tr><td>{@code ou_path}</td><td>the OUs from the root down, names joined by {@code /}; empty under the root</td></tr>
 *   <tr><td>{@code password}</td><td>{@code yes} or {@code no}: whether the root user has a console password</td></tr>
 *   <tr><td>{@code password_last_used}</td><td>when it was last used to sign in, ISO-8601 in UTC
 *       ({@code 2024-01-10T08:00:00Z}); empty when never, or no password</td></tr>
 *   <tr><td>{@code access_keys}</td><td>how many root access keys, a number</td></tr>
 *   <tr><td>{@code access_key_ids}</td><td>their IDs, joined by spaces</td></tr>
 *   <tr><td>{@code signing_certificates}</td><td>how many signing certificates, a number</td></tr>
 *   <tr><td>{@code mfa_devices}</td><td>the MFA devices' serial numbers joined by spaces (a virtual device's is its
 *       ARN, {@code arn:aws:iam::ID:mfa/NAME}); how many is the number of words</td></tr>
 *   <tr><td>{@code error}</td><td>empty when the credentials were read; else why not: its kind in lower case
 *       ({@code scp_denied}, {@code account_not_active}, {@code access_denied}, {@code aws_error}, …), a colon and
 *       the explanation; the credential columns are then empty</td></tr>
 * </table>
 *
 * <p>The JSON is {@code {"accounts": [...]}} with one object per account under the same names: {@code password} a
 * boolean, the counts numbers, the lists arrays, and {@code null} where the CSV is empty.
 */
public final class AuditReport {
  /** The columns, in order. */
  public static final List<String> COLUMNS = List.of("account_id", "account_name", "ou_path", "password",
      "password_last_used", "access_keys", "access_key_ids", "signing_certificates", "mfa_devices", "error");

  private AuditReport() {}

  /** The CSV of {@code results}, sorted by account name then ID, with a header row. */
  public static String csv(Collection<AccountAudit> results) {
    StringBuilder out = new StringBuilder();
    writeCsv(sorted(results), out);
    return out.toString();
  }

  /** Writes the header and then one row per result, in the order given, without holding them: for large fleets. */
  public static void writeCsv(Iterable<AccountAudit> results, Appendable out) {
    Csv.row(out, COLUMNS);
    for (AccountAudit result : results) {
      Csv.row(out, row(result));
    }
  }

  /** The JSON of {@code results}, sorted as the CSV is. */
  public static String json(Collection<AccountAudit> results) {
    JsonArray accounts = new JsonArray();
    for (AccountAudit result : sorted(results)) {
      JsonObject json = new JsonObject();
      json.addProperty("account_id", result.account().id().value());
      json.addProperty("account_name", result.account().name());
      json.addProperty("ou_path", result.account().ouPath());
      RootCredentials c = result.credentials().orElse(null);
      json.add("password", c == null ? JsonNull.INSTANCE : new JsonPrimitive(c.password().isPresent()));
      json.add("password_last_used", c == null ? JsonNull.INSTANCE : c.password().flatMap(p -> p.lastUsed())
          .<com.google.gson.JsonElement>map(t -> new JsonPrimitive(t.toString())).orElse(JsonNull.INSTANCE));
      json.add("access_keys", c == null ? JsonNull.INSTANCE : new JsonPrimitive(c.accessKeys().size()));
      json.add("access_key_ids", c == null ? JsonNull.INSTANCE : strings(c.accessKeys().stream()
          .map(RootCredentials.AccessKey::id).toList()));
      json.add("signing_certificates", c == null ? JsonNull.INSTANCE : new JsonPrimitive(c.signingCertificates().size()));
      json.add("mfa_devices", c == null ? JsonNull.INSTANCE : strings(c.mfaDevices().stream()
          .map(RootCredentials.MfaDevice::serialNumber).toList()));
      json.add("error", result.failure().<com.google.gson.JsonElement>map(f -> new JsonPrimitive(error(f)))
          .orElse(JsonNull.INSTANCE));
      accounts.add(json);
    }
    JsonObject report = new JsonObject();
    report.add("accounts", accounts);
    return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(report);
  }

  private static List<String> row(AccountAudit result) {
    List<String> row = new ArrayList<>(List.of(result.account().id().value(), result.account().name(),
        result.account().ouPath()));
    if (result.credentials().isPresent()) {
      RootCredentials c = result.credentials().get();
      row.add(c.password().isPresent() ? "yes" : "no");
      row.add(c.password().flatMap(RootCredentials.Password::lastUsed).map(Object::toString).orElse(""));
      row.add(String.valueOf(c.accessKeys().size()));
      row.add(c.accessKeys().stream().map(RootCredentials.AccessKey::id).collect(Collectors.joining(" ")));
      row.add(String.valueOf(c.signingCertificates().size()));
      row.add(c.mfaDevices().stream().map(RootCredentials.MfaDevice::serialNumber).collect(Collectors.joining(" ")));
      row.add("");
    } else {
      row.addAll(List.of("", "", "", "", "", ""));
      row.add(error(result.failure().orElseThrow()));
    }
    return row;
  }

  private static String error(AccountAudit.Failure failure) {
    return failure.reason().name().toLowerCase(Locale.ROOT) + ": " + failure.explanation();
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  static List<AccountAudit> sorted(Collection<AccountAudit> results) {
    return results.stream().sorted(Comparator.comparing((AccountAudit r) -> r.account().name())
        .thenComparing(r -> r.account().id().value())).toList();
  }
}

package dev.rootbot.actions.org;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.task.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * Finds the service control policies on an account's path that deny the root user without exempting root
 * sessions. SCPs still apply inside AssumeRoot sessions; a statement that denies {@code arn:aws:iam::*:root}
 * must carry {@code "Null": {"aws:AssumedRoot": "true"}} or root tasks fail with an explicit deny.
 *
 * <p>A pattern check, used to explain a task that already failed. {@link Preflight} evaluates the SCPs properly
 * before any root session, and {@link ScpStatus} does so for the whole organization.
 */
public final class ScpCheck {
  /** An SCP that blocks root tasks, and where it is attached. */
  public record Finding(String policyName, String policyId, String attachedTo) {}

  private final OrganizationsClient organizations;

  public ScpCheck(OrganizationsClient organizations) {
    this.organizations = organizations;
  }

  /** The fix, for messages: what to add to the offending statement's Condition. */
  public static String exemption() {
    return ScpFinding.EXEMPTION;
  }

  /** The SCPs attached to the account, its OUs or the root that deny root without the exemption. */
  public List<Finding> rootDenials(AccountId account) {
    List<Finding> findings = new ArrayList<>(denialsAt(account.value(), "account " + account));
    String child = account.value();
    while (true) {
      String of = child;
      var parents = organizations.listParents(r -> r.childId(of)).parents();
      if (parents.isEmpty()) {
        return findings;
      }
      Parent parent = parents.get(0);
      boolean root = parent.type() == ParentType.ROOT;
      findings.addAll(denialsAt(parent.id(), (root ? "the organization root" : "OU " + ouName(parent.id()))
          + " (" + parent.id() + ")"));
      if (root) {
        return findings;
      }
      child = parent.id();
    }
  }

  private List<Finding> denialsAt(String targetId, String label) {
    List<Finding> findings = new ArrayList<>();
    organizations.listPoliciesForTargetPaginator(r -> r.targetId(targetId).filter(PolicyType.SERVICE_CONTROL_POLICY))
        .stream().flatMap(page -> page.policies().stream())
        .forEach(summary -> {
          String content = organizations.describePolicy(r -> r.policyId(summary.id())).policy().content();
          if (deniesRootWithoutExemption(content)) {
            findings.add(new Finding(summary.name(), summary.id(), label));
          }
        });
    return findings;
  }

  private String ouName(String ouId) {
    try {
      return organizations.describeOrganizationalUnit(r -> r.organizationalUnitId(ouId)).organizationalUnit().name();
    } catch (SdkException e) {
      return ouId; // the ID still finds it; the name is only for people
    }
  }

  /** Whether a policy document has a Deny statement aimed at the root user that root sessions are not exempt from. */
  public static boolean deniesRootWithoutExemption(String policyJson) {
    JsonElement statements = JsonParser.parseString(policyJson).getAsJsonObject().get("Statement");
    List<JsonObject> list = new ArrayList<>();
    if (statements.isJsonArray()) {
      statements.getAsJsonArray().forEach(s -> list.add(s.getAsJsonObject()));
    } else {
      list.add(statements.getAsJsonObject());
    }
    return list.stream().anyMatch(s -> "Deny".equals(string(s.get("Effect"))) && aimsAtRoot(s) && !exempts(s));
  }

  private static boolean aimsAtRoot(JsonObject statement) {
    JsonObject condition = statement.getAsJsonObject("Condition");
    if (condition == null) {
      return false;
    }
    for (Map.Entry<String, JsonElement> operator : condition.entrySet()) {
      String op = operator.getKey().toLowerCase(Locale.ROOT);
      if (op.contains("not")) {
        continue;
      }
      for (Map.Entry<String, JsonElement> key : operator.getValue().getAsJsonObject().entrySet()) {
        if (key.getKey().equalsIgnoreCase("aws:PrincipalArn") && values(key.getValue()).stream()
            .anyMatch(v -> v.endsWith(":root"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean exempts(JsonObject statement) {
    JsonObject condition = statement.getAsJsonObject("Condition");
    for (Map.Entry<String, JsonElement> operator : condition.entrySet()) {
      String op = operator.getKey().toLowerCase(Locale.ROOT);
      for (Map.Entry<String, JsonElement> key : operator.getValue().getAsJsonObject().entrySet()) {
        if (!key.getKey().equalsIgnoreCase("aws:AssumedRoot")) {
          continue;
        }
        List<String> values = values(key.getValue());
        // Deny only where the key is absent, or only where it is false: either way root sessions pass.
        if (op.equals("null") && values.contains("true")) {
          return true;
        }
        if (op.startsWith("bool") && values.contains("false")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> values(JsonElement element) {
    List<String> values = new ArrayList<>();
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(v -> values.add(v.getAsString().toLowerCase(Locale.ROOT)));
    } else {
      values.add(element.getAsString().toLowerCase(Locale.ROOT));
    }
    return values;
  }

  private static String string(JsonElement element) {
    return element == null ? "" : element.getAsString();
  }
}

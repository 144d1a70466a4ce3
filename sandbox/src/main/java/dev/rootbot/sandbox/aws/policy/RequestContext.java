package dev.rootbot.sandbox.aws.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a policy is evaluated against: the action, the resource, who asks and the condition keys.
 *
 * <p>Condition key names are case-insensitive, as in IAM.
 */
public record RequestContext(
    String action, String resource, String principalArn, String principalAccount, Map<String, String> keys) {

  public RequestContext {
    var lowered = new TreeMap<String, String>();
    keys.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
    keys = Map.copyOf(lowered);
  }

  public Optional<String> key(String name) {
    return Optional.ofNullable(keys.get(name.toLowerCase(Locale.ROOT)));
  }
}

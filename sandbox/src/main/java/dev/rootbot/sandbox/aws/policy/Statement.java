package dev.rootbot.sandbox.aws.policy;

import java.util.List;
import java.util.Optional;

/** One statement of a policy document; empty lists and absent principals mean the element was not given. */
record Statement(
    boolean allow,
    List<String> actions,
    boolean notAction,
    List<String> resources,
    boolean notResource,
    Optional<List<String>> principals,
    boolean notPrincipal,
    List<Condition> conditions) {

  boolean applies(RequestContext context) {
    return principalMatches(context)
        && (notAction != actions.stream().anyMatch(a -> Wildcard.matchesIgnoringCase(a, context.action())))
        && (resources.isEmpty()
            || notResource != resources.stream().anyMatch(r -> Wildcard.matches(r, context.resource())))
        && conditions.stream().allMatch(c -> c.holds(context));
  }

  private boolean principalMatches(RequestContext context) {
    if (principals.isEmpty()) {
      return true; // identity policies and SCPs have no Principal element
    }
    boolean named = principals.get().stream().anyMatch(p -> names(p, context));
    return notPrincipal != named;
  }

  /** "*", an account ID or its root ARN (meaning every principal of that account), or one principal's ARN. */
  private static boolean names(String principal, RequestContext context) {
    if (principal.equals("*")) {
      return true;
    }
    String account = context.principalAccount();
    return principal.equals(account)
        || principal.equals("arn:aws:iam::" + account + ":root")
        || principal.equals(context.principalArn());
  }
}

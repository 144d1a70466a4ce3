package dev.rootbot.actions.org.scp;

import dev.rootbot.actions.task.AccountId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What AWS puts in the request context of a call made in an AssumeRoot session in {@code account}, as far as it
 * can be known before the call. Every other key (tags, source IP and VPC, time, MFA, …) is unknown, so a
 * condition on it is undecidable.
 *
 * <p>{@code aws:PrincipalType} is {@code Account}, the value AWS documents for the root user (AWS documents no
 * other value for AssumeRoot sessions). {@code aws:PrincipalIsAWSService} and {@code aws:ViaAWSService} are
 * {@code false}: the bot calls the service itself.
 *
 * @param organizationPath {@code aws:PrincipalOrgPaths}, like {@code o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/},
 *     when the account's place in the organization is known
 */
public record RootSessionContext(AccountId account, String organizationId, Optional<String> organizationPath) {

  /** The root user's ARN, {@code aws:PrincipalArn} of every root session in the account. */
  public String principalArn() {
    return "arn:aws:iam::" + account + ":root";
  }

  /** The values of a condition key for {@code call}; empty when the key cannot be known before the call. */
  Optional<List<String>> values(String key, RootCall call) {
    switch (key.toLowerCase(Locale.ROOT)) {
      case "aws:assumedroot": return Optional.of(List.of("true"));
      case "aws:principalarn": return Optional.of(List.of(principalArn()));
      case "aws:principalaccount": return Optional.of(List.of(account.value()));
      case "aws:principalorgid": return Optional.of(List.of(organizationId));
      case "aws:principalorgpaths": return organizationPath.map(List::of);
      case "aws:principaltype": return Optional.of(List.of("Account"));
      case "aws:principalisawsservice":
      case "aws:viaawsservice": return Optional.of(List.of("false"));
      case "aws:requestedregion": return call.region().map(r -> List.of(r.code()));
      default: return Optional.empty();
    }
  }
}

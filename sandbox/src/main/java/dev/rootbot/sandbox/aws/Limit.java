package dev.rootbot.sandbox.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request-rate limit: at most {@code perSecond} calls a second to the operations {@code operation} names
 * ({@code sts:AssumeRoot}, or a wildcard like {@code iam:*}), counted together for all callers, or, when
 * {@code perAccount}, separately for each calling account (a root session calls as its member account).
 *
 * <p>Written {@code OPERATION=RATE} or {@code OPERATION=RATE/account} on the command line, e.g.
 * {@code sts:AssumeRoot=50} or {@code iam:*=10/account}; {@link #parse} reads that form.
 */
public record Limit(String operation, double perSecond, boolean perAccount) {
  private static final Pattern TEXT = Pattern.compile("([^=]+)=([0-9]+(?:\\.[0-9]+)?)(/account)?");

  public Limit {
    Faults.checkedOperation(operation);
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("a rate limit is a positive number of calls a second, not " + perSecond);
    }
  }

  /** Reads {@code OPERATION=RATE} or {@code OPERATION=RATE/account}, or says what is wrong with it. */
  public static Limit parse(String text) {
    Matcher matcher = TEXT.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("a rate limit reads OPERATION=RATE or OPERATION=RATE/account, e.g. "
          + "sts:AssumeRoot=50 or 'iam:*=10/account', not '" + text + "'");
    }
    return new Limit(matcher.group(1), Double.parseDouble(matcher.group(2)), matcher.group(3) != null);
  }

  /** The most calls let through at once after a quiet spell: one second's worth, and at least one. */
  public double burst() {
    return Math.max(1, perSecond);
  }

  @Override
  public String toString() {
    String rate = perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    return operation + "=" + rate + (perAccount ? "/account" : "");
  }
}

package dev.rootbot.actions.task;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/** A real AWS region code such as {@code eu-west-1}; never a pseudo-region like {@code aws-global}. */
public record AwsRegion(String code) {
  private static final Pattern SHAPE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Set<String> KNOWN = known();

  public static final AwsRegion US_EAST_1 = new AwsRegion("us-east-1");

  public AwsRegion {
    if (code == null || !SHAPE.matcher(code).matches() || !KNOWN.contains(code)) {
      throw new InvalidInput(
          "a region is an AWS region code, like us-east-1 or eu-west-1; got " + Quote.of(code));
    }
  }

  public static AwsRegion parse(String text) {
    return new AwsRegion(text == null ? null : text.strip().toLowerCase(java.util.Locale.ROOT));
  }

  /** The AWS SDK's region, for building clients. */
  public Region sdkRegion() {
    return Region.of(code);
  }

  @Override
  public String toString() {
    return code;
  }

  private static Set<String> known() {
    var codes = new TreeSet<String>();
    for (Region region : Region.regions()) {
      if (!region.isGlobalRegion() && SHAPE.matcher(region.id()).matches()) {
        codes.add(region.id());
      }
    }
    return Set.copyOf(codes);
  }
}

package dev.rootbot.sandbox.aws.wire;

/** One simulated service: answers an authenticated call, or throws an {@link AwsException}. */
@FunctionalInterface
public interface Handler {
  AwsResponse handle(Call call);
}

package dev.rootbot.sandbox.aws.wire;

import java.util.Map;
import java.util.function.Function;

/**
 * One simulated service: the operations it answers, by name, and how it refuses one it does not.
 *
 * <p>The dispatcher authorizes a call to an operation that is not answered before refusing it, as AWS decides
 * who may call before what the call does: a root session asking for more than its task policy allows is told
 * {@code AccessDenied}, whichever operation it asked for.
 */
public interface Handler {
  /** The operations this service answers, by name ({@code GetUser}); each answers or throws an {@link AwsException}. */
  Map<String, Function<Call, AwsResponse>> operations();

  /** The refusal of an operation this service does not answer, in its protocol's words. */
  AwsException unknown(Call call);
}

package dev.rootbot.actions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Loses AWS's answer to chosen operations after the simulated AWS has acted on them, as a connection dropped
 * on the way back would: the SDK sees a read timeout and retries as it does for one, so each attempt is sent,
 * performed and its answer lost again, until the retries run out.
 */
final class LostAnswers implements ExecutionInterceptor {
  private final Map<String, AtomicInteger> toLose = new ConcurrentHashMap<>();
  private final AtomicInteger lost = new AtomicInteger();
  private volatile Runnable onEachLoss = () -> {};

  /** Loses the next {@code times} answers to {@code operation}, e.g. "DeleteBucketPolicy". */
  LostAnswers lose(String operation, int times) {
    toLose.put(operation, new AtomicInteger(times));
    return this;
  }

  /** Loses every answer to {@code operation}. */
  LostAnswers loseEvery(String operation) {
    return lose(operation, Integer.MAX_VALUE);
  }

  /** Also does {@code action} each time an answer is lost, e.g. to let the session expire meanwhile. */
  LostAnswers onEachLoss(Runnable action) {
    onEachLoss = action;
    return this;
  }

  /** How many answers were lost so far. */
  int lost() {
    return lost.get();
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    AtomicInteger left = toLose.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    if (left == null || left.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
      return;
    }
    context.responseBody().ifPresent(LostAnswers::close);
    lost.incrementAndGet();
    onEachLoss.run();
    throw SdkClientException.builder().message("Unable to execute HTTP request: Read timed out")
        .cause(new SocketTimeoutException("Read timed out")).build();
  }

  private static void close(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.rootbot.actions.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Hears every attempt of an AWS call that AWS throttled ({@code Throttling}, {@code SlowDown},
 * {@code TooManyRequestsException}, HTTP 429, …) as the SDK is about to retry it, so that work spread over many
 * accounts can slow down before the SDK's retries run out. One per {@link AwsClients}, shared by all its clients.
 *
 * <p>The SDK asks its retry strategy whether a failed attempt was throttling only when it will retry it; the last
 * attempt's throttling reaches the caller as the exception itself, which the caller judges with
 * {@link #isThrottling}. Thread-safe; listeners are called on the thread that made the call, so they must be quick.
 */
public final class Throttling {
  /** A throttled attempt: the client's service ({@code sts}, {@code iam}, …) and whether a root session made it. */
  public record Throttled(String service, boolean rootSession) {}

  /** Hears throttled attempts while it is registered. */
  public interface Listener {
    void throttled(Throttled call);
  }

  /** A registration, ended by {@link #close}. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong count = new AtomicLong();

  /** Whether {@code failure} is AWS throttling the call, as the SDK itself decides it. */
  public static boolean isThrottling(Throwable failure) {
    return failure instanceof SdkServiceException && ((SdkServiceException) failure).isThrottlingException();
  }

  /** Registers {@code listener} until the registration is closed. */
  public Registration listen(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** How many throttled attempts the SDK has retried so far. */
  public long count() {
    return count.get();
  }

  /**
   * The retry strategy's throttling test for one client: says whether {@code failure} is throttling (so that the
   * SDK waits longer before the retry) and tells the listeners when it is.
   */
  boolean judge(String service, boolean rootSession, Throwable failure) {
    if (!isThrottling(failure)) {
      return false;
    }
    count.incrementAndGet();
    Throttled call = new Throttled(service, rootSession);
    for (Listener listener : listeners) {
      try {
        listener.throttled(call);
      } catch (RuntimeException e) {
        // A listener's bug must not change how the SDK retries the call.
      }
    }
    return true;
  }
}

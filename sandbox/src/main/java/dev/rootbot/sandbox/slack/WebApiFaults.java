package dev.rootbot.sandbox.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The faults the Web API is told to answer with, consumed call by call. Thread-safe. */
final class WebApiFaults implements Faults {

  /** One fault to answer with: for which method ({@code ""} for all), how many more calls (-1 for all). */
  record Fault(Kind kind, String method, int remaining, Duration retryAfter) {
    enum Kind { UNAVAILABLE, RATE_LIMITED }
  }

  private final List<Fault> faults = new ArrayList<>();

  @Override
  public synchronized void outage() {
    faults.add(new Fault(Fault.Kind.UNAVAILABLE, "", -1, Duration.ZERO));
  }

  @Override
  public synchronized void outageFor(int calls) {
    faults.add(new Fault(Fault.Kind.UNAVAILABLE, "", positive(calls), Duration.ZERO));
  }

  @Override
  public synchronized void rateLimit(Duration retryAfter) {
    faults.add(new Fault(Fault.Kind.RATE_LIMITED, "", -1, retryAfter));
  }

  @Override
  public synchronized void rateLimitFor(int calls, Duration retryAfter) {
    faults.add(new Fault(Fault.Kind.RATE_LIMITED, "", positive(calls), retryAfter));
  }

  @Override
  public synchronized void rateLimit(String method, int calls, Duration retryAfter) {
    faults.add(new Fault(Fault.Kind.RATE_LIMITED, method, positive(calls), retryAfter));
  }

  @Override
  public synchronized void recover() {
    faults.clear();
  }

  /** The fault the next call to {@code method} gets, counting it against that fault's remaining calls. */
  synchronized Optional<Fault> next(String method) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault fault = it.next();
      if (!fault.method().isEmpty() && !fault.method().equals(method)) {
        continue;
      }
      if (fault.remaining() == 1) {
        it.remove();
      } else if (fault.remaining() > 1) {
        faults.set(faults.indexOf(fault), new Fault(fault.kind(), fault.method(), fault.remaining() - 1,
            fault.retryAfter()));
      }
      return Optional.of(fault);
    }
    return Optional.empty();
  }

  private static int positive(int calls) {
    if (calls < 1) {
      throw new IllegalArgumentException("a fault lasts for at least one call: " + calls);
    }
    return calls;
  }
}

package dev.rootbot.sandbox.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The faults the Web API is told to answer with, consumed call by call. Thread-safe. */
final class WebApiFaults implements Faults {

  /**
   * One fault to answer with: for which method ({@code ""} for all), how many more calls (-1 for all), and a
   * duration: the {@code Retry-After} of a rate limit, the delay of a late answer.
   */
  record Fault(Kind kind, String method, int remaining, Duration duration) {
    enum Kind {
      UNAVAILABLE, RATE_LIMITED, CONNECTION_CLOSED, CUT_OFF, SERVER_ERROR, LATE;

      /** Whether Slack does what the call asked before the fault strikes its answer. */
      boolean performs() {
        return this != UNAVAILABLE && this != RATE_LIMITED;
      }
    }

    Fault counted() {
      return new Fault(kind, method, remaining - 1, duration);
    }
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
    faults.add(new Fault(Fault.Kind.RATE_LIMITED, method(method), positive(calls), retryAfter));
  }

  @Override
  public void loseAnswers(String method, int calls) {
    loseAnswers(method, calls, LostAnswer.CONNECTION_CLOSED);
  }

  @Override
  public synchronized void loseAnswers(String method, int calls, LostAnswer how) {
    Fault.Kind kind = switch (Objects.requireNonNull(how, "how")) {
      case CONNECTION_CLOSED -> Fault.Kind.CONNECTION_CLOSED;
      case CUT_OFF -> Fault.Kind.CUT_OFF;
      case SERVER_ERROR -> Fault.Kind.SERVER_ERROR;
    };
    faults.add(new Fault(kind, method(method), positive(calls), Duration.ZERO));
  }

  @Override
  public synchronized void answerLate(String method, Duration delay, int calls) {
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("a late answer comes a positive time later: " + delay);
    }
    faults.add(new Fault(Fault.Kind.LATE, method(method), positive(calls), delay));
  }

  @Override
  public synchronized void recover() {
    faults.clear();
  }

  /** The fault the next call to {@code method} gets, counting it against that fault's remaining calls. */
  synchronized Optional<Fault> next(String method) {
    for (int i = 0; i < faults.size(); i++) {
      Fault fault = faults.get(i);
      if (!fault.method().isEmpty() && !fault.method().equals(method)) {
        continue;
      }
      if (fault.remaining() == 1) {
        faults.remove(i);
      } else if (fault.remaining() > 1) {
        faults.set(i, fault.counted());
      }
      return Optional.of(fault);
    }
    return Optional.empty();
  }

  private static String method(String method) {
    if (!method.matches("[a-z]+(\\.[a-zA-Z]+)+")) {
      throw new IllegalArgumentException("a Web API method is named like chat.postMessage: " + method);
    }
    return method;
  }

  private static int positive(int calls) {
    if (calls < 1) {
      throw new IllegalArgumentException("a fault lasts for at least one call: " + calls);
    }
    return calls;
  }
}

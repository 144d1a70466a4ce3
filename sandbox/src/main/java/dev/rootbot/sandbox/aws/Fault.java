package dev.rootbot.sandbox.aws;

import java.time.Duration;

/**
 * A misbehaviour to inject into one operation: added latency, throttling in the service's own words, a 500 or
 * 503, or a lost answer (the operation is done, then the connection drops), on every call ({@link #always()},
 * the default), on the next {@code n} calls, or at random with probability {@code rate}.
 *
 * <pre>{@code
 * aws.faults().inject("s3:DeleteBucketPolicy", Fault.throttling().times(1));
 * aws.faults().inject("cloudtrail:LookupEvents", Fault.latency(Duration.ofMillis(100)).always());
 * aws.faults().inject("sts:AssumeRoot", Fault.serverError(503).rate(0.5));
 * aws.faults().inject("s3:DeleteBucketPolicy", Fault.lostAnswer());   // deleted, but the SDK never hears so
 * }</pre>
 */
public record Fault(Kind kind, Duration latency, int status, int times, double rate) {
  /** What happens when the fault fires. */
  public enum Kind {
    /** The call waits {@code latency}, then proceeds. */
    LATENCY,
    /** The call fails with the service's throttling error, which the AWS SDK retries as throttling. */
    THROTTLING,
    /** The call fails with {@code InternalError} (500) or {@code ServiceUnavailable} (503). */
    SERVER_ERROR,
    /**
     * The call is done as usual (state changes, the call and its CloudTrail event are recorded), then the
     * connection is closed before any answer is written: the AWS SDK sees an I/O error (an
     * {@code SdkClientException}, "The target server failed to respond"), which it retries like any I/O error.
     */
    LOST_ANSWER
  }

  static final int UNLIMITED = -1;

  public Fault {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("a rate is a probability between 0 and 1");
    }
    if (times == 0 || times < UNLIMITED) {
      throw new IllegalArgumentException("times must be at least 1");
    }
  }

  public static Fault latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency cannot be negative");
    }
    return new Fault(Kind.LATENCY, latency, 0, UNLIMITED, 1.0);
  }

  public static Fault throttling() {
    return new Fault(Kind.THROTTLING, Duration.ZERO, 0, UNLIMITED, 1.0);
  }

  /** A 500 ({@code InternalError}) or a 503 ({@code ServiceUnavailable}). */
  public static Fault serverError(int status) {
    if (status != 500 && status != 503) {
      throw new IllegalArgumentException("a server error is 500 or 503, not " + status);
    }
    return new Fault(Kind.SERVER_ERROR, Duration.ZERO, status, UNLIMITED, 1.0);
  }

  /** The operation takes effect but its answer never reaches the caller; see {@link Kind#LOST_ANSWER}. */
  public static Fault lostAnswer() {
    return new Fault(Kind.LOST_ANSWER, Duration.ZERO, 0, UNLIMITED, 1.0);
  }

  public Fault once() {
    return times(1);
  }

  /** Fires on the next {@code n} calls (of those its rate lets through), then never again. */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    return new Fault(kind, latency, status, n, rate);
  }

  public Fault always() {
    return new Fault(kind, latency, status, UNLIMITED, rate);
  }

  /** Fires on each call with probability {@code probability}. */
  public Fault rate(double probability) {
    return new Fault(kind, latency, status, times, probability);
  }
}

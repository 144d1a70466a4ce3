package dev.rootbot.sandbox.aws;

import java.time.Duration;

/** The latency added to every call before it is handled ({@code --latency-ms}); none unless set. Thread-safe. */
final class Latency {
  private volatile Duration everyCall = Duration.ZERO;

  void set(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency cannot be negative");
    }
    everyCall = latency;
  }

  Duration get() {
    return everyCall;
  }

  void await() {
    Faults.sleep(everyCall);
  }
}

package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.wire.BoundedLog;

/**
 * Every call received, in the order they finished, keeping at least the most recent {@link #DEFAULT_CAPACITY}
 * (see {@link SimulatedAws#retain(int)}); appended under a lock and read as snapshots.
 */
final class CallLog {
  static final int DEFAULT_CAPACITY = 100_000;

  private final BoundedLog<RecordedCall> calls = new BoundedLog<>(DEFAULT_CAPACITY);

  void add(RecordedCall call) {
    calls.append(number -> call);
  }

  void capacity(int capacity) {
    calls.capacity(capacity);
  }

  long dropped() {
    return calls.dropped();
  }

  RecordedCalls snapshot() {
    return new RecordedCalls(calls.all());
  }
}

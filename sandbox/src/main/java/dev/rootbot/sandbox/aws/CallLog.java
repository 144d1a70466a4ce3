package dev.rootbot.sandbox.aws;

import java.util.ArrayList;
import java.util.List;

/** Every call received, in the order they finished; appended under a lock and read as snapshots. */
final class CallLog {
  private final List<RecordedCall> calls = new ArrayList<>();

  synchronized void add(RecordedCall call) {
    calls.add(call);
  }

  synchronized RecordedCalls snapshot() {
    return new RecordedCalls(calls);
  }
}

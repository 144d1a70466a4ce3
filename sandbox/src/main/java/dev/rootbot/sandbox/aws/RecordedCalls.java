package dev.rootbot.sandbox.aws;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Predicate;

/** A snapshot of recorded calls, oldest first, with filters that return snapshots too. */
public final class RecordedCalls extends AbstractList<RecordedCall> {
  private final List<RecordedCall> calls;

  RecordedCalls(List<RecordedCall> calls) {
    this.calls = List.copyOf(calls);
  }

  public RecordedCalls withAccessKey(String accessKeyId) {
    return where(c -> c.accessKeyId().equals(accessKeyId));
  }

  /** Calls of one operation, e.g. {@code sts:AssumeRoot}. */
  public RecordedCalls withAction(String action) {
    return where(c -> c.action().equals(action));
  }

  public RecordedCalls inAccount(String account) {
    return where(c -> c.account().equals(account));
  }

  public RecordedCalls refused() {
    return where(RecordedCall::refused);
  }

  public RecordedCalls where(Predicate<RecordedCall> condition) {
    return new RecordedCalls(calls.stream().filter(condition).toList());
  }

  @Override
  public RecordedCall get(int index) {
    return calls.get(index);
  }

  @Override
  public int size() {
    return calls.size();
  }
}

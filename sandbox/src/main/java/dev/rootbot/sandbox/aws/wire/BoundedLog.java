package dev.rootbot.sandbox.aws.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * An append-only log that numbers its entries from 1 and keeps at least the most recent {@code capacity} of
 * them, so that a long benchmark (10,000 accounts audited several times) cannot exhaust memory. The oldest
 * entries are dropped in batches of a sixteenth of the capacity, which keeps appends cheap; {@link #dropped()}
 * says how many are gone.
 *
 * <p>Thread-safe: appends and reads hold the log's lock, and reads return copies.
 */
public final class BoundedLog<T> {
  private final List<T> entries = new ArrayList<>();
  private volatile int capacity;
  private long dropped;

  public BoundedLog(int capacity) {
    capacity(capacity);
  }

  /** Changes how many entries are kept at least; the log trims itself at the next append. */
  public void capacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a log keeps at least one entry, not " + capacity);
    }
    this.capacity = capacity;
  }

  public int capacity() {
    return capacity;
  }

  /** Appends the entry {@code make} builds from its number (one more than the last one's), and returns it. */
  public synchronized <E extends T> E append(LongFunction<E> make) {
    E entry = make.apply(dropped + entries.size() + 1);
    entries.add(entry);
    if (entries.size() > capacity + capacity / 16) {
      int excess = entries.size() - capacity;
      entries.subList(0, excess).clear();
      dropped += excess;
    }
    return entry;
  }

  /** The entries kept, oldest first. */
  public synchronized List<T> all() {
    return List.copyOf(entries);
  }

  /** The kept entries numbered above {@code number}, oldest first. */
  public synchronized List<T> after(long number) {
    long from = Math.max(0, number - dropped);
    return from >= entries.size() ? List.of() : List.copyOf(entries.subList((int) from, entries.size()));
  }

  /** How many of the oldest entries were dropped to keep within the capacity. */
  public synchronized long dropped() {
    return dropped;
  }

  /** The number of the last entry appended, 0 when none was. */
  public synchronized long last() {
    return dropped + entries.size();
  }
}

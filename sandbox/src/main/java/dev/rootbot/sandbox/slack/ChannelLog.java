package dev.rootbot.sandbox.slack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One channel's messages in timestamp order, indexed so that what the Web API asks per call costs no scan
 * of the whole channel: a message by ts, the channel's own timeline ({@code conversations.history}), and
 * each thread's replies. Deleted messages keep their place, marked, and every read leaves them out.
 *
 * <p>Not thread-safe: {@link WorkspaceState} guards it.
 */
final class ChannelLog {
  private final NavigableMap<String, Message> byTs = new TreeMap<>(Ts.ORDER);
  private final NavigableSet<String> timeline = new TreeSet<>(Ts.ORDER);
  private final Map<String, List<String>> replies = new HashMap<>();

  void post(Message message) {
    byTs.put(message.ts(), message);
    if (message.inChannel()) {
      timeline.add(message.ts());
    }
    if (message.isReply()) {
      // The workspace issues ever-larger timestamps, so appending keeps each thread in order.
      replies.computeIfAbsent(message.threadTs().orElseThrow(), t -> new ArrayList<>()).add(message.ts());
    }
  }

  /** Puts a changed version of a message in its place; its ts and thread do not change. */
  void replace(Message message) {
    byTs.put(message.ts(), message);
  }

  /** The message, deleted or not. */
  Optional<Message> any(String ts) {
    return Optional.ofNullable(byTs.get(ts));
  }

  Optional<Message> get(String ts) {
    return any(ts).filter(m -> !m.deleted());
  }

  /** Every message, replies included, oldest first. */
  List<Message> all() {
    return byTs.values().stream().filter(m -> !m.deleted()).toList();
  }

  /** The replies in the thread of {@code rootTs}, oldest first. */
  List<Message> replies(String rootTs) {
    List<Message> found = new ArrayList<>();
    for (String ts : replies.getOrDefault(rootTs, List.of())) {
      get(ts).ifPresent(found::add);
    }
    return found;
  }

  /** The thread's first message and its replies, oldest first; empty when there is no such message. */
  List<Message> thread(String rootTs) {
    Optional<Message> root = get(rootTs);
    if (root.isEmpty()) {
      return List.of();
    }
    List<Message> thread = new ArrayList<>();
    thread.add(root.get());
    thread.addAll(replies(rootTs));
    return thread;
  }

  /**
   * Up to {@code limit + 1} messages of the channel's own timeline, newest first, from {@code latest} down to
   * {@code oldest} (canonical timestamps, each bound counted or not): one more than asked for, so that the
   * caller knows whether there are more.
   */
  List<Message> timeline(String oldest, boolean withOldest, String latest, boolean withLatest, int limit) {
    List<Message> page = new ArrayList<>();
    if (Ts.ORDER.compare(oldest, latest) > 0) {
      return page;
    }
    for (String ts : timeline.subSet(oldest, withOldest, latest, withLatest).descendingSet()) {
      Optional<Message> message = get(ts);
      if (message.isPresent()) {
        page.add(message.get());
        if (page.size() > limit) {
          break;
        }
      }
    }
    return page;
  }
}

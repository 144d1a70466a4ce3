package dev.rootbot.sandbox.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the workspace holds: messages per channel, ephemeral messages, open views per person, and the
 * record of Web API calls and {@code response_url} posts.
 *
 * <p>Threading: Jetty threads change it while test threads read and wait on it. One monitor guards
 * everything; every change wakes the waiters, then tells the listeners outside the monitor so that a
 * listener may read the state without deadlock.
 */
final class WorkspaceState {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceState.class);

  private final Map<String, LinkedHashMap<String, Message>> messages = new LinkedHashMap<>();
  private final List<Ephemeral> ephemerals = new ArrayList<>();
  private final Map<String, View> views = new LinkedHashMap<>();
  private final Map<String, Deque<String>> viewStacks = new LinkedHashMap<>();
  private final List<ApiCall> calls = new ArrayList<>();
  private final List<ResponseUrlPost> responseUrlPosts = new ArrayList<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

  void addListener(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** Tells waiters and listeners about a change made elsewhere, such as to the directory. */
  void announce(Change change) {
    change(() -> change);
  }

  // ---- messages ----

  void post(Message message) {
    change(() -> {
      messages.computeIfAbsent(message.channel(), c -> new LinkedHashMap<>()).put(message.ts(), message);
      return new Change(Change.Kind.MESSAGE_POSTED, message.channel(), "", message.ts());
    });
  }

  /** Replaces a message with {@code update} applied to it; false when there is no such message. */
  boolean update(String channel, String ts, UnaryOperator<Message> update) {
    boolean[] found = {false};
    change(() -> {
      Map<String, Message> inChannel = messages.getOrDefault(channel, new LinkedHashMap<>());
      Message current = inChannel.get(ts);
      if (current == null || current.deleted()) {
        return null;
      }
      Message updated = update.apply(current);
      inChannel.put(ts, updated);
      found[0] = true;
      return new Change(updated.deleted() ? Change.Kind.MESSAGE_DELETED : Change.Kind.MESSAGE_CHANGED, channel, "", ts);
    });
    return found[0];
  }

  synchronized Optional<Message> message(String channel, String ts) {
    return Optional.ofNullable(messages.getOrDefault(channel, new LinkedHashMap<>()).get(ts)).filter(m -> !m.deleted());
  }

  /** Every message in the channel, replies included, oldest first. */
  synchronized List<Message> messages(String channel) {
    return messages.getOrDefault(channel, new LinkedHashMap<>()).values().stream().filter(m -> !m.deleted()).toList();
  }

  /** The thread's first message and its replies, oldest first; empty when there is no such message. */
  synchronized List<Message> thread(String channel, String threadTs) {
    return messages(channel).stream()
        .filter(m -> m.ts().equals(threadTs) || m.threadTs().filter(threadTs::equals).isPresent())
        .toList();
  }

  synchronized List<String> channelsWithMessages() {
    return new ArrayList<>(messages.keySet());
  }

  // ---- ephemeral messages ----

  void post(Ephemeral ephemeral) {
    change(() -> {
      ephemerals.add(ephemeral);
      return new Change(Change.Kind.EPHEMERAL_POSTED, ephemeral.channel(), ephemeral.user(), ephemeral.ts());
    });
  }

  /** Replaces or, when {@code update} returns null, removes one person's ephemeral message. */
  boolean updateEphemeral(String user, String ts, UnaryOperator<Ephemeral> update) {
    boolean[] found = {false};
    change(() -> {
      for (int i = 0; i < ephemerals.size(); i++) {
        Ephemeral current = ephemerals.get(i);
        if (current.user().equals(user) && current.ts().equals(ts)) {
          Ephemeral updated = update.apply(current);
          found[0] = true;
          if (updated == null) {
            ephemerals.remove(i);
            return new Change(Change.Kind.EPHEMERAL_DELETED, current.channel(), user, ts);
          }
          ephemerals.set(i, updated);
          return new Change(Change.Kind.EPHEMERAL_CHANGED, current.channel(), user, ts);
        }
      }
      return null;
    });
    return found[0];
  }

  synchronized Optional<Ephemeral> ephemeral(String user, String ts) {
    return ephemerals.stream().filter(e -> e.user().equals(user) && e.ts().equals(ts)).findFirst();
  }

  synchronized List<Ephemeral> ephemeralsFor(String user) {
    return ephemerals.stream().filter(e -> e.user().equals(user)).toList();
  }

  synchronized List<Ephemeral> ephemerals() {
    return List.copyOf(ephemerals);
  }

  // ---- views ----

  /** Opens a view in front of its person, on top of the views already open for them. */
  void push(View view) {
    change(() -> {
      views.put(view.id(), view);
      viewStacks.computeIfAbsent(view.user(), u -> new ArrayDeque<>()).push(view.id());
      return new Change(Change.Kind.VIEW_OPENED, "", view.user(), view.id());
    });
  }

  /** Replaces a whole stack: {@code views.open} closes whatever the person had open. */
  void open(View view) {
    change(() -> {
      Deque<String> stack = viewStacks.computeIfAbsent(view.user(), u -> new ArrayDeque<>());
      stack.forEach(views::remove);
      stack.clear();
      views.put(view.id(), view);
      stack.push(view.id());
      return new Change(Change.Kind.VIEW_OPENED, "", view.user(), view.id());
    });
  }

  void replace(View view) {
    change(() -> {
      if (views.replace(view.id(), view) == null) {
        return null;
      }
      return new Change(Change.Kind.VIEW_CHANGED, "", view.user(), view.id());
    });
  }

  void close(String viewId) {
    change(() -> {
      View closed = views.remove(viewId);
      if (closed == null) {
        return null;
      }
      viewStacks.getOrDefault(closed.user(), new ArrayDeque<>()).remove(viewId);
      return new Change(Change.Kind.VIEW_CLOSED, "", closed.user(), viewId);
    });
  }

  void closeAll(String user) {
    change(() -> {
      Deque<String> stack = viewStacks.getOrDefault(user, new ArrayDeque<>());
      if (stack.isEmpty()) {
        return null;
      }
      stack.forEach(views::remove);
      stack.clear();
      return new Change(Change.Kind.VIEW_CLOSED, "", user, "");
    });
  }

  synchronized Optional<View> view(String viewId) {
    return Optional.ofNullable(views.get(viewId));
  }

  /** The person's open views, the one in front first. */
  synchronized List<View> viewsFor(String user) {
    return viewStacks.getOrDefault(user, new ArrayDeque<>()).stream().map(views::get).toList();
  }

  synchronized List<View> views() {
    return List.copyOf(views.values());
  }

  // ---- records ----

  void record(ApiCall call) {
    change(() -> {
      calls.add(call);
      return null;
    });
  }

  void record(ResponseUrlPost post) {
    change(() -> {
      responseUrlPosts.add(post);
      return null;
    });
  }

  synchronized List<ApiCall> calls() {
    return List.copyOf(calls);
  }

  synchronized List<ResponseUrlPost> responseUrlPosts() {
    return List.copyOf(responseUrlPosts);
  }

  synchronized void clear() {
    messages.clear();
    ephemerals.clear();
    views.clear();
    viewStacks.clear();
    calls.clear();
    responseUrlPosts.clear();
    notifyAll();
  }

  // ---- waiting ----

  /**
   * Waits until {@code probe} finds something, re-checking after every change, and fails with
   * {@code description} and what was seen once {@code timeout} has passed.
   */
  <T> T await(Supplier<Optional<T>> probe, Duration timeout, Supplier<String> description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (true) {
        Optional<T> found = probe.get();
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(description.get());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + description.get(), e);
        }
      }
    }
  }

  /** Runs a change under the monitor, wakes the waiters, then tells the listeners about it (when it returns one). */
  private void change(Supplier<Change> mutation) {
    Change change;
    synchronized (this) {
      change = mutation.get();
      notifyAll();
    }
    if (change != null) {
      for (Consumer<Change> listener : listeners) {
        try {
          listener.accept(change);
        } catch (RuntimeException e) {
          log.warn("a workspace listener failed on {}", change, e);
        }
      }
    }
  }
}

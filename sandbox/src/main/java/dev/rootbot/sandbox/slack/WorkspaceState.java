package dev.rootbot.sandbox.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
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
 * What the workspace holds: messages per channel ({@link ChannelLog}), ephemeral messages per person, open
 * views per person, files, and the record of Web API calls and {@code response_url} posts.
 *
 * <p>Under load (a bot posting hundreds of cards a second) every Web API call reads and writes here, so each
 * of those is a map lookup, never a scan of what has piled up; only tests' whole-list reads copy.
 *
 * <p>Threading: Jetty threads change it while test threads read and wait on it. One monitor guards
 * everything; every change is appended to a journal and wakes the waiters, then the listeners hear of it
 * outside the monitor so that a listener may read the state without deadlock. A waiter looks at everything
 * once and afterwards only at what the journal says changed, outside the monitor, so waiting tests cost the
 * bot nothing.
 */
final class WorkspaceState {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceState.class);

  /** What a waiter looks for: first in everything there is, then only among what changed since. */
  interface Search<T> {
    Optional<T> inAll();

    Optional<T> among(List<Change> changes, List<ApiCall> newCalls);
  }

  private final Map<String, ChannelLog> channels = new LinkedHashMap<>();
  private final Map<String, LinkedHashMap<String, Ephemeral>> ephemerals = new HashMap<>();
  private final Map<String, View> views = new LinkedHashMap<>();
  private final Map<String, Deque<String>> viewStacks = new LinkedHashMap<>();
  private final Map<String, SharedFile> files = new LinkedHashMap<>();
  private final Map<String, FileMethods.Upload> uploads = new HashMap<>();
  private final Map<String, String> uploadKeys = new HashMap<>();
  private final List<ApiCall> calls = new ArrayList<>();
  private final Map<String, List<ApiCall>> callsByMethod = new HashMap<>();
  private final List<ResponseUrlPost> responseUrlPosts = new ArrayList<>();
  private final List<Change> journal = new ArrayList<>();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  /** Counts {@link #clear()}s, so a waiter knows that its place in the journal is gone. */
  private long generation;

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
      channels.computeIfAbsent(message.channel(), c -> new ChannelLog()).post(message);
      return new Change(Change.Kind.MESSAGE_POSTED, message.channel(), "", message.ts());
    });
  }

  /** Replaces a message with {@code update} applied to it; false when there is no such message. */
  boolean update(String channel, String ts, UnaryOperator<Message> update) {
    boolean[] found = {false};
    change(() -> {
      ChannelLog inChannel = channels.get(channel);
      Optional<Message> current = inChannel == null ? Optional.empty() : inChannel.get(ts);
      if (current.isEmpty()) {
        return null;
      }
      Message updated = update.apply(current.get());
      inChannel.replace(updated);
      found[0] = true;
      return new Change(updated.deleted() ? Change.Kind.MESSAGE_DELETED : Change.Kind.MESSAGE_CHANGED, channel, "", ts);
    });
    return found[0];
  }

  synchronized Optional<Message> message(String channel, String ts) {
    ChannelLog inChannel = channels.get(channel);
    return inChannel == null ? Optional.empty() : inChannel.get(ts);
  }

  /** Every message in the channel, replies included, oldest first. */
  synchronized List<Message> messages(String channel) {
    ChannelLog inChannel = channels.get(channel);
    return inChannel == null ? List.of() : inChannel.all();
  }

  /** The thread's first message and its replies, oldest first; empty when there is no such message. */
  synchronized List<Message> thread(String channel, String threadTs) {
    ChannelLog inChannel = channels.get(channel);
    return inChannel == null ? List.of() : inChannel.thread(threadTs);
  }

  /** The replies in a thread, oldest first. */
  synchronized List<Message> replies(String channel, String threadTs) {
    ChannelLog inChannel = channels.get(channel);
    return inChannel == null ? List.of() : inChannel.replies(threadTs);
  }

  /** {@link ChannelLog#timeline}: a page of the channel's own messages, newest first, one more than the limit. */
  synchronized List<Message> timeline(String channel, String oldest, boolean withOldest, String latest,
      boolean withLatest, int limit) {
    ChannelLog inChannel = channels.get(channel);
    return inChannel == null ? List.of() : inChannel.timeline(oldest, withOldest, latest, withLatest, limit);
  }

  // ---- ephemeral messages ----

  void post(Ephemeral ephemeral) {
    change(() -> {
      ephemerals.computeIfAbsent(ephemeral.user(), u -> new LinkedHashMap<>()).put(ephemeral.ts(), ephemeral);
      return new Change(Change.Kind.EPHEMERAL_POSTED, ephemeral.channel(), ephemeral.user(), ephemeral.ts());
    });
  }

  /** Replaces or, when {@code update} returns null, removes one person's ephemeral message. */
  boolean updateEphemeral(String user, String ts, UnaryOperator<Ephemeral> update) {
    boolean[] found = {false};
    change(() -> {
      Map<String, Ephemeral> theirs = ephemerals.getOrDefault(user, new LinkedHashMap<>());
      Ephemeral current = theirs.get(ts);
      if (current == null) {
        return null;
      }
      found[0] = true;
      Ephemeral updated = update.apply(current);
      if (updated == null) {
        theirs.remove(ts);
        return new Change(Change.Kind.EPHEMERAL_DELETED, current.channel(), user, ts);
      }
      theirs.put(ts, updated);
      return new Change(Change.Kind.EPHEMERAL_CHANGED, current.channel(), user, ts);
    });
    return found[0];
  }

  synchronized Optional<Ephemeral> ephemeral(String user, String ts) {
    return Optional.ofNullable(ephemerals.getOrDefault(user, new LinkedHashMap<>()).get(ts));
  }

  synchronized List<Ephemeral> ephemeralsFor(String user) {
    return List.copyOf(ephemerals.getOrDefault(user, new LinkedHashMap<>()).values());
  }

  /** Everyone's ephemeral messages, oldest first. */
  synchronized List<Ephemeral> ephemerals() {
    return ephemerals.values().stream().flatMap(e -> e.values().stream())
        .sorted(Comparator.comparing(Ephemeral::ts, Ts.ORDER)).toList();
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

  // ---- files ----

  synchronized void addUpload(FileMethods.Upload upload) {
    uploads.put(upload.fileId(), upload);
    uploadKeys.put(upload.key(), upload.fileId());
  }

  synchronized Optional<FileMethods.Upload> upload(String fileId) {
    return Optional.ofNullable(uploads.get(fileId));
  }

  synchronized Optional<FileMethods.Upload> uploadByKey(String key) {
    return Optional.ofNullable(uploadKeys.get(key)).map(uploads::get);
  }

  /** Replaces the upload of {@code fileId} with {@code update} applied; false when there is none. */
  synchronized boolean updateUpload(String fileId, UnaryOperator<FileMethods.Upload> update) {
    FileMethods.Upload current = uploads.get(fileId);
    if (current == null) {
      return false;
    }
    uploads.put(fileId, update.apply(current));
    return true;
  }

  /** Keeps files the bot finished uploading, before the messages that share them are posted. */
  synchronized void addFiles(List<SharedFile> completed) {
    completed.forEach(f -> {
      files.put(f.id(), f);
      Optional.ofNullable(uploads.remove(f.id())).ifPresent(u -> uploadKeys.remove(u.key()));
    });
  }

  synchronized Optional<SharedFile> file(String fileId) {
    return Optional.ofNullable(files.get(fileId));
  }

  synchronized List<SharedFile> files() {
    return List.copyOf(files.values());
  }

  // ---- records ----

  void record(ApiCall call) {
    change(() -> {
      calls.add(call);
      callsByMethod.computeIfAbsent(call.method(), m -> new ArrayList<>()).add(call);
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

  synchronized List<ApiCall> calls(String method) {
    return List.copyOf(callsByMethod.getOrDefault(method, List.of()));
  }

  synchronized List<ResponseUrlPost> responseUrlPosts() {
    return List.copyOf(responseUrlPosts);
  }

  synchronized void clear() {
    channels.clear();
    ephemerals.clear();
    views.clear();
    viewStacks.clear();
    files.clear();
    uploads.clear();
    uploadKeys.clear();
    calls.clear();
    callsByMethod.clear();
    responseUrlPosts.clear();
    journal.clear();
    generation++;
    notifyAll();
  }

  // ---- waiting ----

  /**
   * Waits until {@code search} finds something, looking again after every change at only what changed, and
   * fails with {@code description} (what was seen) once {@code timeout} has passed.
   */
  <T> T await(Search<T> search, Duration timeout, Supplier<String> description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seenGeneration;
    int seenChanges;
    int seenCalls;
    synchronized (this) {
      seenGeneration = generation;
      seenChanges = journal.size();
      seenCalls = calls.size();
    }
    Optional<T> found = search.inAll();
    while (found.isEmpty()) {
      List<Change> changes;
      List<ApiCall> newCalls;
      boolean cleared;
      synchronized (this) {
        while (generation == seenGeneration && journal.size() == seenChanges && calls.size() == seenCalls) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          waitFor(left, description);
        }
        cleared = generation != seenGeneration;
        changes = cleared ? List.of() : List.copyOf(journal.subList(seenChanges, journal.size()));
        newCalls = cleared ? List.of() : List.copyOf(calls.subList(seenCalls, calls.size()));
        seenGeneration = generation;
        seenChanges = journal.size();
        seenCalls = calls.size();
      }
      found = cleared ? search.inAll() : search.among(changes, newCalls);
      if (found.isEmpty() && System.nanoTime() - deadline >= 0) {
        throw new AssertionError(description.get());
      }
    }
    return found.get();
  }

  private void waitFor(long nanos, Supplier<String> description) {
    try {
      TimeUnit.NANOSECONDS.timedWait(this, nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + description.get(), e);
    }
  }

  /** Runs a change under the monitor, journals it, wakes the waiters, then tells the listeners (when it returns one). */
  private void change(Supplier<Change> mutation) {
    Change change;
    synchronized (this) {
      change = mutation.get();
      if (change != null) {
        journal.add(change);
      }
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

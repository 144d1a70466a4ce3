package dev.rootbot.sandbox.slack;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the {@code await…} methods of {@link SlackWorkspace} look for, each as a {@link WorkspaceState.Search}:
 * all of it once, then only the messages, ephemerals, views and calls that a change names, so that a test
 * waiting while the bot posts thousands of cards reads each card once rather than once per change.
 */
final class Searches {
  private Searches() {}

  /** A message in {@code channel} that {@code matching} accepts, as posted or changed. */
  static WorkspaceState.Search<Message> message(WorkspaceState state, String channel, Predicate<Message> matching) {
    return ofChanges(() -> state.messages(channel).stream().filter(matching).findFirst(), inChannel(channel),
        c -> state.message(channel, c.id()).filter(matching));
  }

  /** A reply in the thread of {@code threadTs} that {@code matching} accepts. */
  static WorkspaceState.Search<Message> reply(WorkspaceState state, String channel, String threadTs,
      Predicate<Message> matching) {
    Predicate<Message> reply = m -> m.isReply() && m.threadTs().orElseThrow().equals(threadTs);
    return ofChanges(() -> state.replies(channel, threadTs).stream().filter(matching).findFirst(), inChannel(channel),
        c -> state.message(channel, c.id()).filter(reply.and(matching)));
  }

  /** A file shared in the thread of {@code threadTs} (or with its first message) that {@code matching} accepts. */
  static WorkspaceState.Search<SharedFile> file(WorkspaceState state, String channel, String threadTs,
      Predicate<SharedFile> matching) {
    Function<Message, Optional<SharedFile>> fileIn = m -> m.fileIds().stream().flatMap(id -> state.file(id).stream())
        .filter(matching).findFirst();
    Predicate<Message> inThread = m -> m.ts().equals(threadTs) || m.threadTs().filter(threadTs::equals).isPresent();
    return ofChanges(() -> state.thread(channel, threadTs).stream().map(fileIn).flatMap(Optional::stream).findFirst(),
        inChannel(channel), c -> state.message(channel, c.id()).filter(inThread).flatMap(fileIn));
  }

  static WorkspaceState.Search<Ephemeral> ephemeral(WorkspaceState state, String user, Predicate<Ephemeral> matching) {
    return ofChanges(() -> state.ephemeralsFor(user).stream().filter(matching).findFirst(),
        c -> c.user().equals(user) && (c.kind() == Change.Kind.EPHEMERAL_POSTED
            || c.kind() == Change.Kind.EPHEMERAL_CHANGED), c -> state.ephemeral(user, c.id()).filter(matching));
  }

  static WorkspaceState.Search<View> view(WorkspaceState state, String user, Predicate<View> matching) {
    return ofChanges(() -> state.viewsFor(user).stream().filter(matching).findFirst(),
        c -> c.user().equals(user) && (c.kind() == Change.Kind.VIEW_OPENED || c.kind() == Change.Kind.VIEW_CHANGED),
        c -> state.view(c.id()).filter(matching));
  }

  static WorkspaceState.Search<ApiCall> call(WorkspaceState state, String method, Predicate<ApiCall> matching) {
    Predicate<ApiCall> wanted = c -> c.method().equals(method) && matching.test(c);
    return new WorkspaceState.Search<>() {
      @Override
      public Optional<ApiCall> inAll() {
        return state.calls(method).stream().filter(matching).findFirst();
      }

      @Override
      public Optional<ApiCall> among(List<Change> changes, List<ApiCall> newCalls) {
        return newCalls.stream().filter(wanted).findFirst();
      }
    };
  }

  /** A message posted or changed in {@code channel}. */
  private static Predicate<Change> inChannel(String channel) {
    return c -> (c.kind() == Change.Kind.MESSAGE_POSTED || c.kind() == Change.Kind.MESSAGE_CHANGED)
        && c.channel().equals(channel);
  }

  /** A search that looks up, after the first, only what the {@code relevant} changes name. */
  private static <T> WorkspaceState.Search<T> ofChanges(Supplier<Optional<T>> inAll, Predicate<Change> relevant,
      Function<Change, Optional<T>> lookUp) {
    return new WorkspaceState.Search<>() {
      @Override
      public Optional<T> inAll() {
        return inAll.get();
      }

      @Override
      public Optional<T> among(List<Change> changes, List<ApiCall> newCalls) {
        return changes.stream().filter(relevant).map(lookUp).flatMap(Optional::stream).findFirst();
      }
    };
  }
}

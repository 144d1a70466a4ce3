package dev.rootbot.actions.task;

import dev.rootbot.actions.session.RootSession;
import java.util.concurrent.Executor;

/** What a task has while it runs: its root session, a log of its steps, a place to keep backups. */
public interface TaskContext {
  RootSession session();

  /** Records a call the task made and what it found or did, in words for the thread. */
  void step(String action, String detail);

  /**
   * Keeps what is about to be changed, durably, before the change. If this throws, the task must stop
   * without changing anything: a change without its backup cannot be undone.
   */
  void keepBackup(Backup backup);

  /** Runs the task's independent reads at the same time. */
  Executor parallel();
}

package dev.rootbot.actions;

import dev.rootbot.actions.task.Backup;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records what a task told its observer, and how many calls the session had made when the backup was taken. */
final class RecordingObserver implements TaskObserver {
  private final SimulatedAws aws;
  final List<Step> steps = new ArrayList<>();
  Optional<String> sessionKey = Optional.empty();
  Optional<Backup> backup = Optional.empty();
  int callsBeforeBackup = -1;
  RuntimeException failBackupWith;
  Runnable afterEachStep = () -> {};

  RecordingObserver(SimulatedAws aws) {
    this.aws = aws;
  }

  @Override
  public void sessionStarted(String accessKeyId, Instant expiresAt) {
    sessionKey = Optional.of(accessKeyId);
  }

  @Override
  public synchronized void step(Step step) {
    steps.add(step);
    afterEachStep.run();
  }

  @Override
  public void backupTaken(Backup taken) {
    callsBeforeBackup = aws.calls().withAccessKey(sessionKey.orElseThrow()).size();
    if (failBackupWith != null) {
      throw failBackupWith;
    }
    backup = Optional.of(taken);
  }
}

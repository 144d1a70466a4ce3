package dev.rootbot.actions;

import java.time.Instant;

/** One call a task made and what it found or did, in words for the thread. */
public record Step(Instant at, String action, String detail) {}

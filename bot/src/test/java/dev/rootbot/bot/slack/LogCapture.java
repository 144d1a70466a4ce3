package dev.rootbot.bot.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * What the application logs while a test runs: every event that reaches the root logger's appenders (Rootbot at
 * INFO, libraries at WARN, as {@code logback-test.xml} sets), captured so a test can count lines and stack traces.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private LogCapture() {
    setName("test-capture");
  }

  static LogCapture attach() {
    var capture = new LogCapture();
    capture.setContext(capture.root.getLoggerContext());
    capture.start();
    capture.root.addAppender(capture);
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    events.add(event);
  }

  List<ILoggingEvent> events() {
    return List.copyOf(events);
  }

  List<ILoggingEvent> matching(Predicate<ILoggingEvent> test) {
    return events.stream().filter(test).toList();
  }

  /** Events that carry a stack trace, or print one in their message. */
  List<String> stackTraces() {
    return events.stream()
        .filter(e -> e.getThrowableProxy() != null || e.getFormattedMessage().contains("\tat "))
        .map(LogCapture::describe)
        .toList();
  }

  List<String> errors() {
    return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).map(LogCapture::describe).toList();
  }

  static String describe(ILoggingEvent event) {
    var proxy = event.getThrowableProxy();
    return event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage()
        + (proxy == null ? "" : " [" + proxy.getClassName() + ": " + proxy.getMessage() + "]");
  }

  void clear() {
    events.clear();
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}

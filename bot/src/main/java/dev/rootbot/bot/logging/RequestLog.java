package dev.rootbot.bot.logging;

import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Puts a request's ID and this replica's ID on every log line written while a block runs for that request,
 * as the SLF4J MDC keys {@value #REQUEST_ID} and {@value #REPLICA_ID}: the JSON format shows them as
 * {@code "mdc":{"replica_id":…,"request_id":…}}. The MDC belongs to the thread, so a block handed to another
 * thread is wrapped again there.
 *
 * <pre>{@code
 * tasks.execute(() -> RequestLog.run(approved.id().value(), () -> running.run(approved)));
 * }</pre>
 */
public final class RequestLog {
  public static final String REQUEST_ID = "request_id";
  public static final String REPLICA_ID = "replica_id";

  private static volatile String replica = "unnamed";

  private RequestLog() {}

  /** This replica's name on every request's lines; set once at start, from {@code ROOTBOT_REPLICA_ID}. */
  public static void replica(String replicaId) {
    replica = replicaId;
  }

  /** Runs {@code block} with {@code requestId} in the MDC; what was there before is put back afterwards. */
  public static void run(String requestId, Runnable block) {
    call(requestId, () -> {
      block.run();
      return null;
    });
  }

  /** As {@link #run}, returning what {@code block} returns. */
  public static <T> T call(String requestId, Supplier<T> block) {
    String outerRequest = MDC.get(REQUEST_ID);
    String outerReplica = MDC.get(REPLICA_ID);
    MDC.put(REQUEST_ID, requestId);
    MDC.put(REPLICA_ID, replica);
    try {
      return block.get();
    } finally {
      restore(REQUEST_ID, outerRequest);
      restore(REPLICA_ID, outerReplica);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}

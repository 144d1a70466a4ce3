package dev.rootbot.sandbox.slack.page;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the page's API to pages on this machine. The server listens on 127.0.0.1 only, but a web site in
 * the same browser could still reach it: through DNS rebinding (so the Host is another name) or by posting
 * a form across sites. So a request must name a loopback host, a POST must come from the page's own origin
 * (or from no page at all, as a test's HTTP client) and carry JSON, which no form can send.
 */
final class LocalOnly {
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private LocalOnly() {}

  /** Why this request is refused, or empty when it may go on. */
  static Optional<String> refusal(Context ctx, boolean changes) {
    String host = Optional.ofNullable(ctx.header("Host")).orElse("");
    if (!LOOPBACK_NAMES.contains(hostName(host))) {
      return Optional.of("the sandbox page answers only to localhost or 127.0.0.1, not " + host);
    }
    if (!changes) {
      return Optional.empty();
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("http://" + host)) {
      return Optional.of("the sandbox page takes actions only from its own page, not from " + origin);
    }
    String type = Optional.ofNullable(ctx.header("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      return Optional.of("the sandbox page's actions take application/json");
    }
    return Optional.empty();
  }

  private static String hostName(String hostHeader) {
    try {
      String name = URI.create("http://" + hostHeader + "/").getHost();
      return name == null ? "" : name.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}

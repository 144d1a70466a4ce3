package dev.rootbot.bot.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a configuration value that may hold a password prints: {@code ROOTBOT_STORE} in any of its forms (a JDBC or
 * libpq URL, {@code user:password@host}, libpq's {@code key=value} words), or any URL. What is not known to be
 * harmless is hidden: a URL's password, and the value of every parameter but a few (user, host, sslmode, …).
 *
 * <pre>{@code
 * Redaction.of("jdbc:postgresql://db/rootbot?user=rootbot&password=s3cret")
 *     // "jdbc:postgresql://db/rootbot?user=rootbot&password=***"
 * Redaction.scrub(driverMessage, Redaction.secretsIn(location))   // the message, without any of those secrets
 * }</pre>
 *
 * <p>Pure functions of their arguments.
 */
public final class Redaction {
  static final String HIDDEN = "***";
  /** Parameters whose values are names, paths and switches, never secrets; every other value is hidden. */
  private static final Set<String> HARMLESS = Set.of("user", "username", "host", "hostaddr", "port", "dbname",
      "database", "ssl", "sslmode", "sslrootcert", "sslcert", "sslkey", "currentschema", "applicationname",
      "application_name", "connecttimeout", "connect_timeout", "sockettimeout", "logintimeout", "targetservertype",
      "target_session_attrs", "loadbalancehosts", "tcpkeepalive", "readonly", "journal_mode", "busy_timeout");
  private static final Pattern SCHEME = Pattern.compile("(?:[A-Za-z][A-Za-z0-9+.-]*:)+");
  private static final Pattern KEYWORD = Pattern.compile("(\\s*)([^\\s=]+)(\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|\\S*)");
  /** A URL in prose, without the punctuation after it ("…/rootbot?user=x: connection refused"). */
  private static final Pattern URL_IN_TEXT = Pattern.compile(
      "(?:[A-Za-z][A-Za-z0-9+.-]*:)*[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>]*[^\\s\"'<>.,:;!?)\\]]");
  private static final Pattern SECRET_PAIR = Pattern.compile(
      "(?i)(\\b[\\w-]*(?:pass|pwd|secret|token)[\\w-]*\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&;,]*[^\\s&;,.:!?)\\]])");

  private Redaction() {}

  /** A piece of a value as printed: either shown, or hidden as a secret. */
  private record Piece(String text, boolean secret) {}

  /** {@code value} as it may be printed or logged. */
  public static String of(String value) {
    var out = new StringBuilder();
    for (Piece piece : pieces(value)) {
      out.append(piece.secret() ? HIDDEN : piece.text());
    }
    return out.toString();
  }

  /**
   * The secrets in {@code value}, as written, without quotes and percent-decoded: for {@link #scrub} to remove
   * from text that may repeat them in another form (a driver's "UnknownHostException: user:password@db").
   */
  public static List<String> secretsIn(String value) {
    var secrets = new LinkedHashSet<String>();
    for (Piece piece : pieces(value)) {
      if (piece.secret() && !piece.text().isEmpty()) {
        String text = piece.text();
        secrets.add(text);
        if (text.length() > 1 && (text.startsWith("'") && text.endsWith("'"))) {
          secrets.add(text.substring(1, text.length() - 1));
        }
        try {
          secrets.add(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notEncoded) {
          // shown as written only
        }
        secrets.add(URLEncoder.encode(text, StandardCharsets.UTF_8));
      }
    }
    secrets.remove("");
    return List.copyOf(secrets);
  }

  /**
   * {@code text} (an error message, a stack trace) without any of {@code secrets}, with every URL in it printed as
   * {@link #of} prints it, and with the value of every {@code password=…}-like pair hidden.
   */
  public static String scrub(String text, Collection<String> secrets) {
    String out = text;
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : longestFirst) {
      if (!secret.isEmpty()) {
        out = out.replace(secret, HIDDEN);
      }
    }
    out = URL_IN_TEXT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(of(m.group())));
    return SECRET_PAIR.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
  }

  private static List<Piece> pieces(String value) {
    List<Piece> out = new ArrayList<>();
    Matcher scheme = SCHEME.matcher(value);
    if (!scheme.lookingAt()) {
      if (value.contains("=")) {
        keywords(value, out);
      } else if (!value.isEmpty()) {
        out.add(new Piece(value, true)); // no scheme and no keywords: it may be a password pasted in the wrong place
      }
      return out;
    }
    out.add(new Piece(scheme.group(), false));
    String rest = value.substring(scheme.end());
    int query = rest.indexOf('?');
    authority(query < 0 ? rest : rest.substring(0, query), out);
    if (query >= 0) {
      out.add(new Piece("?", false));
      parameters(rest.substring(query + 1), out);
    }
    return out;
  }

  /** {@code //user:password@host…} or {@code user:password@host…}: the password hidden, the user shown. */
  private static void authority(String head, List<Piece> out) {
    boolean slashes = head.startsWith("//");
    int start = slashes ? 2 : 0;
    int at = head.lastIndexOf('@');
    if (at < start) {
      out.add(new Piece(head, false));
      return;
    }
    String userInfo = head.substring(start, at);
    int colon = userInfo.indexOf(':');
    out.add(new Piece(head.substring(0, start), false));
    if (colon >= 0) {
      out.add(new Piece(userInfo.substring(0, colon + 1), false));
      out.add(new Piece(userInfo.substring(colon + 1), true));
    } else {
      // "//name@host" is a user name; without "//" the part before "@" may be anything.
      out.add(new Piece(userInfo, !slashes));
    }
    out.add(new Piece(head.substring(at), false));
  }

  /** {@code a=1&b=2;c}: harmless values shown, every other value hidden, as is a parameter with no name. */
  private static void parameters(String query, List<Piece> out) {
    Matcher parameter = Pattern.compile("([^&;]*)([&;]?)").matcher(query);
    while (parameter.find() && parameter.end() > parameter.start()) {
      String text = parameter.group(1);
      int equals = text.indexOf('=');
      if (equals < 0) {
        out.add(new Piece(text, !text.isEmpty() && !harmless(text)));
      } else {
        String key = text.substring(0, equals);
        String setting = text.substring(equals + 1);
        out.add(new Piece(key + "=", false));
        out.add(new Piece(setting, !setting.isEmpty() && !harmless(key)));
      }
      out.add(new Piece(parameter.group(2), false));
    }
  }

  /** libpq's {@code host=db password='…'} words; anything else in between is hidden. */
  private static void keywords(String value, List<Piece> out) {
    Matcher word = KEYWORD.matcher(value);
    int shown = 0;
    while (word.find()) {
      if (word.start() > shown) {
        out.add(new Piece(value.substring(shown, word.start()), true));
      }
      out.add(new Piece(word.group(1) + word.group(2) + word.group(3), false));
      out.add(new Piece(word.group(4), !word.group(4).isEmpty() && !harmless(word.group(2))));
      shown = word.end();
    }
    if (shown < value.length()) {
      out.add(new Piece(value.substring(shown), !value.substring(shown).isBlank()));
    }
  }

  private static boolean harmless(String key) {
    return HARMLESS.contains(key.strip().toLowerCase(Locale.ROOT));
  }
}

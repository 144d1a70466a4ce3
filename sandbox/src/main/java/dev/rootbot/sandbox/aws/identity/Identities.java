package dev.rootbot.sandbox.aws.identity;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every access key the simulated AWS knows: the seeded users' keys and the root sessions it has issued.
 *
 * <p>Thread-safe: keys live in a concurrent map and sessions are immutable; expired sessions are kept so that
 * using one is answered with {@code ExpiredToken} rather than an unknown key.
 */
public final class Identities {
  private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private final Map<String, Caller> byAccessKey = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public Identities(Clock clock) {
    this.clock = clock;
  }

  public void register(IamUser user) {
    if (byAccessKey.putIfAbsent(user.accessKeyId(), user) != null) {
      throw new IllegalArgumentException("access key " + user.accessKeyId() + " is already in use");
    }
  }

  public Optional<Caller> byAccessKey(String accessKeyId) {
    return Optional.ofNullable(byAccessKey.get(accessKeyId));
  }

  /** Issues fresh {@code ASIA…} credentials for {@code account} that expire {@code duration} from now. */
  public RootSession issue(String account, TaskPolicy policy, Duration duration, Caller issuer) {
    Instant now = clock.instant();
    while (true) {
      var session = new RootSession(account, "ASIA" + randomKey(16), randomBase64(30), randomBase64(180),
          policy, now, now.plus(duration), issuer);
      if (byAccessKey.putIfAbsent(session.accessKeyId(), session) == null) {
        return session;
      }
    }
  }

  /** All root sessions issued so far, oldest first. */
  public List<RootSession> sessions() {
    return byAccessKey.values().stream()
        .filter(RootSession.class::isInstance).map(RootSession.class::cast)
        .sorted(Comparator.comparing(RootSession::issuedAt).thenComparing(RootSession::accessKeyId))
        .toList();
  }

  /** The seeded users with long-term keys. */
  public List<IamUser> users() {
    return byAccessKey.values().stream()
        .filter(IamUser.class::isInstance).map(IamUser.class::cast)
        .sorted(Comparator.comparing(IamUser::accessKeyId))
        .toList();
  }

  private String randomKey(int length) {
    var key = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      key.append(KEY_CHARS[random.nextInt(KEY_CHARS.length)]);
    }
    return key.toString();
  }

  private String randomBase64(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return Base64.getEncoder().encodeToString(buffer);
  }
}

package dev.rootbot.actions.org;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The organization's enabled root access features ({@code RootSessions}, {@code RootCredentialsManagement}), read
 * at most once per {@code kept}, for the preflight and the tasks alike. A feature that is needed but missing from
 * the last read is read again, so a feature just turned on is seen at once and a refusal rests on what is true now.
 * One turned off since the last read lets AssumeRoot be tried, and AWS's refusal is the result. Thread-safe.
 */
public final class OrganizationFeatures {
  /** How long a read is used. */
  public static final Duration KEPT = Duration.ofMinutes(1);
  private static final String KEY = "features";

  private final LoadingCache<String, Set<String>> reads;

  /** @param read reads the features from AWS, e.g. {@code ReadinessCheck::features}; throws as the SDK does */
  public OrganizationFeatures(Supplier<Set<String>> read, Duration kept, Ticker ticker) {
    this.reads = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(kept).build(key -> Set.copyOf(read.get()));
  }

  public OrganizationFeatures(Supplier<Set<String>> read) {
    this(read, KEPT, Ticker.systemTicker());
  }

  /** The enabled features, read again first when the last read lacks one of {@code needed}. */
  public Set<String> enabled(Set<String> needed) {
    Set<String> enabled = reads.get(KEY);
    if (!enabled.containsAll(needed)) {
      reads.invalidate(KEY);
      enabled = reads.get(KEY);
    }
    return enabled;
  }
}

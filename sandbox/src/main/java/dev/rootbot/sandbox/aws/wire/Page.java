package dev.rootbot.sandbox.aws.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** One page of a list answer, with the opaque token that asks for the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
  private static final String PREFIX = "sandbox-page:";

  /**
   * The page of {@code all} that {@code token} (or the start) asks for, at most {@code size} long.
   *
   * @throws IllegalArgumentException if the token is not one this class issued
   */
  public static <T> Page<T> of(List<T> all, int size, Optional<String> token) {
    return of(all, size, token, "");
  }

  /**
   * As {@link #of(List, int, Optional)}, with tokens that are valid only for the list {@code scope} names (an
   * operation and its filters), as AWS's tokens are: one list's token cannot page through another.
   */
  public static <T> Page<T> of(List<T> all, int size, Optional<String> token, String scope) {
    String prefix = scope.isEmpty() ? PREFIX : PREFIX + scope + ":";
    int from = token.map(t -> offset(t, prefix)).orElse(0);
    if (from > all.size()) {
      throw new IllegalArgumentException("the token points past the end of the list");
    }
    int to = Math.min(all.size(), from + size);
    Optional<String> next = to < all.size() ? Optional.of(tokenFor(prefix, to)) : Optional.empty();
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  private static String tokenFor(String prefix, int offset) {
    return Base64.getUrlEncoder().encodeToString((prefix + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String prefix) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(prefix)) {
        throw new IllegalArgumentException("not a token of this list");
      }
      int offset = Integer.parseInt(text.substring(prefix.length()));
      if (offset < 0) {
        throw new IllegalArgumentException("negative offset");
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid pagination token", e);
    }
  }
}

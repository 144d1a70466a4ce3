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
    int from = token.map(Page::offset).orElse(0);
    if (from > all.size()) {
      throw new IllegalArgumentException("the token points past the end of the list");
    }
    int to = Math.min(all.size(), from + size);
    Optional<String> next = to < all.size() ? Optional.of(tokenFor(to)) : Optional.empty();
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  private static String tokenFor(int offset) {
    return Base64.getUrlEncoder().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException("not a token of this list");
      }
      int offset = Integer.parseInt(text.substring(PREFIX.length()));
      if (offset < 0) {
        throw new IllegalArgumentException("negative offset");
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid pagination token", e);
    }
  }
}

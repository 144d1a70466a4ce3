package dev.rootbot.bot.audit;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.request.RequestId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which entries an export or a history shows: from {@code since} (inclusive) until {@code until} (exclusive),
 * of one request, of one account. An entry concerns an account when its facts name it ({@code account}, or
 * an item of {@code accounts}) or when it belongs to a request whose earlier entry named it; so an account
 * filter must see the chain from the start of its requests, and the store should feed it the whole chain.
 */
public record ExportFilter(Optional<Instant> since, Optional<Instant> until, Optional<RequestId> request,
    Optional<AccountId> account) {
  /** Every entry. */
  public static final ExportFilter ALL = new ExportFilter(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());

  public ExportFilter {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(account, "account");
  }

  public static ExportFilter ofRequest(RequestId request) {
    return new ExportFilter(Optional.empty(), Optional.empty(), Optional.of(request), Optional.empty());
  }

  public static ExportFilter ofAccount(AccountId account) {
    return new ExportFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(account));
  }

  /** {@code --since}: a day ({@code 2026-12-01}, from its start in UTC) or a time ({@code 2026-12-01T21:14:52Z}). */
  public static Instant parseSince(String text) {
    return parse(text, false);
  }

  /** {@code --until}: a day (through its end, UTC) or a time (before it). */
  public static Instant parseUntil(String text) {
    return parse(text, true);
  }

  private static Instant parse(String text, boolean throughTheDay) {
    String given = text == null ? "" : text.strip();
    try {
      LocalDate day = LocalDate.parse(given);
      return (throughTheDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADay) {
      try {
        return OffsetDateTime.parse(given).toInstant();
      } catch (DateTimeParseException notATime) {
        throw new IllegalArgumentException("a date is a day like 2026-12-01 or a time like 2026-12-01T21:14:52Z;"
            + " got \"" + given + "\"");
      }
    }
  }

  /** A fresh test for one pass over the chain, in seq order; it remembers the account's requests. */
  Predicate<ChainedEntry> selection() {
    Set<String> accountRequests = new HashSet<>();
    return entry -> {
      AuditRecord record = entry.record();
      boolean ofAccount = account.map(a -> concerns(record, a, accountRequests)).orElse(true);
      return ofAccount
          && since.map(s -> !record.at().isBefore(s)).orElse(true)
          && until.map(u -> record.at().isBefore(u)).orElse(true)
          && request.map(r -> record.request().equals(Optional.of(r))).orElse(true);
    };
  }

  private static boolean concerns(AuditRecord record, AccountId account, Set<String> accountRequests) {
    Fact.Text id = Fact.text(account.value());
    boolean named = record.facts().get(RequestFacts.ACCOUNT).filter(id::equals).isPresent()
        || record.facts().get(RequestFacts.ACCOUNTS).filter(f -> f instanceof Fact.Items items && items.values().contains(id))
            .isPresent();
    Optional<String> of = record.request().map(RequestId::value);
    if (named && of.isPresent()) {
      accountRequests.add(of.get());
    }
    return named || of.filter(accountRequests::contains).isPresent();
  }
}

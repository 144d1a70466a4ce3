package dev.rootbot.bot.audit;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the verified chain established about each request, folded entry by entry: a text or named values
 * replace the earlier value, a list adds its items to a set. Memory grows with the number of requests, not
 * of entries.
 */
final class Ledgers {
  /** One fact's value and the entry that last set it. */
  private record Setting(Fact value, long seq, String event) {
    String source() {
      return "entry " + seq + ", " + event;
    }
  }

  private static final class Ledger {
    final Map<String, Setting> facts = new TreeMap<>();
    long lastSeq;
    String lastEvent = "";
  }

  private final Map<String, Ledger> requests = new LinkedHashMap<>();

  /** Folds in one verified entry; a {@code from} that is not the state the chain had is a break. */
  Optional<Verdict.Broken> record(ChainedEntry entry) {
    AuditRecord record = entry.record();
    if (record.request().isEmpty()) {
      return Optional.empty();
    }
    String id = record.request().get().value();
    Ledger ledger = requests.computeIfAbsent(id, ignored -> new Ledger());
    Optional<String> from = record.facts().text(RequestFacts.FROM);
    Setting state = ledger.facts.get(RequestFacts.STATE);
    if (from.isPresent() && (state == null || !from.get().equals(words(state.value())))) {
      return Optional.of(new Verdict.Broken(record.seq(), BreakKind.REQUEST_DIFFERS, "request " + id + ": entry "
          + record.seq() + " (" + record.event() + ") moved it from " + from.get() + ", but the chain had "
          + (state == null ? "no state for it" : "left it " + words(state.value()) + " (" + state.source() + ")")
          + ": its row was changed in between"));
    }
    record.facts().values().forEach((name, value) -> {
      if (!name.equals(RequestFacts.FROM)) {
        Setting before = ledger.facts.get(name);
        Fact folded = value instanceof Fact.Items added && before != null && before.value() instanceof Fact.Items had
            ? union(had, added) : value;
        ledger.facts.put(name, new Setting(folded, record.seq(), record.event()));
      }
    });
    ledger.lastSeq = record.seq();
    ledger.lastEvent = record.event();
    return Optional.empty();
  }

  /** What the chain established for request {@code id}, folded. */
  Facts established(String id) {
    var facts = new TreeMap<String, Fact>();
    Ledger ledger = requests.get(id);
    if (ledger != null) {
      ledger.facts.forEach((name, setting) -> facts.put(name, setting.value()));
    }
    return new Facts(facts);
  }

  /** The first row that says something the chain did not establish, or a request only one side knows. */
  Optional<Verdict.Broken> compare(Iterator<RequestRow> rows) {
    Set<String> stored = new HashSet<>();
    while (rows.hasNext()) {
      RequestRow row = rows.next();
      stored.add(row.id());
      Ledger ledger = requests.get(row.id());
      if (ledger == null || ledger.facts.isEmpty()) {
        return Optional.of(new Verdict.Broken(ledger == null ? 0 : ledger.lastSeq, BreakKind.REQUEST_DIFFERS,
            "request " + row.id() + " is in the store, but no entry of the chain establishes it"));
      }
      Facts facts = row.facts();
      for (String name : RequestRow.NAMES) {
        Optional<Verdict.Broken> differs = differs(row.id(), name, facts.get(name), ledger);
        if (differs.isPresent()) {
          return differs;
        }
      }
    }
    for (var request : requests.entrySet()) {
      Ledger ledger = request.getValue();
      if (!ledger.facts.isEmpty() && !stored.contains(request.getKey())) {
        return Optional.of(new Verdict.Broken(ledger.lastSeq, BreakKind.REQUEST_DIFFERS, "the chain has request "
            + request.getKey() + " (its last entry is " + ledger.lastSeq + ", " + ledger.lastEvent
            + "), but the store has no such request"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Verdict.Broken> differs(String id, String name, Optional<Fact> stored, Ledger ledger) {
    Setting chain = ledger.facts.get(name);
    if (stored.isEmpty() && chain == null) {
      return Optional.empty();
    }
    String says;
    long seq;
    if (chain == null) {
      says = "the store says " + name + " " + words(stored.get()) + ", but no entry of the chain sets it";
      seq = ledger.lastSeq;
    } else if (stored.isEmpty()) {
      says = "the store has no " + name + ", but the chain says " + words(chain.value()) + " (" + chain.source() + ")";
      seq = chain.seq();
    } else if (!normal(stored.get()).equals(normal(chain.value()))) {
      says = "the store says " + name + " " + words(stored.get()) + ", but the chain says " + words(chain.value())
          + " (" + chain.source() + ")";
      seq = chain.seq();
    } else {
      return Optional.empty();
    }
    return Optional.of(new Verdict.Broken(seq, BreakKind.REQUEST_DIFFERS, "request " + id + ": " + says));
  }

  private static Fact.Items union(Fact.Items had, Fact.Items added) {
    var items = new LinkedHashMap<String, Fact>();
    for (Fact item : had.values()) {
      items.put(CanonicalJson.json(item), item);
    }
    for (Fact item : added.values()) {
      items.put(CanonicalJson.json(item), item);
    }
    return new Fact.Items(List.copyOf(items.values()));
  }

  /** A fact's canonical JSON, a list's items as a sorted set: the form in which row and chain are compared. */
  private static String normal(Fact fact) {
    if (fact instanceof Fact.Items items) {
      return new java.util.TreeSet<>(items.values().stream().map(CanonicalJson::json).toList()).toString();
    }
    return CanonicalJson.json(fact);
  }

  private static String words(Fact fact) {
    return fact instanceof Fact.Text text ? text.value() : CanonicalJson.json(fact);
  }
}

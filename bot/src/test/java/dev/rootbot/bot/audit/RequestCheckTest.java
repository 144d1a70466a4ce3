package dev.rootbot.bot.audit;

import static dev.rootbot.bot.audit.SampleChain.DENIED;
import static dev.rootbot.bot.audit.SampleChain.UNLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Changes the {@code requests} rows the way an attacker with the table owner's rights would, the chain left
 * alone, and checks that verify names the request and what its row says against what the chain says.
 */
class RequestCheckTest {

  @Test
  void every_fact_of_an_untouched_request_row_is_what_its_entries_established() {
    FakeAuditedStore store = SampleChain.store();
    RequestRow row = store.rows.get(UNLOCK.value());

    assertThat(row.facts().values().keySet()).containsExactlyInAnyOrder("requester", "account", "task", "reason", "state",
        "decided_by", "access_key_id", "backup", "outcome");
    assertThat(verify(store)).isInstanceOf(Verdict.Intact.class);
  }

  @Test
  void a_changed_approver_is_named_with_what_the_chain_says() {
    FakeAuditedStore store = SampleChain.store();
    change(store, UNLOCK, row -> new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(), row.reason(),
        row.state(), Optional.of("U0MALLORY"), row.accessKeyId(), row.storedBackup(), row.storedOutcome()));

    assertThat(verify(store)).isEqualTo(new Verdict.Broken(2, BreakKind.REQUEST_DIFFERS, "request r-aaaaaaaaaa: the store"
        + " says decided_by U0MALLORY, but the chain says U0BOB0000 (entry 2, approve)"));
  }

  @Test
  void a_changed_backup_is_named_by_its_digest() {
    FakeAuditedStore store = SampleChain.store();
    change(store, UNLOCK, row -> new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(), row.reason(),
        row.state(), row.decidedBy(), row.accessKeyId(), Optional.of("{}"), row.storedOutcome()));

    Verdict verdict = verify(store);

    assertThat(verdict).extracting(v -> ((Verdict.Broken) v).seq()).isEqualTo(5L);
    assertThat(((Verdict.Broken) verdict).explanation()).startsWith("request r-aaaaaaaaaa: the store says backup "
        + RequestFacts.digest("{}") + ", but the chain says " + RequestFacts.digest(SampleChain.BACKUP) + " (entry 5, backup)");
  }

  @Test
  void a_changed_access_key_and_a_cleared_reason_are_caught() {
    FakeAuditedStore keyed = SampleChain.store();
    change(keyed, UNLOCK, row -> new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(), row.reason(),
        row.state(), row.decidedBy(), Optional.of("ASIAOTHERKEY00000001"), row.storedBackup(), row.storedOutcome()));
    FakeAuditedStore reasonless = SampleChain.store();
    change(reasonless, DENIED, row -> new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(),
        Optional.empty(), row.state(), row.decidedBy(), row.accessKeyId(), row.storedBackup(), row.storedOutcome()));

    assertThat(((Verdict.Broken) verify(keyed)).explanation()).contains("access_key_id ASIAOTHERKEY00000001, but the chain"
        + " says ASIAROOTSESSION00001 (entry 4, session)");
    assertThat(((Verdict.Broken) verify(reasonless)).explanation()).isEqualTo("request r-bbbbbbbbbb: the store has no"
        + " reason, but the chain says INC-42 locked us out (entry 8, request)");
  }

  @Test
  void cutting_the_chain_after_the_start_leaves_a_succeeded_row_the_chain_does_not_explain() {
    FakeAuditedStore store = SampleChain.store();
    List<StoredEntry> cut = store.stored().subList(0, 3);

    Verdict verdict = ChainVerifier.verify(cut.iterator(), Optional.empty(), store.rows.values().iterator());

    assertThat(verdict).isEqualTo(new Verdict.Broken(3, BreakKind.REQUEST_DIFFERS, "request r-aaaaaaaaaa: the store says"
        + " state SUCCEEDED, but the chain says RUNNING (entry 3, start)"));
  }

  @Test
  void a_state_changed_outside_rootbot_is_caught_at_the_next_move() {
    var store = new FakeAuditedStore();
    RequestId id = new RequestId("r-cccccccccc");
    store.file(id, SampleChain.asked(SampleChain.PAYMENTS, "payments-audit-logs", SampleChain.ALICE));
    // Nobody approved: the row is moved to APPROVED by hand, and the runner starts it.
    change(store, id, row -> new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(), row.reason(),
        "APPROVED", row.decidedBy(), row.accessKeyId(), row.storedBackup(), row.storedOutcome()));
    store.move(id, Transition.start());

    assertThat(verify(store)).isEqualTo(new Verdict.Broken(2, BreakKind.REQUEST_DIFFERS, "request r-cccccccccc: entry 2"
        + " (start) moved it from APPROVED, but the chain had left it REQUESTED (entry 1, request): its row was changed in"
        + " between"));
  }

  @Test
  void a_deleted_request_row_is_named() {
    FakeAuditedStore store = SampleChain.store();
    store.rows.remove(DENIED.value());

    assertThat(verify(store)).isEqualTo(new Verdict.Broken(10, BreakKind.REQUEST_DIFFERS, "the chain has request"
        + " r-bbbbbbbbbb (its last entry is 10, deny), but the store has no such request"));
  }

  @Test
  void an_added_request_row_is_named() {
    FakeAuditedStore store = SampleChain.store();
    RequestRow copy = store.rows.get(UNLOCK.value());
    store.rows.put("r-dddddddddd", new RequestRow("r-dddddddddd", copy.requester(), copy.accountId(), copy.storedTask(),
        copy.reason(), copy.state(), copy.decidedBy(), copy.accessKeyId(), copy.storedBackup(), copy.storedOutcome()));

    assertThat(verify(store)).isEqualTo(new Verdict.Broken(0, BreakKind.REQUEST_DIFFERS, "request r-dddddddddd is in the"
        + " store, but no entry of the chain establishes it"));
  }

  @Test
  void a_refusal_about_a_request_the_store_never_had_needs_no_row() {
    var store = new FakeAuditedStore();
    store.refused(Optional.of(new RequestId("r-eeeeeeeeee")), SampleChain.BOB, "approve", "there is no request r-eeeeeeeeee");

    assertThat(verify(store)).isInstanceOf(Verdict.Intact.class);
  }

  @Test
  void lists_fold_into_a_set_and_texts_replace() {
    var store = new FakeAuditedStore();
    store.confirmed(UNLOCK, "ASIAKEY1", "event-1");
    store.append(Optional.of(UNLOCK), "rootbot", "session", "", RequestFacts.sessionStarted("ASIAKEY1"));
    store.confirmed(UNLOCK, "ASIAKEY2", "event-2");
    store.append(Optional.of(UNLOCK), "rootbot", "session", "", RequestFacts.sessionStarted("ASIAKEY2"));
    store.confirmed(UNLOCK, "ASIAKEY1", "event-1");
    var ledgers = new Ledgers();
    store.entries.forEach(ledgers::record);

    assertThat(ledgers.established(UNLOCK.value()).json()).isEqualTo("{\"access_key_id\":\"ASIAKEY2\",\"trail_events\":["
        + "{\"access_key_id\":\"ASIAKEY1\",\"event_id\":\"event-1\"},{\"access_key_id\":\"ASIAKEY2\",\"event_id\":\"event-2\"}]}");
  }

  private static Verdict verify(FakeAuditedStore store) {
    return ChainVerifier.verify(store.stored().iterator(), Optional.empty(), new ArrayList<>(store.rows.values()).iterator());
  }

  private static void change(FakeAuditedStore store, RequestId id, UnaryOperator<RequestRow> change) {
    store.rows.put(id.value(), change.apply(store.rows.get(id.value())));
  }
}

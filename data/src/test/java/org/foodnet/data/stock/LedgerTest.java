package org.foodnet.data.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.TestDatabase;
import org.foodnet.data.TestNetworks;
import org.foodnet.data.network.NetworkRepository;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static TestDatabase db;
    private static Ledger ledger;
    private static int next;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        ledger = new Ledger(db.dsl());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** Each test its own region, so the stock one test moves is not another's. */
    private static String freshRegion() {
        String region = "ledger-" + (++next);
        new NetworkRepository(db.dsl()).store(region, TestNetworks.rich());
        return region;
    }

    private static Operation op(String id) {
        return Operation.now(id + "-" + next, "tester");
    }

    @Test
    void foodFollowsTheLedgerFromDonorToRecipient() {
        String region = freshRegion();

        ledger.pickUp(region, "lot-0001", "sup-001", "hub", 12_500, op("pick"));
        ledger.transfer(region, "lot-0001", "hub", "depot-kurayoshi", 10_000, op("trunk"));
        ledger.deliver(region, "lot-0001", "depot-kurayoshi", "caf-001", 9_000, op("last-mile"));
        ledger.discard(region, "lot-0001", "hub", 2_500, "spoiled", op("bin"));

        assertThat(ledger.whereIs(region, "lot-0001")).containsExactly(java.util.Map.entry("depot-kurayoshi", 1_000L));
        assertThat(ledger.stockAt(region, "hub").lines()).extracting(StockLine::lotId).doesNotContain("lot-0001");
        assertThat(ledger.entriesOf(region, "lot-0001")).extracting(LedgerEntry::kind).containsExactly(
                EntryKind.LOGGED, EntryKind.PICKED_UP, EntryKind.TRANSFERRED, EntryKind.DELIVERED, EntryKind.DISCARDED);
    }

    @Test
    void stockAtASiteIsPerLotAndPerTemperatureClass() {
        String region = freshRegion();

        SiteStock hub = ledger.stockAt(region, "hub");

        assertThat(hub.lines()).extracting(StockLine::lotId, StockLine::grams).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lot-0003", 18_250L), org.assertj.core.groups.Tuple.tuple("lot-0004", 100_000L));
        assertThat(hub.totals()).isEqualTo(new ClassAmounts(100_000, 0, 18_250));
        assertThat(ledger.stock(region)).extracting(SiteStock::siteId)
                .containsExactly("hub", "depot-kurayoshi", "sup-001", "farm-001", "co-001", "ind-001");
    }

    @Test
    void aRetriedOperationIsAppliedOnce() {
        String region = freshRegion();
        Operation transfer = op("retried");

        LedgerEntry first = ledger.transfer(region, "lot-0004", "hub", "depot-yonago", 5_000, transfer);
        LedgerEntry again = ledger.transfer(region, "lot-0004", "hub", "depot-yonago", 5_000, transfer);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.sequence()).isEqualTo(first.sequence());
        assertThat(ledger.whereIs(region, "lot-0004")).containsEntry("hub", 95_000L).containsEntry("depot-yonago", 5_000L);
    }

    @Test
    void anOperationIdReusedForSomethingElseIsRefused() {
        String region = freshRegion();
        Operation operation = op("reused");
        ledger.transfer(region, "lot-0004", "hub", "depot-yonago", 5_000, operation);

        assertThatThrownBy(() -> ledger.transfer(region, "lot-0004", "hub", "depot-yonago", 6_000, operation))
                .isInstanceOf(ConflictingOperation.class)
                .hasMessageContaining("already applied as a different operation");
    }

    @Test
    void aCorrectionIsANewRowReferencingTheCorrectedOne() {
        String region = freshRegion();
        LedgerEntry logged = ledger.entriesOf(region, "lot-0005").get(0);

        LedgerEntry less = ledger.correct(region, logged.sequence(), "depot-kurayoshi", -777, "counted 7 kg", op("fix-1"));
        LedgerEntry more = ledger.correct(region, logged.sequence(), "depot-kurayoshi", 100, "found a box", op("fix-2"));

        assertThat(less.corrects()).isEqualTo(logged.sequence());
        assertThat(less.fromSiteId()).isEqualTo("depot-kurayoshi");
        assertThat(more.toSiteId()).isEqualTo("depot-kurayoshi");
        assertThat(ledger.whereIs(region, "lot-0005")).containsExactly(java.util.Map.entry("depot-kurayoshi", 7_100L));
        assertThat(ledger.entriesOf(region, "lot-0005").get(0)).isEqualTo(logged);
    }

    @Test
    void registeringALotLogsItWhereItIs() {
        String region = freshRegion();
        DonationLot lot = new DonationLot("lot-0100", "sup-001", "hub", "bread", TemperatureClass.AMBIENT, 4_200,
                LocalDate.of(2026, 12, 20), ExpiryKind.USE_BY, LocalDate.of(2026, 12, 1), "caf-001");

        LedgerEntry entry = ledger.register(region, lot, new Operation("reg-" + next, "受付 山田", Instant.parse("2026-11-30T01:00:00Z")));
        LedgerEntry again = ledger.register(region, lot, new Operation("reg-" + next, "受付 山田", Instant.parse("2026-11-30T01:00:00Z")));

        assertThat(entry.kind()).isEqualTo(EntryKind.LOGGED);
        assertThat(entry.recordedBy()).isEqualTo("受付 山田");
        assertThat(again.replayed()).isTrue();
        assertThat(ledger.whereIs(region, "lot-0100")).containsExactly(java.util.Map.entry("hub", 4_200L));
    }

    @Test
    void takingMoreThanIsThereIsRefusedByTheDatabase() {
        String region = freshRegion();

        assertThatThrownBy(() -> ledger.deliver(region, "lot-0005", "depot-kurayoshi", "caf-001", 7_778, op("too-much")))
                .isInstanceOf(ConstraintViolation.class)
                .hasMessageContaining("stock of lot lot-0005 at site depot-kurayoshi would go below zero: 7777 g on hand, 7778 g taken")
                .extracting(e -> ((ConstraintViolation) e).constraint()).isEqualTo("stock_not_below_zero");
        assertThat(ledger.whereIs(region, "lot-0005")).containsExactly(java.util.Map.entry("depot-kurayoshi", 7_777L));
        assertThat(ledger.entry("too-much-" + next)).isEmpty();
    }

    @Test
    void theLedgerCannotBeUpdatedOrDeleted() {
        String region = freshRegion();
        long sequence = ledger.entriesOf(region, "lot-0004").get(0).sequence();

        assertThatThrownBy(() -> db.dsl().execute("UPDATE stock_movement SET grams = 1 WHERE id = " + sequence))
                .hasMessageContaining("the stock ledger is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> db.dsl().execute("DELETE FROM stock_movement WHERE id = " + sequence))
                .hasMessageContaining("the stock ledger is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> db.dsl().execute("TRUNCATE stock_movement CASCADE"))
                .hasMessageContaining("the stock ledger is append-only: TRUNCATE is not allowed");
    }

    @Test
    void stockIsOnlyWrittenByTheLedger() {
        String region = freshRegion();

        assertThatThrownBy(() -> db.dsl().execute("UPDATE stock SET grams = grams + 1000"))
                .hasMessageContaining("stock is derived from the ledger: UPDATE on stock is not allowed");
        assertThatThrownBy(() -> db.dsl().execute("DELETE FROM stock"))
                .hasMessageContaining("stock is derived from the ledger: DELETE on stock is not allowed");
        assertThat(ledger.whereIs(region, "lot-0004")).containsExactly(java.util.Map.entry("hub", 100_000L));
    }

    @Test
    void stockEqualsTheSumOfTheLedger() {
        String region = freshRegion();
        ledger.transfer(region, "lot-0004", "hub", "depot-yonago", 40_000, op("a"));
        ledger.deliver(region, "lot-0004", "depot-yonago", "mcf-001", 15_000, op("b"));
        ledger.discard(region, "lot-0004", "hub", 1_000, "expired", op("c"));

        Long fromLedger = db.dsl().select(DSL.sum(DSL.field("grams", Long.class)).cast(Long.class))
                .from("stock_delta").where("lot_id = (SELECT id FROM donation_lot WHERE external_id = 'lot-0004' "
                        + "AND region_id = (SELECT id FROM region WHERE code = '" + region + "'))").fetchSingle().value1();

        assertThat(fromLedger).isEqualTo(100_000L - 15_000L - 1_000L);
        assertThat(ledger.whereIs(region, "lot-0004").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(fromLedger);
    }
}

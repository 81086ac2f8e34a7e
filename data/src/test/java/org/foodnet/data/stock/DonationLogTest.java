package org.foodnet.data.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.data.TestDatabase;
import org.foodnet.data.TestNetworks;
import org.foodnet.data.network.NetworkRepository;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logging a donation reads only the sites it names: the same statements and the same number of fetched rows with
 * a handful of lots in the month as with 20,000; stale cached site roles never let a wrong donation in nor keep a
 * right one out.
 */
class DonationLogTest {

    private static TestDatabase db;
    private static int next;

    /** Every statement jOOQ sends and every row it fetches. */
    static final class Recorder implements ExecuteListener {
        final List<String> statements = new ArrayList<>();
        int rowsFetched;

        @Override
        public void executeStart(ExecuteContext ctx) {
            statements.add(ctx.sql());
        }

        @Override
        public void recordEnd(ExecuteContext ctx) {
            rowsFetched++;
        }

        void reset() {
            statements.clear();
            rowsFetched = 0;
        }
    }

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String freshRegion() {
        String region = "donations-" + (++next);
        new NetworkRepository(db.dsl()).store(region, TestNetworks.rich());
        return region;
    }

    private static DonationLot lot(String id, String site, String donor, String earmark) {
        LocalDate day = TestNetworks.MONTH.atDay(5);
        return new DonationLot(id, donor, site, "rice", TemperatureClass.AMBIENT, 2_000, day.plusDays(60),
                ExpiryKind.BEST_BEFORE, day, earmark);
    }

    private static Operation op(String id) {
        return new Operation(id, "organizer", Instant.parse("2026-12-05T01:00:00Z"));
    }

    /** Adds {@code count} lots logged at the hub in the month, straight in SQL (as if logged over weeks). */
    private static void fillMonth(String region, int count) {
        db.dsl().execute("""
                INSERT INTO donation_lot (region_id, external_id, donor_id, category, temperature, grams, expiry_date,
                                          expiry_kind, available_from, logged_by)
                SELECT r.id, 'bulk-' || g, s.id, 'bulk', 'AMBIENT', 1000 + g, DATE '2027-01-31', 'USE_BY',
                       DATE '2026-12-01' + (g % 28), 'bulk'
                FROM region r JOIN site s ON s.region_id = r.id AND s.external_id = 'hub', generate_series(1, ?) g
                WHERE r.code = ?""", count, region);
        db.dsl().execute("""
                INSERT INTO stock_movement (operation_id, region_id, kind, lot_id, to_site_id, grams, occurred_at, recorded_by)
                SELECT ? || '-' || l.external_id, l.region_id, 'LOGGED', l.id, l.donor_id, l.grams,
                       TIMESTAMPTZ '2026-12-01 09:00+09', 'bulk'
                FROM donation_lot l JOIN region r ON r.id = l.region_id
                WHERE r.code = ? AND l.external_id LIKE 'bulk-%'""", region, region);
    }

    @Test
    void loggingCostsTheSameWithAFewOrTwentyThousandLotsInTheMonth() {
        String region = freshRegion();
        Recorder recorder = new Recorder();
        DSLContext counted = db.dsl().configuration().derive(new DefaultExecuteListenerProvider(recorder)).dsl();
        DonationLog log = new DonationLog(counted);
        log.log(region, lot("warm-up", "hub", "co-001", "caf-001"), op(region + "/warm-up"));   // fills the site cache

        recorder.reset();
        LedgerEntry small = log.log(region, lot("small", "hub", "co-001", "caf-001"), op(region + "/small"));
        List<String> smallStatements = List.copyOf(recorder.statements);
        int smallRows = recorder.rowsFetched;

        fillMonth(region, 20_000);
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("stock_movement")
                .where("region_id = (SELECT id FROM region WHERE code = ?)", region))).isGreaterThan(20_000);

        recorder.reset();
        LedgerEntry big = log.log(region, lot("big", "hub", "co-001", "caf-001"), op(region + "/big"));
        assertThat(recorder.statements).isEqualTo(smallStatements);
        assertThat(recorder.rowsFetched).isEqualTo(smallRows);
        // one statement (lot and ledger row), one row back: nothing of other lots, no site list (cached)
        assertThat(recorder.statements).hasSize(1);
        assertThat(recorder.rowsFetched).isEqualTo(1);
        assertThat(String.join("\n", recorder.statements)).doesNotContain("stock_delta").doesNotContain("\"stock\"");

        for (LedgerEntry e : List.of(small, big)) {
            assertThat(e.kind()).isEqualTo(EntryKind.LOGGED);
            assertThat(e.toSiteId()).isEqualTo("hub");
            assertThat(e.grams()).isEqualTo(2_000);
            assertThat(e.replayed()).isFalse();
        }
        Ledger ledger = new Ledger(db.dsl());
        assertThat(ledger.whereIs(region, "big")).containsEntry("hub", 2_000L);
        assertThat(ledger.entriesOf(region, "big")).hasSize(1);
    }

    @Test
    void aRetryReplaysAndAnotherOperationWithTheIdIsRefused() {
        String region = freshRegion();
        DonationLog log = new DonationLog(db.dsl());
        LedgerEntry first = log.log(region, lot("once", "hub", "hub", null), op(region + "/once"));
        LedgerEntry again = log.log(region, lot("once", "hub", "hub", null), op(region + "/once"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.sequence()).isEqualTo(first.sequence());
        DonationLot more = new DonationLot("once", "hub", "hub", "rice", TemperatureClass.AMBIENT, 9_999,
                LocalDate.of(2027, 2, 3), ExpiryKind.BEST_BEFORE, LocalDate.of(2026, 12, 5), null);
        assertThatThrownBy(() -> log.log(region, more, op(region + "/once"))).isInstanceOf(ConflictingOperation.class);
        assertThat(new Ledger(db.dsl()).entriesOf(region, "once")).hasSize(1);
    }

    @Test
    void theRulesOfTheSitesNamedAreKept() {
        String region = freshRegion();
        DonationLog log = new DonationLog(db.dsl());
        assertThatThrownBy(() -> log.log(region, lot("a", "caf-001", "caf-001", null), op(region + "/a")))
                .isInstanceOfSatisfying(InvalidDonation.class, e -> assertThat(e.field()).isEqualTo("siteId"));
        assertThatThrownBy(() -> log.log(region, lot("b", "nowhere", "hub", null), op(region + "/b")))
                .isInstanceOfSatisfying(InvalidDonation.class, e -> assertThat(e.field()).isEqualTo("siteId"));
        assertThatThrownBy(() -> log.log(region, lot("c", "hub", "nobody", null), op(region + "/c")))
                .isInstanceOfSatisfying(InvalidDonation.class, e -> assertThat(e.field()).isEqualTo("donorId"));
        assertThatThrownBy(() -> log.log(region, lot("d", "hub", "hub", "depot-yonago"), op(region + "/d")))
                .isInstanceOfSatisfying(InvalidDonation.class, e -> assertThat(e.field()).isEqualTo("earmarkedFor"));
        // a site of another region is no site here
        String other = freshRegion();
        db.dsl().execute("UPDATE site SET external_id = 'only-there' WHERE external_id = 'fd-001' "
                + "AND region_id = (SELECT id FROM region WHERE code = ?)", other);
        assertThatThrownBy(() -> log.log(region, lot("e", "only-there", "only-there", null), op(region + "/e")))
                .isInstanceOfSatisfying(InvalidDonation.class, e -> assertThat(e.field()).isEqualTo("siteId"));
        assertThat(log.log(region, lot("f", "depot-kurayoshi", "ind-001", "shl-001"), op(region + "/f")).toSiteId())
                .isEqualTo("depot-kurayoshi");
    }

    @Test
    void aSiteRoleChangedElsewhereIsNeverAnsweredFromAStaleCache() {
        String region = freshRegion();
        DonationLog log = new DonationLog(db.dsl());
        log.log(region, lot("cache-1", "sup-001", "sup-001", "shl-001"), op(region + "/cache-1"));   // caches sup-001, shl-001
        // another node (no forgetSites() here) turns the supermarket into a shelter
        db.dsl().execute("UPDATE site SET kind = 'SHELTER' WHERE external_id = 'sup-001' "
                + "AND region_id = (SELECT id FROM region WHERE code = ?)", region);
        // cached as a donor: the database's ledger rule refuses it, and the answer names the field
        assertThatThrownBy(() -> log.log(region, lot("cache-2", "sup-001", "sup-001", null), op(region + "/cache-2")))
                .isInstanceOfSatisfying(InvalidDonation.class, e -> assertThat(e.field()).isEqualTo("siteId"));
        assertThat(new Ledger(db.dsl()).entry(region + "/cache-2")).isEmpty();
        // a recipient now: may be earmarked
        assertThat(log.log(region, lot("cache-3", "hub", "hub", "sup-001"), op(region + "/cache-3")).toSiteId()).isEqualTo("hub");

        // cached as a recipient (by a refused log), then made a farm elsewhere
        assertThatThrownBy(() -> log.log(region, lot("cache-4", "oth-001", "oth-001", null), op(region + "/cache-4")))
                .isInstanceOf(InvalidDonation.class);
        db.dsl().execute("UPDATE site SET kind = 'FARM' WHERE external_id = 'oth-001' "
                + "AND region_id = (SELECT id FROM region WHERE code = ?)", region);
        // the database refuses the earmark the stale cache let through
        assertThatThrownBy(() -> log.log(region, lot("cache-5", "hub", "hub", "oth-001"), op(region + "/cache-5")))
                .isInstanceOfSatisfying(InvalidDonation.class, e -> assertThat(e.field()).isEqualTo("earmarkedFor"));
        assertThat(new Ledger(db.dsl()).entry(region + "/cache-5")).isEmpty();
        // and a donor now: food may be logged there
        assertThat(log.log(region, lot("cache-6", "oth-001", "oth-001", null), op(region + "/cache-6")).toSiteId())
                .isEqualTo("oth-001");
    }
}

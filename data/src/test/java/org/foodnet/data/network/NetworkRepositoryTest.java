package org.foodnet.data.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.foodnet.data.TestDatabase;
import org.foodnet.data.TestNetworks;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.Operation;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.travel.TravelMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkRepositoryTest {

    private static TestDatabase db;
    private static NetworkRepository networks;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        networks = new NetworkRepository(db.dsl());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aStoredNetworkLoadsBackEqual() {
        Network network = TestNetworks.rich();

        networks.store("roundtrip", network);

        assertThat(networks.load("roundtrip", TestNetworks.MONTH)).contains(network);
    }

    @Test
    void storingTheSameNetworkAgainChangesNothing() {
        Network network = TestNetworks.rich();
        networks.store("again", network);

        networks.store("again", network);

        assertThat(networks.load("again", TestNetworks.MONTH)).contains(network);
        assertThat(new Ledger(db.dsl()).entriesOf("again", "lot-0001")).hasSize(1);
    }

    @Test
    void anUnknownRegionHasNoNetwork() {
        assertThat(networks.load("nowhere", TestNetworks.MONTH)).isEmpty();
    }

    @Test
    void aMonthGetsItsOwnNeedsAndSlotsAndOnlyLotsAvailableByItsEnd() {
        YearMonth november = TestNetworks.MONTH.minusMonths(1);
        networks.store("months", TestNetworks.rich());

        Network earlier = networks.load("months", november).orElseThrow();

        assertThat(earlier.settings().month()).isEqualTo(november);
        assertThat(earlier.needs()).isEmpty();
        assertThat(earlier.drivers()).allSatisfy(d -> assertThat(d.slots()).isEmpty());
        // only lots available before December are known in November (in stock at hub and depot)
        assertThat(earlier.lots()).extracting(DonationLot::id).containsExactly("lot-0003", "lot-0004", "lot-0005");
    }

    @Test
    void theMonthStartsWithTheStockTheLedgerHasThen() {
        networks.store("moved", TestNetworks.rich());
        Ledger ledger = new Ledger(db.dsl());
        Instant beforeMonth = TestNetworks.MONTH.atDay(1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).minusHours(3).toInstant();
        ledger.transfer("moved", "lot-0004", "hub", "depot-yonago", 30_000, new Operation("t-1", "test", beforeMonth));
        ledger.deliver("moved", "lot-0003", "hub", "shl-001", 18_250, new Operation("t-2", "test", beforeMonth));
        // a movement during the month is the plan's business, not the opening stock
        ledger.transfer("moved", "lot-0005", "depot-kurayoshi", "hub", 7_000,
                new Operation("t-3", "test", TestNetworks.MONTH.atDay(3).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant()));

        Network month = networks.load("moved", TestNetworks.MONTH).orElseThrow();

        assertThat(month.lots()).extracting(DonationLot::id, DonationLot::siteId, DonationLot::grams).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lot-0001", "sup-001", 12_500L),
                org.assertj.core.groups.Tuple.tuple("lot-0002", "farm-001", 40_000L),
                org.assertj.core.groups.Tuple.tuple("lot-0004@hub", "hub", 70_000L),
                org.assertj.core.groups.Tuple.tuple("lot-0004@depot-yonago", "depot-yonago", 30_000L),
                org.assertj.core.groups.Tuple.tuple("lot-0005", "depot-kurayoshi", 7_777L),
                org.assertj.core.groups.Tuple.tuple("lot-0006", "ind-001", 3_000L),
                org.assertj.core.groups.Tuple.tuple("lot-0007", "co-001", 1L));
    }

    @Test
    void aCorrectedDonationCountsWithItsCorrectedWeight() {
        networks.store("weighed", TestNetworks.rich());
        Ledger ledger = new Ledger(db.dsl());
        var logged = ledger.entriesOf("weighed", "lot-0001").get(0);
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        // weighed again during the month: 500 g less than logged
        ledger.correct("weighed", logged.sequence(), "sup-001", -500, "weighed again",
                new Operation("w-1", "organizer", TestNetworks.MONTH.atDay(2).atStartOfDay(tokyo).toInstant()));
        // a correction of a movement during the month is the plan's business, like the movement itself
        var moved = ledger.transfer("weighed", "lot-0005", "depot-kurayoshi", "hub", 7_000,
                new Operation("w-2", "test", TestNetworks.MONTH.atDay(3).atStartOfDay(tokyo).toInstant()));
        ledger.correct("weighed", moved.sequence(), "depot-kurayoshi", 100, "found another box",
                new Operation("w-3", "test", TestNetworks.MONTH.atDay(3).atStartOfDay(tokyo).plusHours(1).toInstant()));

        Network month = networks.load("weighed", TestNetworks.MONTH).orElseThrow();

        assertThat(month.lots()).extracting(DonationLot::id, DonationLot::grams)
                .contains(org.assertj.core.groups.Tuple.tuple("lot-0001", 12_000L),
                        org.assertj.core.groups.Tuple.tuple("lot-0005", 7_777L));
    }

    @Test
    void theMonthAtTheLedgerHasTheFoodWhereTheLedgerSaysItIsNow_andWhatRecipientsGot() {
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        java.util.function.IntFunction<Instant> day = d -> TestNetworks.MONTH.atDay(d).atTime(10, 0).atZone(tokyo).toInstant();
        networks.store("now", TestNetworks.rich());
        Ledger ledger = new Ledger(db.dsl());
        Instant lastMonth = TestNetworks.MONTH.atDay(1).atStartOfDay(tokyo).minusHours(2).toInstant();
        ledger.deliver("now", "lot-0003", "hub", "caf-001", 1_000, new Operation("n-0", "test", lastMonth));
        assertThat(ledger.foodMoved("now", day.apply(1), day.apply(31))).isFalse();
        ledger.transfer("now", "lot-0004", "hub", "depot-yonago", 30_000, new Operation("n-1", "test", day.apply(3)));
        ledger.deliver("now", "lot-0003", "hub", "shl-001", 8_250, new Operation("n-2", "test", day.apply(3)));
        // confirmed ahead of its day: the food is at the hub from the 12th
        ledger.pickUp("now", "lot-0002", "farm-001", "hub", 40_000, new Operation("n-3", "test", day.apply(12)));
        ledger.discard("now", "lot-0005", "depot-kurayoshi", 777, "dented", new Operation("n-4", "test", day.apply(4)));
        long through = ledger.head("now");
        // written later: not part of the month as at row `through`
        ledger.transfer("now", "lot-0004", "hub", "depot-kurayoshi", 10_000, new Operation("n-5", "test", day.apply(5)));

        NetworkRepository.LedgerMonth atLedger = networks.loadAtLedger("now", TestNetworks.MONTH, through).orElseThrow();

        LocalDate d1 = TestNetworks.MONTH.atDay(1);
        assertThat(atLedger.network().lots()).extracting(DonationLot::id, DonationLot::siteId, DonationLot::grams,
                DonationLot::availableFrom).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lot-0001", "sup-001", 12_500L, d1.plusDays(2)),
                org.assertj.core.groups.Tuple.tuple("lot-0002", "hub", 40_000L, d1.plusDays(11)),
                org.assertj.core.groups.Tuple.tuple("lot-0003", "hub", 9_000L, d1.minusDays(10)),
                org.assertj.core.groups.Tuple.tuple("lot-0004@hub", "hub", 70_000L, d1.minusDays(40)),
                org.assertj.core.groups.Tuple.tuple("lot-0004@depot-yonago", "depot-yonago", 30_000L, d1.plusDays(2)),
                org.assertj.core.groups.Tuple.tuple("lot-0005", "depot-kurayoshi", 7_000L, d1.minusDays(5)),
                org.assertj.core.groups.Tuple.tuple("lot-0006", "ind-001", 3_000L, d1.plusDays(5)),
                org.assertj.core.groups.Tuple.tuple("lot-0007", "co-001", 1L, TestNetworks.MONTH.atEndOfMonth()));
        // only deliveries in the month count for the month's needs
        assertThat(atLedger.delivered()).containsExactly(java.util.Map.entry("shl-001",
                new org.foodnet.solver.domain.ClassAmounts(0, 0, 8_250)));
        // everything but the lots is the month as load has it
        Network month = networks.load("now", TestNetworks.MONTH).orElseThrow();
        assertThat(new Network(month.name(), month.settings(), month.sites(), month.needs(), atLedger.network().lots(),
                month.vehicles(), month.drivers(), month.travelMatrix())).isEqualTo(atLedger.network());
        assertThat(month.lots()).extracting(DonationLot::id).contains("lot-0004").doesNotContain("lot-0004@hub");
        // at the newest row the later transfer counts too
        assertThat(networks.loadAtLedger("now", TestNetworks.MONTH, ledger.head("now")).orElseThrow().network().lots())
                .filteredOn(l -> l.id().startsWith("lot-0004")).extracting(DonationLot::siteId, DonationLot::grams)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hub", 60_000L),
                        org.assertj.core.groups.Tuple.tuple("depot-kurayoshi", 10_000L),
                        org.assertj.core.groups.Tuple.tuple("depot-yonago", 30_000L));
        assertThat(ledger.foodMoved("now", day.apply(1), day.apply(31))).isTrue();
        assertThat(ledger.foodMoved("now", day.apply(13), day.apply(31))).isFalse();
        assertThat(networks.loadAtLedger("nowhere", TestNetworks.MONTH, through)).isEmpty();
    }

    @Test
    void storingALoadedMonthBackNeverLogsFoodTwice() {
        networks.store("reloaded", TestNetworks.rich());
        Ledger ledger = new Ledger(db.dsl());
        Instant beforeMonth = TestNetworks.MONTH.atDay(1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).minusHours(1).toInstant();
        ledger.transfer("reloaded", "lot-0004", "hub", "depot-yonago", 30_000, new Operation("r-1", "test", beforeMonth));
        Network month = networks.load("reloaded", TestNetworks.MONTH).orElseThrow();
        assertThat(month.lots()).extracting(DonationLot::id).contains("lot-0004@hub", "lot-0004@depot-yonago");

        networks.store("reloaded", month);

        assertThat(networks.load("reloaded", TestNetworks.MONTH)).contains(month);
        assertThat(ledger.whereIs("reloaded", "lot-0004")).containsEntry("hub", 70_000L).containsEntry("depot-yonago", 30_000L);
        assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("donation_lot"),
                org.jooq.impl.DSL.field("external_id").like("%@%"))).isZero();
    }

    @Test
    void anExplicitTravelMatrixRoundTrips() {
        Network rich = TestNetworks.rich();
        List<String> places = rich.places().stream().map(org.foodnet.solver.domain.Place::id).toList();
        int n = places.size();
        double[][] km = new double[n][n];
        double[][] minutes = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                km[i][j] = i == j ? 0 : Math.PI * (i + 1) + j / 7.0;
                minutes[i][j] = i == j ? 0 : km[i][j] * 1.7;
            }
        }
        Network network = new Network(rich.name(), rich.settings(), rich.sites(), rich.needs(), rich.lots(), rich.vehicles(),
                rich.drivers(), new TravelMatrix(places, km, minutes));

        networks.store("matrix", network);
        Network loaded = networks.load("matrix", TestNetworks.MONTH).orElseThrow();

        assertThat(loaded.travelMatrix().placeIds()).isEqualTo(places);
        assertThat(loaded.travelMatrix().km()).isDeepEqualTo(km);
        assertThat(loaded.travelMatrix().minutes()).isDeepEqualTo(minutes);
        assertThat(new Network(loaded.name(), loaded.settings(), loaded.sites(), loaded.needs(), loaded.lots(),
                loaded.vehicles(), loaded.drivers(), null)).isEqualTo(rich);
    }

    @Test
    void aRoadMatrixKeepsItsSourceAndAMatrixOfUnknownOriginHasNone() {
        Network rich = TestNetworks.rich();
        List<String> places = rich.places().stream().map(org.foodnet.solver.domain.Place::id).toList();
        int n = places.size();
        double[][] km = new double[n][n];
        double[][] minutes = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                km[i][j] = i == j ? 0 : 1 + i + j;
                minutes[i][j] = i == j ? 0 : 2.017 * (1 + i + j);
            }
        }
        org.foodnet.solver.travel.TravelSource source =
                new org.foodnet.solver.travel.TravelSource("andorra.osm.pbf", "70998b72b5ee" + "0".repeat(52));
        networks.store("roads", new Network(rich.name(), rich.settings(), rich.sites(), rich.needs(), rich.lots(),
                rich.vehicles(), rich.drivers(), new TravelMatrix(places, km, minutes, source)));

        TravelMatrix loaded = networks.load("roads", TestNetworks.MONTH).orElseThrow().travelMatrix();
        assertThat(loaded.source()).isEqualTo(source);
        assertThat(loaded.minutes()).isDeepEqualTo(minutes);

        // stored again without a source (an explicit matrix): the old source does not linger
        networks.store("roads", new Network(rich.name(), rich.settings(), rich.sites(), rich.needs(), rich.lots(),
                rich.vehicles(), rich.drivers(), new TravelMatrix(places, km, minutes)));
        assertThat(networks.load("roads", TestNetworks.MONTH).orElseThrow().travelMatrix().source()).isNull();
        // and without a matrix at all
        networks.store("roads", rich);
        assertThat(networks.load("roads", TestNetworks.MONTH).orElseThrow().travelMatrix()).isNull();
    }

    @Test
    void aChangedMatrixWritesOnlyTheLegsThatChanged() {
        Network rich = TestNetworks.rich();
        List<String> ids = List.of("a", "b", "c", "d");
        networks.store("partial", withMatrix(rich, ids, 0));
        // "a" goes, "x" comes, and one leg between kept places changes
        List<String> next = List.of("b", "c", "d", "x");
        Network changed = withMatrix(rich, next, 0);
        changed.travelMatrix().minutes()[0][1] = 99.5;
        networks.store("partial", changed);

        TravelMatrix loaded = networks.load("partial", TestNetworks.MONTH).orElseThrow().travelMatrix();
        assertThat(loaded.placeIds()).containsExactlyInAnyOrderElementsOf(next);
        var index = loaded.indexById();
        for (String from : next) {
            for (String to : next) {
                int i = next.indexOf(from);
                int j = next.indexOf(to);
                assertThat(loaded.minutes()[index.get(from)][index.get(to)]).as(from + "->" + to)
                        .isEqualTo(changed.travelMatrix().minutes()[i][j]);
                assertThat(loaded.km()[index.get(from)][index.get(to)]).isEqualTo(changed.travelMatrix().km()[i][j]);
            }
        }
        // rows written by the last store: x's row and column (2 * 4 - 1) and the changed leg
        long region = db.dsl().fetchSingle("SELECT id FROM region WHERE code = 'partial'").get(0, Long.class);
        Long written = db.dsl().fetchSingle("""
                SELECT count(*) FROM travel_leg WHERE region_id = ? AND xmin::text::bigint =
                    (SELECT max(xmin::text::bigint) FROM travel_leg WHERE region_id = ?)""", region, region).get(0, Long.class);
        assertThat(written).isEqualTo(8);
        assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("travel_leg"),
                org.jooq.impl.DSL.field("region_id").eq(region))).isEqualTo(16);
    }

    /** The network with a matrix over the given place ids whose entries depend on the ids only. */
    private static Network withMatrix(Network n, List<String> ids, int salt) {
        int size = ids.size();
        double[][] km = new double[size][size];
        double[][] minutes = new double[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                km[i][j] = i == j ? 0 : ids.get(i).charAt(0) + ids.get(j).charAt(0) / 10.0 + salt;
                minutes[i][j] = i == j ? 0 : km[i][j] * 1.5;
            }
        }
        return new Network(n.name(), n.settings(), n.sites(), n.needs(), n.lots(), n.vehicles(), n.drivers(),
                new TravelMatrix(ids, km, minutes));
    }

    @Test
    void regionsAreListed() {
        networks.store("zz-last", TestNetworks.rich());

        assertThat(networks.regions()).contains("zz-last").isSorted();
    }
}

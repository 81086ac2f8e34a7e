package org.foodnet.data.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.TestDatabase;
import org.foodnet.data.TestNetworks;
import org.foodnet.data.network.NetworkRepository;
import org.foodnet.data.stock.EntryKind;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.data.stock.Operation;
import org.foodnet.solver.plan.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlanRepositoryTest {

    private static final Map<String, BigDecimal> WEIGHTS = Map.of(
            "undeliveredFood", new BigDecimal("10"), "fairShares", new BigDecimal("2.5"), "balance", BigDecimal.ZERO);

    private static TestDatabase db;
    private static PlanRepository plans;
    private static int next;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        plans = new PlanRepository(db.dsl());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String freshRegion() {
        String region = "plans-" + (++next);
        new NetworkRepository(db.dsl()).store(region, TestNetworks.rich());
        return region;
    }

    @Test
    void aStoredPlanLoadsBackEqual() {
        String region = freshRegion();
        Plan plan = TestNetworks.plan();

        PlanInfo stored = plans.store(region, plan, WEIGHTS);
        StoredPlan found = plans.find(stored.id()).orElseThrow();

        assertThat(found.plan()).isEqualTo(plan);
        assertThat(found.info().status()).isEqualTo(PlanStatus.SOLVED);
        assertThat(found.info().score()).isEqualTo(plan.score());
        assertThat(found.info().constraintWeights()).isEqualTo(WEIGHTS);
        assertThat(found.info().month()).isEqualTo(TestNetworks.MONTH);
        assertThat(found.info().solvedAt()).isNotNull();
    }

    @Test
    void aPlanGoesFromDraftThroughSolvingToPublishedAndArchived() {
        String region = freshRegion();

        PlanInfo draft = plans.createDraft(region, TestNetworks.MONTH, WEIGHTS);
        PlanInfo solving = plans.startSolving(draft.id(), draft.version());
        PlanInfo solved = plans.storeSolution(solving.id(), solving.version(), TestNetworks.plan());
        PlanInfo published = plans.publish(solved.id(), solved.version());
        PlanInfo archived = plans.archive(published.id(), published.version());

        assertThat(List.of(draft, solving, solved, published, archived)).extracting(PlanInfo::status).containsExactly(
                PlanStatus.DRAFT, PlanStatus.SOLVING, PlanStatus.SOLVED, PlanStatus.PUBLISHED, PlanStatus.ARCHIVED);
        assertThat(List.of(draft, solving, solved, published, archived)).extracting(PlanInfo::version).containsExactly(0, 1, 2, 3, 4);
        assertThat(archived.publishedAt()).isNotNull();
        assertThat(archived.archivedAt()).isNotNull();
    }

    @Test
    void aStaleVersionIsRefused() {
        String region = freshRegion();
        PlanInfo draft = plans.createDraft(region, TestNetworks.MONTH, WEIGHTS);
        plans.startSolving(draft.id(), draft.version());

        assertThatThrownBy(() -> plans.startSolving(draft.id(), draft.version()))
                .isInstanceOf(StalePlan.class)
                .hasMessageContaining("expected version 0, it is at 1");
    }

    @Test
    void aDraftCannotBePublished() {
        String region = freshRegion();
        PlanInfo draft = plans.createDraft(region, TestNetworks.MONTH, WEIGHTS);

        assertThatThrownBy(() -> plans.publish(draft.id(), draft.version()))
                .isInstanceOf(ConstraintViolation.class)
                .hasMessageContaining("status cannot change from DRAFT to PUBLISHED");
    }

    @Test
    void publishingAPlanArchivesTheOnePublishedBeforeForTheMonth() {
        String region = freshRegion();
        PlanInfo first = plans.store(region, TestNetworks.plan(), WEIGHTS);
        first = plans.publish(first.id(), first.version());
        PlanInfo second = plans.store(region, TestNetworks.plan(), Map.of());

        plans.publish(second.id(), second.version());

        assertThat(plans.info(first.id()).orElseThrow().status()).isEqualTo(PlanStatus.ARCHIVED);
        assertThat(plans.published(region, TestNetworks.MONTH).orElseThrow().info().id()).isEqualTo(second.id());
        assertThat(plans.plansOf(region, TestNetworks.MONTH)).extracting(PlanInfo::id).containsExactly(second.id(), first.id());
    }

    @Test
    void aDriverSeesTheTripsOfPublishedPlansOnly() {
        String region = freshRegion();
        PlanInfo plan = plans.store(region, TestNetworks.plan(), WEIGHTS);
        assertThat(plans.tripsOfDriver(region, "drv-001", TestNetworks.MONTH.atDay(1), TestNetworks.MONTH.atEndOfMonth())).isEmpty();

        plans.publish(plan.id(), plan.version());

        List<DriverTrip> trips = plans.tripsOfDriver(region, "drv-001", TestNetworks.MONTH.atDay(1), TestNetworks.MONTH.atEndOfMonth());
        assertThat(trips).extracting(DriverTrip::trip).containsExactlyElementsOf(TestNetworks.plan().trips());
        assertThat(trips).allSatisfy(t -> assertThat(t.done()).isFalse());
        assertThat(plans.tripsOfDriver(region, "drv-001", TestNetworks.MONTH.atDay(3), TestNetworks.MONTH.atDay(9)))
                .extracting(t -> t.trip().id()).containsExactly("trip-002");
        assertThat(plans.tripsOfDriver(region, "drv-002", TestNetworks.MONTH.atDay(1), TestNetworks.MONTH.atEndOfMonth())).isEmpty();
    }

    @Test
    void confirmingTripsDoneWritesTheirMovementsToTheLedgerOnce() {
        String region = freshRegion();
        PlanInfo plan = plans.store(region, TestNetworks.plan(), WEIGHTS);
        plans.publish(plan.id(), plan.version());
        Ledger ledger = new Ledger(db.dsl());

        List<LedgerEntry> pickup = plans.confirmTripDone(plan.id(), "trip-001", Operation.now("done-1", "佐藤 花子"));
        List<LedgerEntry> trunk = plans.confirmTripDone(plan.id(), "trip-002", Operation.now("done-2", "佐藤 花子"));
        List<LedgerEntry> again = plans.confirmTripDone(plan.id(), "trip-002", Operation.now("done-2-retry", "佐藤 花子"));

        assertThat(pickup).extracting(LedgerEntry::kind, LedgerEntry::lotId, LedgerEntry::fromSiteId, LedgerEntry::toSiteId,
                LedgerEntry::grams).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EntryKind.PICKED_UP, "lot-0001", "sup-001", "hub", 10_000L),
                org.assertj.core.groups.Tuple.tuple(EntryKind.PICKED_UP, "lot-0001", "sup-001", "hub", 2_500L),
                org.assertj.core.groups.Tuple.tuple(EntryKind.PICKED_UP, "lot-0002", "farm-001", "hub", 20_000L));
        assertThat(trunk).extracting(LedgerEntry::kind, LedgerEntry::lotId, LedgerEntry::recipientId, LedgerEntry::grams).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EntryKind.TRANSFERRED, "lot-0004", null, 25_000L),
                org.assertj.core.groups.Tuple.tuple(EntryKind.DELIVERED, "lot-0001", "caf-001", 10_000L),
                org.assertj.core.groups.Tuple.tuple(EntryKind.DELIVERED, "lot-0005", "caf-001", 7_777L));
        assertThat(again).isEqualTo(trunk);
        assertThat(ledger.whereIs(region, "lot-0001")).containsExactly(Map.entry("hub", 2_500L));
        assertThat(ledger.whereIs(region, "lot-0004")).containsEntry("hub", 75_000L).containsEntry("depot-kurayoshi", 25_000L);
        assertThat(ledger.whereIs(region, "lot-0005")).isEmpty();
        assertThat(plans.tripsOfDriver(region, "drv-001", TestNetworks.MONTH.atDay(1), TestNetworks.MONTH.atEndOfMonth()))
                .allSatisfy(t -> assertThat(t.doneBy()).isEqualTo("佐藤 花子"));
    }

    @Test
    void tickingStopsDoneWritesEachStopsMovementsOnce_andTheTripIsDoneWithItsLastStop() {
        String region = freshRegion();
        PlanInfo plan = plans.store(region, TestNetworks.plan(), WEIGHTS);
        plans.publish(plan.id(), plan.version());
        Ledger ledger = new Ledger(db.dsl());
        plans.confirmTripDone(plan.id(), "trip-001", Operation.now("stops-done-1", "佐藤 花子"));

        // trip-002: hub (loads only) -> depot-kurayoshi (unloads lot-0004) -> caf-001 (unloads lot-0001, lot-0005)
        assertThat(plans.confirmStopDone(plan.id(), "trip-002", 1, Operation.now("stops-done-2", "佐藤 花子"))).isEmpty();
        List<LedgerEntry> cafe = plans.confirmStopDone(plan.id(), "trip-002", 3, Operation.now("stops-done-2", "佐藤 花子"));
        assertThat(cafe).extracting(LedgerEntry::kind, LedgerEntry::lotId, LedgerEntry::fromSiteId, LedgerEntry::recipientId,
                LedgerEntry::grams, LedgerEntry::replayed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EntryKind.DELIVERED, "lot-0001", "hub", "caf-001", 10_000L, false),
                org.assertj.core.groups.Tuple.tuple(EntryKind.DELIVERED, "lot-0005", "depot-kurayoshi", "caf-001", 7_777L, false));
        assertThat(ledger.whereIs(region, "lot-0004")).doesNotContainKey("depot-kurayoshi");   // stop 2 not ticked yet
        List<DriverTrip> trips = plans.tripsOfDriver(region, "drv-001", TestNetworks.MONTH.atDay(9), TestNetworks.MONTH.atDay(9));
        assertThat(trips.get(0).done()).isFalse();
        assertThat(trips.get(0).stopsDoneAt()).extracting(java.util.Objects::nonNull).containsExactly(true, false, true);

        List<LedgerEntry> again = plans.confirmStopDone(plan.id(), "trip-002", 3, Operation.now("stops-done-2", "someone else"));
        assertThat(again).extracting(LedgerEntry::sequence).containsExactlyElementsOf(cafe.stream().map(LedgerEntry::sequence).toList());
        assertThat(again).allSatisfy(e -> assertThat(e.replayed()).isTrue());
        assertThatThrownBy(() -> plans.confirmStopDone(plan.id(), "trip-002", 4, Operation.now("stops-done-2", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stops 1 to 3");

        // the whole trip: only the depot's row is new; the trip is done
        List<LedgerEntry> all = plans.confirmTripDone(plan.id(), "trip-002", Operation.now("stops-done-2", "佐藤 花子"));
        assertThat(all).extracting(LedgerEntry::kind, LedgerEntry::lotId, LedgerEntry::grams).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(EntryKind.TRANSFERRED, "lot-0004", 25_000L),
                org.assertj.core.groups.Tuple.tuple(EntryKind.DELIVERED, "lot-0001", 10_000L),
                org.assertj.core.groups.Tuple.tuple(EntryKind.DELIVERED, "lot-0005", 7_777L));
        assertThat(ledger.entriesOf(region, "lot-0001")).filteredOn(e -> e.kind() == EntryKind.DELIVERED).hasSize(1);
        assertThat(ledger.whereIs(region, "lot-0004")).containsEntry("depot-kurayoshi", 25_000L);
        trips = plans.tripsOfDriver(region, "drv-001", TestNetworks.MONTH.atDay(9), TestNetworks.MONTH.atDay(9));
        assertThat(trips.get(0).done()).isTrue();
        assertThat(trips.get(0).stopsDoneAt()).allSatisfy(t -> assertThat(t).isNotNull());
    }

    @Test
    void onlyTripsOfAPublishedPlanCanBeConfirmed() {
        String region = freshRegion();
        PlanInfo plan = plans.store(region, TestNetworks.plan(), WEIGHTS);

        assertThatThrownBy(() -> plans.confirmTripDone(plan.id(), "trip-001", new Operation("d", "x", Instant.now())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only trips of a published plan can be confirmed done");
    }

    @Test
    void aPlanNamingAnUnknownLotIsRefused() {
        String region = freshRegion();
        Plan plan = TestNetworks.plan();
        Plan broken = new Plan(plan.networkName(), plan.month(), plan.score(), plan.trips(),
                List.of(new org.foodnet.solver.plan.Allocation("p-x", "lot-9999", "caf-001", TestNetworks.MONTH.atDay(3), 5, true)));

        assertThatThrownBy(() -> plans.store(region, broken, WEIGHTS))
                .hasMessageContaining("the plan names lot lot-9999, which is not a lot of this region");
        assertThat(plans.plansOf(region, TestNetworks.MONTH)).isEmpty();
    }
}

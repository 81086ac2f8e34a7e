package org.foodnet.api.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.planning.PlanBases;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.plan.StoredPlan;
import org.foodnet.data.stock.EntryKind;
import org.foodnet.data.stock.Ledger;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.solver.PlanSummary;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.check.CheckReport;
import org.foodnet.solver.check.PlanChecker;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Grams;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.PlannedTrip;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The month report: per recipient what was needed, planned (published plan) and delivered (stock ledger); what
 * expired or was left undelivered; kilometres, volunteer hours and trips. "Delivered" and the ledger totals come
 * from the ledger rows that occurred in the month, "planned" from the published plan.
 */
@RestController
class ReportController {

    /** {@code plannedFulfilmentPerClass}: per temperature class the recipient needs, planned ÷ that class's need. */
    record Recipient(String id, String name, double needKg, double plannedKg, double deliveredKg, double fulfilment,
                     Map<TemperatureClass, Double> plannedFulfilmentPerClass, List<ClassLine> perClass) {
    }

    /**
     * One temperature class of a recipient: need, planned (published plan) and delivered (ledger) kg, and
     * delivered ÷ need (1 without need). Every class the recipient needs or got food of.
     */
    record ClassLine(TemperatureClass temperature, double needKg, double plannedKg, double deliveredKg, double fulfilment) {
    }

    /** One volunteer's trips of the published plan: how many and hours (trip start to end). */
    record VolunteerHours(String id, String name, int trips, double hours) {
    }

    record LedgerTotals(double loggedKg, double pickedUpKg, double transferredKg, double deliveredKg, double discardedKg,
                   double correctedKg, int entries) {
    }

    record Totals(double needKg, double plannedKg, double deliveredKg, double expiredKg, double undeliveredKg,
                  double discardedKg, double km, long drivingMinutes, double volunteerHours, int trips, int tripsDone) {
    }

    /**
     * The per-class figures of the published plan are as in the solver's summary (null without one), and so are the
     * needs no plan can reach ({@code unreachableNeeds}; empty without a published plan).
     */
    record MonthReport(YearMonth month, String zone, Long publishedPlanId, String score, List<Recipient> recipients,
                       Totals totals, LedgerTotals ledger, Map<TemperatureClass, Double> minFulfilmentPerClass,
                       Double minRelativeFulfilmentPerClass, List<VolunteerHours> volunteers,
                       List<org.foodnet.solver.PlanSummary.Unreachable> unreachableNeeds) {
    }

    private final NetworkService network;
    private final PlanRepository plans;
    private final Ledger ledger;
    private final PlanBases bases;

    ReportController(NetworkService network, PlanRepository plans, Ledger ledger, PlanBases bases) {
        this.network = network;
        this.bases = bases;
        this.plans = plans;
        this.ledger = ledger;
    }

    @GetMapping("/api/reports/{month}")
    @Transactional(readOnly = true)
    public MonthReport report(@PathVariable YearMonth month) {
        Network n = network.load(month);
        ZoneId zone = n.settings().zone();
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        StoredPlan published = plans.published(network.region(), month).orElse(null);

        Set<String> lotIds = new LinkedHashSet<>();
        for (DonationLot lot : n.lots()) {
            int at = lot.id().lastIndexOf('@');
            lotIds.add(at > 0 ? lot.id().substring(0, at) : lot.id());
        }
        Map<EntryKind, Long> byKind = new EnumMap<>(EntryKind.class);
        Map<String, Long> deliveredTo = new HashMap<>();
        Map<String, TemperatureClass> lotClass = new HashMap<>();
        for (DonationLot lot : n.lots()) {
            int at = lot.id().lastIndexOf('@');
            lotClass.putIfAbsent(at > 0 ? lot.id().substring(0, at) : lot.id(), lot.temperature());
        }
        Map<String, Map<TemperatureClass, Long>> deliveredPerClass = new HashMap<>();
        long corrected = 0;
        int entries = 0;
        for (String lotId : lotIds) {
            for (LedgerEntry e : ledger.entriesOf(network.region(), lotId)) {
                if (e.occurredAt().isBefore(start) || !e.occurredAt().isBefore(end)) {
                    continue;
                }
                entries++;
                if (e.kind() == EntryKind.CORRECTED) {
                    corrected += e.toSiteId() != null ? e.grams() : -e.grams();
                } else {
                    byKind.merge(e.kind(), e.grams(), Long::sum);
                }
                if (e.kind() == EntryKind.DELIVERED) {
                    deliveredTo.merge(e.recipientId(), e.grams(), Long::sum);
                    TemperatureClass c = lotClass.get(lotId);
                    if (c != null) {
                        deliveredPerClass.computeIfAbsent(e.recipientId(), k -> new EnumMap<>(TemperatureClass.class))
                                .merge(c, e.grams(), Long::sum);
                    }
                }
            }
        }

        CheckReport check = null;
        PlanSummary summary = null;
        int tripsDone = 0;
        long minutes = 0;
        Map<String, long[]> perDriver = new java.util.TreeMap<>();   // driver → {trips, minutes}
        if (published != null) {
            // checked against where the plan started (a plan made after food was moved starts from the ledger)
            Network planStart = bases.checkedAgainst(published.info().id(), month);
            check = PlanChecker.check(planStart, published.plan());
            summary = PlanSummary.of(planStart, new SolveResult(published.plan(), 0, 0, 0, -1, 0), check);
            for (PlannedTrip t : published.plan().trips()) {
                if (!t.stops().isEmpty()) {
                    long m = Duration.between(t.start(), t.end()).toMinutes();
                    minutes += m;
                    long[] d = perDriver.computeIfAbsent(t.driverId(), k -> new long[2]);
                    d[0]++;
                    d[1] += m;
                }
            }
            tripsDone = (int) published.plan().trips().stream().map(PlannedTrip::driverId).distinct()
                    .flatMap(d -> plans.tripsOfDriver(network.region(), d, month.atDay(1), month.atEndOfMonth()).stream())
                    .filter(t -> t.planId() == published.info().id() && t.done()).count();
        }
        Map<String, Site> sites = n.sitesById();
        Map<String, Map<TemperatureClass, Double>> perClass = summary == null ? Map.of() : summary.fulfilmentPerRecipientClass();
        List<Recipient> recipients = new ArrayList<>();
        long need = 0;
        long planned = 0;
        for (RecipientNeed r : n.needs()) {
            long asked = r.monthlyNeed().totalGrams();
            long p = check == null ? 0 : check.deliveredGrams(r.recipientId());
            long d = deliveredTo.getOrDefault(r.recipientId(), 0L);
            need += asked;
            planned += p;
            Site s = sites.get(r.recipientId());
            Map<TemperatureClass, Double> plannedShare = perClass.getOrDefault(r.recipientId(), Map.of());
            Map<TemperatureClass, Long> got = deliveredPerClass.getOrDefault(r.recipientId(), Map.of());
            List<ClassLine> lines = new ArrayList<>();
            for (TemperatureClass c : TemperatureClass.values()) {
                long classNeed = r.monthlyNeed().get(c);
                long classGot = got.getOrDefault(c, 0L);
                Double share = plannedShare.get(c);
                if (classNeed == 0 && classGot == 0 && (share == null || share == 0)) {
                    continue;
                }
                lines.add(new ClassLine(c, Grams.toKg(classNeed), share == null ? 0 : Math.round(share * classNeed) / 1000.0,
                        Grams.toKg(classGot), classNeed == 0 ? 1.0 : Math.round(1000.0 * classGot / classNeed) / 1000.0));
            }
            recipients.add(new Recipient(r.recipientId(), s == null ? r.recipientId() : s.name(), Grams.toKg(asked),
                    Grams.toKg(p), Grams.toKg(d), asked == 0 ? 1.0 : Math.round(1000.0 * d / asked) / 1000.0,
                    plannedShare, lines));
        }
        long delivered = byKind.getOrDefault(EntryKind.DELIVERED, 0L);
        Totals totals = new Totals(Grams.toKg(need), Grams.toKg(planned), Grams.toKg(delivered),
                summary == null ? 0 : summary.expiredKg(), summary == null ? 0 : summary.unplannedKg(),
                Grams.toKg(byKind.getOrDefault(EntryKind.DISCARDED, 0L)), check == null ? 0 : Math.round(check.distanceKm() * 10) / 10.0,
                summary == null ? 0 : summary.drivingMinutes(), Math.round(minutes / 6.0) / 10.0,
                check == null ? 0 : check.trips(), tripsDone);
        List<VolunteerHours> volunteers = new ArrayList<>();
        perDriver.forEach((id, v) -> {
            var driver = n.driversById().get(id);
            volunteers.add(new VolunteerHours(id, driver == null ? id : driver.name(), (int) v[0], Math.round(v[1] / 6.0) / 10.0));
        });
        LedgerTotals l = new LedgerTotals(Grams.toKg(byKind.getOrDefault(EntryKind.LOGGED, 0L)),
                Grams.toKg(byKind.getOrDefault(EntryKind.PICKED_UP, 0L)), Grams.toKg(byKind.getOrDefault(EntryKind.TRANSFERRED, 0L)),
                Grams.toKg(delivered), Grams.toKg(byKind.getOrDefault(EntryKind.DISCARDED, 0L)), Grams.toKg(corrected), entries);
        return new MonthReport(month, zone.getId(), published == null ? null : published.info().id(),
                published == null ? null : published.info().score(), recipients, totals, l,
                summary == null ? null : summary.minFulfilmentPerClass(),
                summary == null ? null : summary.minRelativeFulfilmentPerClass(), volunteers,
                summary == null ? List.of() : summary.unreachableNeeds());
    }
}

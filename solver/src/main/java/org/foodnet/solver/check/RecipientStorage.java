package org.foodnet.solver.check;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * Rule 9, what a recipient holds over the days: for every recipient, temperature class and day d of the plan's
 * month, held(d) = the grams of every UNLOAD at that recipient's site whose unload date ≤ d ≤ the serving day
 * of the movement's parcel must not exceed the recipient's storage capacity for that class. Food is held from
 * its unload until the end of its serving day.
 *
 * <p>Computed from the plan alone: the unload date is the date of the stop's departure (food arrives at a
 * site when the unloading stop departs, rule 5); the serving day is the plan allocation's {@code servingDay}
 * for the movement's {@code parcelId}; an unload whose parcel the plan does not list counts on its unload
 * date only. The class is the lot's (the movement's when the lot is unknown). An unload after its serving day
 * holds nothing (rule 7 reports it). Each run of consecutive days over capacity is one violation.
 */
final class RecipientStorage {

    private final CheckContext ctx;

    RecipientStorage(CheckContext ctx) {
        this.ctx = ctx;
    }

    void check() {
        int classes = TemperatureClass.values().length;
        Map<String, long[][]> held = new LinkedHashMap<>();
        for (PlannedTrip trip : ctx.plan.trips()) {
            for (PlannedStop stop : trip.stops()) {
                Site site = ctx.sites.get(stop.siteId());
                LocalDateTime at = stop.departure() != null ? stop.departure() : stop.serviceStart();
                if (site == null || site.role() != SiteRole.RECIPIENT || at == null) {
                    continue;
                }
                long unloaded = ctx.dayIndex(at.toLocalDate());
                for (Movement m : stop.movements()) {
                    if (m.kind() != MovementKind.UNLOAD) {
                        continue;
                    }
                    DonationLot lot = ctx.lots.get(m.lotId());
                    TemperatureClass c = lot != null ? lot.temperature() : m.temperature();
                    Allocation parcel = m.parcelId() == null ? null : ctx.parcels.get(m.parcelId());
                    long served = parcel == null || parcel.servingDay() == null ? unloaded
                            : ctx.dayIndex(parcel.servingDay());
                    long[] days = held.computeIfAbsent(site.id(), k -> new long[classes][ctx.days])[c.ordinal()];
                    for (long d = Math.max(0, unloaded); d <= Math.min(ctx.days - 1, served); d++) {
                        days[(int) d] += m.grams();
                    }
                }
            }
        }
        for (Map.Entry<String, long[][]> e : held.entrySet()) {
            Site site = ctx.sites.get(e.getKey());
            for (TemperatureClass c : TemperatureClass.values()) {
                reportRuns(site, c, e.getValue()[c.ordinal()]);
            }
        }
    }

    /** One violation per run of consecutive days over capacity, with the most held in it. */
    private void reportRuns(Site site, TemperatureClass c, long[] days) {
        long capacity = site.storageCapacity().get(c);
        int d = 0;
        while (d < days.length) {
            if (days[d] <= capacity) {
                d++;
                continue;
            }
            int first = d;
            long most = 0;
            while (d < days.length && days[d] > capacity) {
                most = Math.max(most, days[d]);
                d++;
            }
            int last = d - 1;
            String when = first == last ? "on " + ctx.day(first) : "from " + ctx.day(first) + " to " + ctx.day(last);
            ctx.report(ViolationKind.RECIPIENT_HOLDING, Words.site(site) + " holds " + (first == last ? "" : "up to ")
                    + Words.kg(most) + " " + c.word() + " food delivered and not yet served " + when + ", "
                    + (capacity == 0 ? "but it has no " + Words.storageSpace(c)
                    : "but its " + Words.storageSpaceHolds(c) + " " + Words.kg(capacity)));
        }
    }
}

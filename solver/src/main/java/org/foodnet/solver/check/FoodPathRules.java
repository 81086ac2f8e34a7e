package org.foodnet.solver.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.plan.Allocation;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;

/**
 * Rule 10, the shape of a food path: the sites a parcel's food reaches (where it is loaded, unloaded or passes,
 * in time order: a load at the stop's service start, an unload or pass at its departure), with repeats in a
 * row counted once, must be a stretch (consecutive sites) of a path the rules allow from the lot's site to the
 * parcel's recipient, or, for a parcel that starts at the hub or a depot other than the lot's site, of an
 * allowed path from there (a re-plan carries food that fixed trips brought part of the way on as a new parcel,
 * as if it were in stock where it is). Where the path leads is checked by the stock
 * rule (food is loaded only where it is) and rule 7 (unloaded only at its recipient):
 *
 * <ul>
 * <li>lot at a donor: donor, hub, D, recipient; donor, D, recipient with {@code allowDonorToDepot};
 * donor, hub, recipient with {@code allowHubToRecipient}; donor, recipient with {@code allowDonorToRecipient};</li>
 * <li>lot at the hub: hub, D, recipient; hub, recipient with {@code allowHubToRecipient};</li>
 * <li>lot at depot D: D, recipient; lot at another depot E: E, hub, D, recipient (E, hub, recipient with
 * {@code allowHubToRecipient}).</li>
 * </ul>
 * D is the recipient's depot: its {@code servingDepotId}, else the depot nearest to it by travel distance
 * (km), else the hub; when D is the hub, "hub, D" is the hub once.
 */
final class FoodPathRules {

    private FoodPathRules() {
    }

    static void check(CheckContext ctx) {
        record Reach(java.time.LocalDateTime at, String parcelId, String siteId) {
        }
        List<Reach> reaches = new ArrayList<>();
        for (PlannedTrip trip : ctx.plan.trips()) {
            for (PlannedStop stop : trip.stops()) {
                if (!ctx.sites.containsKey(stop.siteId()) || stop.departure() == null) {
                    continue;
                }
                for (Movement m : stop.movements()) {
                    if (ctx.parcels.containsKey(m.parcelId())) {
                        reaches.add(new Reach(m.kind() == MovementKind.LOAD && stop.serviceStart() != null
                                ? stop.serviceStart() : stop.departure(), m.parcelId(), stop.siteId()));
                    }
                }
            }
        }
        reaches.sort(Comparator.comparing(Reach::at)); // stable: a trip's stops keep their order
        Map<String, List<String>> reached = new LinkedHashMap<>();
        for (Reach r : reaches) {
            List<String> sites = reached.computeIfAbsent(r.parcelId(), id -> new ArrayList<>());
            if (sites.isEmpty() || !sites.get(sites.size() - 1).equals(r.siteId())) {
                sites.add(r.siteId());
            }
        }
        Map<String, Site> depotOf = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : reached.entrySet()) {
            Allocation parcel = ctx.parcels.get(entry.getKey());
            DonationLot lot = ctx.lots.get(parcel.lotId());
            Site recipient = ctx.sites.get(parcel.recipientId());
            if (lot == null || recipient == null || recipient.role() != SiteRole.RECIPIENT
                    || !ctx.sites.containsKey(lot.siteId())) {
                continue; // reported as unknown references
            }
            List<String> path = new ArrayList<>();
            boolean wrongPlace = false;
            for (String site : entry.getValue()) {
                if (path.isEmpty() || !path.get(path.size() - 1).equals(site)) {
                    path.add(site);
                    Site at = ctx.sites.get(site);
                    // food left at a donor or another recipient is reported as WRONG_RECIPIENT (rule 7)
                    wrongPlace |= at.role() == SiteRole.DONOR && path.size() > 1
                            || at.role() == SiteRole.RECIPIENT && !at.id().equals(recipient.id());
                }
            }
            if (wrongPlace) {
                continue;
            }
            Site depot = depotOf.computeIfAbsent(recipient.id(), id -> depotOf(ctx, recipient));
            List<List<String>> allowed = new ArrayList<>(allowedPaths(ctx, ctx.sites.get(lot.siteId()), depot, recipient));
            Site first = ctx.sites.get(path.get(0));
            if (!first.id().equals(lot.siteId()) && first.role().stores()) {
                allowed.addAll(allowedPaths(ctx, first, depot, recipient)); // carried on as if in stock there
            }
            boolean fits = allowed.stream().anyMatch(a -> java.util.Collections.indexOfSubList(a, path) >= 0);
            if (!fits) {
                ctx.report(ViolationKind.FOOD_PATH, "Parcel " + parcel.parcelId() + " of " + Words.lot(lot) + " for "
                        + Words.site(recipient) + " goes " + String.join(" -> ", path) + ", which is not an allowed path ("
                        + String.join("; ", allowed.stream().map(a -> String.join(" -> ", a)).toList()) + ")");
            }
        }
    }

    /** The recipient's depot: its serving depot, else the nearest depot by travel distance, else the hub. */
    static Site depotOf(CheckContext ctx, Site recipient) {
        if (recipient.servingDepotId() != null && ctx.sites.containsKey(recipient.servingDepotId())) {
            return ctx.sites.get(recipient.servingDepotId());
        }
        Site best = null;
        double bestKm = Double.MAX_VALUE;
        int to = ctx.travel.indexOf(recipient.id());
        for (Site depot : ctx.network.sitesWithRole(SiteRole.DEPOT)) {
            double km = ctx.travel.km(ctx.travel.indexOf(depot.id()), to);
            if (km < bestKm) {
                bestKm = km;
                best = depot;
            }
        }
        return best != null ? best : hub(ctx);
    }

    private static Site hub(CheckContext ctx) {
        List<Site> hubs = ctx.network.sitesWithRole(SiteRole.HUB);
        return hubs.isEmpty() ? null : hubs.get(0);
    }

    /** Every path the rules allow from a lot's site to the recipient (site ids, both ends included). */
    static List<List<String>> allowedPaths(CheckContext ctx, Site at, Site depot, Site recipient) {
        PlanningSettings settings = ctx.network.settings();
        Site hub = hub(ctx);
        List<List<String>> paths = new ArrayList<>();
        if (hub == null || depot == null) {
            return paths;
        }
        String r = recipient.id();
        switch (at.role()) {
            case DONOR -> {
                paths.add(path(at.id(), hub.id(), depot.id(), r));
                if (settings.allowDonorToDepot() && depot != hub) {
                    paths.add(path(at.id(), depot.id(), r));
                }
                if (settings.allowHubToRecipient()) {
                    paths.add(path(at.id(), hub.id(), r));
                }
                if (settings.allowDonorToRecipient()) {
                    paths.add(path(at.id(), r));
                }
            }
            case HUB -> {
                paths.add(path(hub.id(), depot.id(), r));
                if (settings.allowHubToRecipient()) {
                    paths.add(path(hub.id(), r));
                }
            }
            case DEPOT -> {
                if (at == depot) {
                    paths.add(path(at.id(), r));
                } else {
                    paths.add(path(at.id(), hub.id(), depot.id(), r));
                    if (settings.allowHubToRecipient()) {
                        paths.add(path(at.id(), hub.id(), r));
                    }
                }
            }
            default -> {
            }
        }
        return paths;
    }

    /** The ids in order, a site repeated in a row counted once (when the depot is the hub). */
    private static List<String> path(String... ids) {
        List<String> path = new ArrayList<>();
        for (String id : ids) {
            if (path.isEmpty() || !path.get(path.size() - 1).equals(id)) {
                path.add(id);
            }
        }
        return path;
    }
}

package org.foodnet.solver.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.travel.Travel;

/**
 * Which sites a lot passes on its way to a recipient (docs/planning-rules.md, "Food paths"): donor -> hub
 * -> the recipient's depot -> recipient, with the shortcuts the settings allow.
 */
public final class FoodPaths {

    private final Network network;
    private final Travel travel;
    private final Site hub;
    private final Map<String, Site> depotOf = new HashMap<>();
    private final Map<String, Site> byId;

    public FoodPaths(Network network, Travel travel) {
        this.network = network;
        this.travel = travel;
        this.byId = network.sitesById();
        this.hub = network.sitesWithRole(SiteRole.HUB).get(0);
        List<Site> depots = network.sitesWithRole(SiteRole.DEPOT);
        for (Site r : network.sitesWithRole(SiteRole.RECIPIENT)) {
            Site depot = r.servingDepotId() != null ? byId.get(r.servingDepotId()) : nearest(r, depots).orElse(hub);
            depotOf.put(r.id(), depot);
        }
    }

    private Optional<Site> nearest(Site r, List<Site> candidates) {
        Site best = null;
        double bestKm = Double.MAX_VALUE;
        for (Site c : candidates) {
            double km = travel.km(travel.indexOf(c.id()), travel.indexOf(r.id()));
            if (km < bestKm) {
                bestKm = km;
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The travel model the paths were chosen with. */
    public Travel travel() {
        return travel;
    }

    public Site hub() {
        return hub;
    }

    /** The depot (or the hub) that serves a recipient. */
    public Site depotOf(Site recipient) {
        return depotOf.get(recipient.id());
    }

    /**
     * The sites a lot's food visits on its way to the recipient, starting where the lot is and ending at
     * the recipient; empty when no path is allowed. Stock at a depot for another depot's recipient goes back
     * through the hub.
     */
    public Optional<List<Site>> path(DonationLot lot, Site recipient) {
        PlanningSettings settings = network.settings();
        Site at = byId.get(lot.siteId());
        Site depot = depotOf(recipient);
        List<Site> path = new ArrayList<>(4);
        path.add(at);
        switch (at.role()) {
            case DONOR -> {
                if (settings.allowDonorToRecipient()) {
                    path.add(recipient);
                    return Optional.of(path);
                }
                if (settings.allowDonorToDepot() && depot != hub && closerThanHub(at, depot)) {
                    path.add(depot);
                } else {
                    path.add(hub);
                    addFromHub(path, depot, recipient, settings);
                    return Optional.of(path);
                }
            }
            case HUB -> {
                addFromHub(path, depot, recipient, settings);
                return Optional.of(path);
            }
            case DEPOT -> {
                if (at != depot) {
                    // stock of another town's depot (a food drive there) goes back through the hub
                    path.add(hub);
                    addFromHub(path, depot, recipient, settings);
                    return Optional.of(path);
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        path.add(recipient);
        return Optional.of(path);
    }

    private void addFromHub(List<Site> path, Site depot, Site recipient, PlanningSettings settings) {
        boolean direct = depot == hub
                || (settings.allowHubToRecipient() && hubCloser.computeIfAbsent(recipient.id(),
                        id -> km(hub, recipient) <= km(depot, recipient)));
        if (!direct) {
            path.add(depot);
        }
        path.add(recipient);
    }

    /** Per recipient: the hub is at least as close as its depot (asked for every lot that may serve it). */
    private final Map<String, Boolean> hubCloser = new HashMap<>();
    /** Per donor and depot: the depot is closer than the hub. */
    private final Map<String, Map<String, Boolean>> depotCloser = new HashMap<>();

    private boolean closerThanHub(Site donor, Site depot) {
        return depotCloser.computeIfAbsent(donor.id(), k -> new HashMap<>())
                .computeIfAbsent(depot.id(), k -> km(donor, depot) < km(donor, hub));
    }

    private double km(Site a, Site b) {
        return travel.km(travel.indexOf(a.id()), travel.indexOf(b.id()));
    }
}

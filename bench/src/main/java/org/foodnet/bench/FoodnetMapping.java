package org.foodnet.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.OpeningHours;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.domain.TemperatureClass;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;
import org.foodnet.solver.plan.Movement;
import org.foodnet.solver.plan.MovementKind;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.TravelMatrix;

/**
 * Maps a benchmark {@link Instance} onto Foodnet's own domain model, so that the benchmark measures the engine
 * users get, and maps Foodnet's plans back to routes for {@link BenchChecker}.
 *
 * <p>The mapping: one day ({@link #DAY}, a Monday of January 2026, zone UTC); 1 instance time unit = 1 second and
 * 1 distance unit = 1 km (so travel minutes = distance / 60); 1 demand unit = 1 kg; all food ambient.
 * <ul>
 *   <li>depot → logistics hub {@value #HUB}, open every day from the depot's ready to due time; storage ample for
 *       CVRPTW (the lots are in stock there), zero for PDPTW (no transfer through the hub);</li>
 *   <li>CVRPTW customer i → recipient {@code c<i>} (community cafeteria) open from ready to due + service (Foodnet
 *       requires departure &lt;= close where the literature requires service start &lt;= due), its need of the day,
 *       and a lot {@code lot-c<i>} of exactly its demand in stock at the hub, earmarked for it;</li>
 *   <li>PDPTW pickup p → donor {@code p<p>} (supermarket) with a lot {@code lot-p<p>} earmarked for its delivery's
 *       recipient; delivery d → recipient {@code d<d>} with its need;</li>
 *   <li>vehicles → drivers {@code v<k>} (k = 1..vehicles), each with its own vehicle {@code car-v<k>} (ambient
 *       capacity = capacity kg), home at the depot, one availability slot on the day over the depot's window;</li>
 *   <li>travel: an explicit {@link TravelMatrix} of Euclidean distances. The sites' GeoPoints are dummies
 *       (lat = 35 + y/10000, lon = 134 + x/10000) that only keep the domain valid.</li>
 * </ul>
 * Recipients get a storage capacity equal to their demand (a recipient with none could not be unloaded at, rule 9).
 */
public final class FoodnetMapping {

    /** The planning day: Monday 2026-01-05. */
    public static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    public static final String HUB = "hub";
    static final String LOT_CATEGORY = "benchmark";
    private static final Pattern NODE_SITE = Pattern.compile("[cpd]([1-9][0-9]*)");

    private FoodnetMapping() {
    }

    /** The settings every mapped network is planned with (shortcuts hub → recipient and donor → recipient on). */
    public static PlanningSettings settings() {
        return new PlanningSettings(YearMonth.of(2026, 1), ZoneId.of("UTC"), 1.0, 60.0, false, true, true, 0);
    }

    /** The id of the Foodnet site a node becomes: {@code hub}, {@code c<i>}, {@code p<i>} or {@code d<i>}. */
    public static String siteIdOf(Instance instance, int node) {
        if (node == 0) {
            return HUB;
        }
        if (instance.kind() == Instance.Kind.CVRPTW) {
            return "c" + node;
        }
        return instance.node(node).isPickup() ? "p" + node : "d" + node;
    }

    /** The node a mapped site stands for (0 for the hub); fails for an id this mapping does not make. */
    public static int nodeOf(String siteId) {
        if (HUB.equals(siteId)) {
            return 0;
        }
        Matcher m = NODE_SITE.matcher(siteId);
        if (!m.matches()) {
            throw new IllegalArgumentException("site " + siteId + " is not a site of a mapped benchmark instance");
        }
        return Integer.parseInt(m.group(1));
    }

    public static Network toNetwork(Instance instance) {
        Instance.Node depot = instance.depot();
        long totalGrams = 0;
        for (Instance.Node n : instance.nodes()) {
            totalGrams += grams(Math.max(0, n.demand()));
        }
        List<Site> sites = new ArrayList<>();
        List<RecipientNeed> needs = new ArrayList<>();
        List<DonationLot> lots = new ArrayList<>();
        // CVRPTW: ample storage for the lots in stock there. PDPTW: none, so that no food is unloaded at the hub
        // on its way from a pickup to its delivery (a transfer the literature does not allow).
        long hubStorage = instance.kind() == Instance.Kind.CVRPTW ? Math.max(1, totalGrams) * 10 : 0;
        // CVRPTW: a vehicle loads at the depot once, when it leaves: the hub is open for loading only in the
        // first second of the day, so no Foodnet trip can come back mid-route to reload (which would be a
        // second route in the literature's terms). Vehicles start from a home at the depot's point.
        TimeWindow hubOpen = instance.kind() == Instance.Kind.CVRPTW
                ? window(instance, depot.ready(), depot.ready() + 1) : window(instance, depot.ready(), depot.due());
        sites.add(site(HUB, "Depot", SiteKind.LOGISTICS_HUB, depot, hubOpen, 0, new ClassAmounts(hubStorage, 0, 0)));
        for (Instance.Node n : instance.nodes().subList(1, instance.nodes().size())) {
            TimeWindow open = window(instance, n.ready(), n.due() + n.service());
            String id = siteIdOf(instance, n.id());
            if (instance.kind() == Instance.Kind.CVRPTW) {
                long grams = grams(n.demand());
                sites.add(site(id, "Customer " + n.id(), SiteKind.COMMUNITY_CAFETERIA, n, open, n.service(),
                        new ClassAmounts(grams, 0, 0)));
                needs.add(need(id, grams));
                lots.add(lot("lot-" + id, HUB, grams, id));
            } else if (n.isPickup()) {
                long grams = grams(n.demand());
                sites.add(site(id, "Pickup " + n.id(), SiteKind.SUPERMARKET, n, open, n.service(), ClassAmounts.ZERO));
                lots.add(lot("lot-" + id, id, grams, siteIdOf(instance, n.delivery())));
            } else {
                long grams = grams(-n.demand());
                sites.add(site(id, "Delivery " + n.id(), SiteKind.COMMUNITY_CAFETERIA, n, open, n.service(),
                        new ClassAmounts(grams, 0, 0)));
                needs.add(need(id, grams));
            }
        }
        List<Vehicle> vehicles = new ArrayList<>();
        List<Driver> drivers = new ArrayList<>();
        AvailabilitySlot slot = new AvailabilitySlot(DAY, time(instance, depot.ready()), time(instance, depot.due()));
        for (int k = 1; k <= instance.vehicles(); k++) {
            Vehicle v = new Vehicle("car-v" + k, "Vehicle " + k, new ClassAmounts(grams(instance.capacity()), 0, 0));
            vehicles.add(v);
            drivers.add(new Driver("v" + k, "Driver " + k, "", point(depot), 24 * 60, v.id(), List.of(slot)));
        }
        Network skeleton = new Network(instance.name(), settings(), sites, needs, lots, vehicles, drivers, null);
        return new Network(instance.name(), settings(), sites, needs, lots, vehicles, drivers, matrix(instance, skeleton));
    }

    /**
     * The Euclidean travel matrix over the network's places: a site stands at its node's coordinates, a
     * driver's home at the depot's. km = distance, minutes = distance / 60.
     */
    static TravelMatrix matrix(Instance instance, Network network) {
        List<Place> places = network.places();
        int n = places.size();
        int[] node = new int[n];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = places.get(i).id();
            ids.add(id);
            node[i] = id.startsWith("home:") ? 0 : nodeOf(id);
        }
        double[][] km = new double[n][n];
        double[][] minutes = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = instance.distance(node[i], node[j]);
                km[i][j] = d;
                minutes[i][j] = d / 60.0;
            }
        }
        return new TravelMatrix(ids, km, minutes);
    }

    /**
     * The routes of a Foodnet plan, for {@link BenchChecker}: per trip, the nodes in visiting order, a delivery
     * (recipient) node where food is unloaded at its site, a pickup (donor) node where food is loaded at its site.
     * Hub stops at the start or end of a trip are skipped; a hub stop between two customer stops is a return to
     * the depot and starts a new route (the literature does not allow reloading or transfer, so the checker then
     * counts the extra route and, for PDPTW, flags pairs split across routes).
     */
    public static List<List<Integer>> routesOf(Network network, Plan plan) {
        Map<String, Site> sites = network.sitesById();
        List<List<Integer>> routes = new ArrayList<>();
        for (PlannedTrip trip : plan.trips()) {
            List<Integer> route = new ArrayList<>();
            for (PlannedStop stop : trip.stops()) {
                Site site = sites.get(stop.siteId());
                if (site == null) {
                    throw new IllegalArgumentException("trip " + trip.id() + ": stop at unknown site " + stop.siteId());
                }
                if (site.role() == SiteRole.HUB || site.role() == SiteRole.DEPOT) {
                    if (!route.isEmpty()) {
                        routes.add(route);
                        route = new ArrayList<>();
                    }
                    continue;
                }
                MovementKind counts = site.role() == SiteRole.RECIPIENT ? MovementKind.UNLOAD : MovementKind.LOAD;
                boolean served = false;
                for (Movement m : stop.movements()) {
                    served |= m.kind() == counts;
                }
                if (served) {
                    route.add(nodeOf(site.id()));
                }
            }
            if (!route.isEmpty()) {
                routes.add(route);
            }
        }
        return routes;
    }

    /** {@link #routesOf} as a {@link Solution}. */
    public static Solution solutionOf(Network network, Plan plan) {
        return new Solution(routesOf(network, plan), plan.score() == null ? "" : "score " + plan.score());
    }

    private static Site site(String id, String name, SiteKind kind, Instance.Node node, TimeWindow open,
                             int serviceSeconds, ClassAmounts storage) {
        return new Site(id, name, kind, "", "", "", point(node), OpeningHours.everyDay(open), null, serviceSeconds,
                storage, null);
    }

    private static RecipientNeed need(String recipientId, long grams) {
        return new RecipientNeed(recipientId, new ClassAmounts(grams, 0, 0), List.of(DAY));
    }

    private static DonationLot lot(String id, String siteId, long grams, String earmarkedFor) {
        return new DonationLot(id, siteId, siteId, LOT_CATEGORY, TemperatureClass.AMBIENT, grams, DAY.plusYears(1),
                ExpiryKind.USE_BY, DAY, earmarkedFor);
    }

    static GeoPoint point(Instance.Node node) {
        return new GeoPoint(35 + node.y() / 10000.0, 134 + node.x() / 10000.0);
    }

    private static long grams(int units) {
        return units * 1000L;
    }

    private static TimeWindow window(Instance instance, int from, int to) {
        if (to <= from) {
            throw new IllegalArgumentException("instance " + instance.name() + ": window " + from + ".." + to
                    + " is empty; Foodnet windows must end after they start");
        }
        return new TimeWindow(time(instance, from), time(instance, to));
    }

    private static LocalTime time(Instance instance, int second) {
        if (second < 0 || second >= 24 * 3600) {
            throw new IllegalArgumentException("instance " + instance.name() + ": time " + second
                    + " does not fit in one day at 1 unit = 1 second");
        }
        return LocalTime.ofSecondOfDay(second);
    }
}

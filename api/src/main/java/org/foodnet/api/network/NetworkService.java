package org.foodnet.api.network;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.foodnet.api.config.FoodnetProperties;
import org.foodnet.api.travel.Roads;
import org.foodnet.api.web.Problem;
import org.foodnet.data.network.NetworkRepository;
import org.foodnet.data.stock.DonationLog;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.Vehicle;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The region's network as the use cases see it: read a month, or change it (load, change, store in one
 * transaction that holds the region's lock, so two coordinators' edits never overwrite each other).
 */
@Service
public class NetworkService {

    private final NetworkRepository networks;
    private final JdbcClient jdbc;
    private final String defaultRegion;
    private final Clock clock;
    private final DonationLog donationLog;
    private final Roads roads;

    /**
     * Each network's time zone, read at most once per {@link #ZONE_CACHE_NANOS} (every donation needs it for "today"):
     * dropped here when this node stores a network, re-read within that time after another node changed it.
     */
    private final java.util.Map<String, CachedZone> zones = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long ZONE_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private record CachedZone(ZoneId zone, long readAt) {
    }

    NetworkService(NetworkRepository networks, JdbcClient jdbc, FoodnetProperties properties, Clock clock,
                   DonationLog donationLog, Roads roads) {
        this.networks = networks;
        this.roads = roads;
        this.donationLog = donationLog;
        this.jdbc = jdbc;
        this.defaultRegion = properties.region();
        this.clock = clock;
    }

    /** The network of the request ({@link NetworkContext}), else the configured one ({@code foodnet.region}). */
    public String region() {
        String current = NetworkContext.current();
        return current != null ? current : defaultRegion;
    }

    /** The configured network ({@code foodnet.region}): the one of a service that hosts a single network. */
    public String defaultRegion() {
        return defaultRegion;
    }

    public boolean exists() {
        return networks.regions().contains(region());
    }

    /** The network's time zone (Asia/Tokyo for the demo); UTC before any network is stored. */
    public ZoneId zone() {
        String region = region();
        CachedZone cached = zones.get(region);
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < ZONE_CACHE_NANOS) {
            return cached.zone();
        }
        ZoneId read = jdbc.sql("SELECT time_zone FROM region WHERE code = ?").param(region).query(String.class).optional()
                .map(ZoneId::of).orElse(null);
        if (read == null) {
            return ZoneId.of("UTC");   // no network yet: not cached, the first PUT /api/network sets it
        }
        zones.put(region, new CachedZone(read, now));
        return read;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public Clock clock() {
        return clock;
    }

    /** The month of {@code month}, or the current one in the network's zone. */
    public YearMonth monthOrCurrent(YearMonth month) {
        return month != null ? month : YearMonth.from(today());
    }

    public Network load(YearMonth month) {
        String region = region();
        return networks.load(region, month).orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND,
                "region " + region + " has no network yet: PUT /api/network (or start with --foodnet.demo=true)"));
    }

    @Transactional
    public Network change(YearMonth month, UnaryOperator<Network> change) {
        lock();
        Network before = load(month);
        Network changed = roads.withRoadMatrix(before, change.apply(before));
        networks.store(region(), changed);
        sitesChanged();
        return changed;
    }

    @Transactional
    public void store(Network network) {
        lock();
        if (roads.enabled()) {
            network = roads.withRoadMatrix(networks.load(region(), network.settings().month()).orElse(null), network);
        }
        networks.store(region(), network);
        sitesChanged();
    }

    /**
     * With an extract configured ({@code foodnet.travel.osm}): gives the network its road matrix when the stored one
     * is missing, incomplete or from another extract (another sha256); nothing otherwise.
     *
     * @return true when a matrix was computed and stored
     */
    @Transactional
    public boolean refreshRoadMatrix() {
        if (!roads.enabled() || !exists()) {
            return false;
        }
        lock();
        Network stored = load(monthOrCurrent(null));
        if (roads.current(stored)) {
            return false;
        }
        networks.store(region(), roads.withRoadMatrix(stored, stored));
        sitesChanged();
        return true;
    }

    /** Drops the donation log's cached sites now and again when this transaction has ended. */
    private void sitesChanged() {
        zones.clear();
        donationLog.forgetSites();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    zones.clear();
                    donationLog.forgetSites();
                }
            });
        }
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("foodnet-network:" + region()).query().singleRow();
    }

    // --- copies of a network with one list changed -------------------------------------------------------------

    public static Network withSites(Network n, List<Site> sites) {
        return new Network(n.name(), n.settings(), sites, n.needs(), n.lots(), n.vehicles(), n.drivers(), n.travelMatrix());
    }

    public static Network withNeeds(Network n, List<RecipientNeed> needs) {
        return new Network(n.name(), n.settings(), n.sites(), needs, n.lots(), n.vehicles(), n.drivers(), n.travelMatrix());
    }

    public static Network withVehicles(Network n, List<Vehicle> vehicles) {
        return new Network(n.name(), n.settings(), n.sites(), n.needs(), n.lots(), vehicles, n.drivers(), n.travelMatrix());
    }

    public static Network withDrivers(Network n, List<Driver> drivers) {
        return new Network(n.name(), n.settings(), n.sites(), n.needs(), n.lots(), n.vehicles(), drivers, n.travelMatrix());
    }

    /** Replaces the item with the same id, or appends it. */
    public static <T> List<T> upsert(List<T> items, T item, Function<T, String> id) {
        List<T> result = new ArrayList<>(items);
        for (int i = 0; i < result.size(); i++) {
            if (id.apply(result.get(i)).equals(id.apply(item))) {
                result.set(i, item);
                return result;
            }
        }
        result.add(item);
        return result;
    }
}

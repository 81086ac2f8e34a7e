package org.foodnet.api.travel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.foodnet.api.web.Problem;
import org.foodnet.data.DatabaseSettings;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.travel.TravelMatrix;
import org.foodnet.solver.travel.TravelSource;
import org.foodnet.solver.travel.road.RoadException;
import org.foodnet.solver.travel.road.RoadMatrix;
import org.foodnet.solver.travel.road.RoadNetwork;
import org.foodnet.solver.travel.road.RoadTravel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The service's road network ({@code foodnet.travel.osm} / FOODNET_OSM): opened (imported the first time) when the
 * service starts, and the one place where a network gets its road travel matrix before it is stored. Without an
 * extract every method leaves networks as they are.
 */
@Component
public class Roads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Roads.class);

    private final RoadNetwork roads;
    private final double maxSnapMeters;

    Roads(TravelProperties properties, Environment env) {
        Path osm = properties.osm();
        if (osm == null) {
            String fromEnv = env.getProperty("FOODNET_OSM");
            osm = fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
        }
        this.maxSnapMeters = properties.maxSnapMeters();
        if (osm == null) {
            this.roads = null;
            return;
        }
        Path folder = properties.graphFolder();
        if (folder == null) {
            String dir = env.getProperty("foodnet.data.dir");
            Path data = dir == null || dir.isBlank() ? DatabaseSettings.defaultDataDirectory() : Path.of(dir);
            folder = data.toAbsolutePath().resolveSibling("graphs");
        }
        this.roads = RoadNetwork.open(osm, folder);
        LOG.info("Road travel from {}: graph {} in {} ms ({})", roads.source().describe(),
                roads.imported() ? "imported" : "loaded", roads.openMillis(), roads.graphFolder());
    }

    public boolean enabled() {
        return roads != null;
    }

    /** The extract in use; null without one. */
    public TravelSource source() {
        return roads == null ? null : roads.source();
    }

    public RoadNetwork network() {
        return roads;
    }

    /**
     * The network to store, with its road matrix: {@code before}'s stored matrix where it was made from this
     * extract, with new rows and columns only for places that are new or moved; a whole new matrix when there is
     * none or it came from another extract (another sha256). Without an extract: {@code after} unchanged.
     *
     * @param before the network as stored (null: none yet)
     * @throws Problem 422 naming the first site or volunteer home too far from a connected road
     */
    public Network withRoadMatrix(Network before, Network after) {
        if (roads == null) {
            return after;
        }
        checkSnapping(after);
        TravelMatrix old = before == null ? null : before.travelMatrix();
        long t0 = System.nanoTime();
        try {
            TravelMatrix matrix;
            String how;
            if (old != null && roads.source().equals(old.source())) {
                Set<String> moved = moved(before, after);
                matrix = RoadMatrix.update(roads, old, after.places(), RoadTravel.labels(after), maxSnapMeters, moved);
                how = "kept; rows and columns computed for " + (changed(old, after, moved)) + " place(s)";
            } else {
                matrix = RoadTravel.matrix(after, roads, maxSnapMeters, Math.max(1, Runtime.getRuntime().availableProcessors()));
                how = "computed for all " + after.places().size() + " places";
            }
            LOG.info("Road matrix {} in {} ms", how, (System.nanoTime() - t0) / 1_000_000);
            return RoadTravel.withMatrix(after, matrix);
        } catch (RoadException e) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
    }

    /** True when the network's matrix is from this extract and has every place of the network (in any order). */
    public boolean current(Network network) {
        if (roads == null) {
            return true;
        }
        TravelMatrix m = network.travelMatrix();
        return m != null && roads.source().equals(m.source())
                && new HashSet<>(m.placeIds()).equals(new HashSet<>(network.places().stream().map(Place::id).toList()));
    }

    private static int changed(TravelMatrix old, Network after, Set<String> moved) {
        Set<String> known = new HashSet<>(old.placeIds());
        int n = 0;
        for (Place p : after.places()) {
            if (!known.contains(p.id()) || moved.contains(p.id())) {
                n++;
            }
        }
        return n;
    }

    /** Ids of places of {@code after} that {@code before} has at another point. */
    private static Set<String> moved(Network before, Network after) {
        Map<String, GeoPoint> was = new HashMap<>();
        for (Place p : before.places()) {
            was.put(p.id(), p.point());
        }
        Set<String> moved = new HashSet<>();
        for (Place p : after.places()) {
            GeoPoint w = was.get(p.id());
            if (w != null && !w.equals(p.point())) {
                moved.add(p.id());
            }
        }
        return moved;
    }

    /** Every site and home near a connected road, else 422 naming the first one that is not (field and id). */
    private void checkSnapping(Network network) {
        List<String[]> checks = new ArrayList<>();
        for (Site s : network.sites()) {
            checks.add(new String[] {"sites[" + s.id() + "].location", "site " + s.id() + " (" + s.name() + ")"});
        }
        for (Driver d : network.drivers()) {
            checks.add(new String[] {"volunteers[" + d.id() + "].home", "home of volunteer " + d.id() + " (" + d.name() + ")"});
        }
        List<Place> places = network.places();
        for (int i = 0; i < places.size(); i++) {
            try {
                roads.snap(checks.get(i)[1], places.get(i).point(), maxSnapMeters);
            } catch (RoadException e) {
                throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage(),
                        List.of(new Problem.FieldError(checks.get(i)[0], e.getMessage())));
            }
        }
    }

    /** The demo network placed on the extract's roads (unchanged without an extract). */
    public Network placeOnRoads(Network network) {
        return roads == null ? network : RoadTravel.placeOnRoads(network, roads);
    }

    /** The road route through the points in order: its geometry, time and distance. */
    public RoadNetwork.Route route(List<GeoPoint> points) {
        return roads.route(points);
    }

    static String describe(double meters) {
        return String.format(Locale.ROOT, "%.0f m", meters);
    }

    @Override
    public void close() {
        if (roads != null) {
            roads.close();
        }
    }
}

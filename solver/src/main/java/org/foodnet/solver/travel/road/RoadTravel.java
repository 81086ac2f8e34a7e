package org.foodnet.solver.travel.road;

import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.travel.TravelMatrix;

import com.graphhopper.util.shapes.BBox;

/** Road travel for a whole network: its road matrix, and placing a demo network on an extract's roads. */
public final class RoadTravel {

    private RoadTravel() {
    }

    /** How each place of {@link Network#places()} is named in messages, in the same order. */
    public static List<String> labels(Network network) {
        List<String> labels = new ArrayList<>();
        for (Site s : network.sites()) {
            labels.add("site " + s.id() + " (" + s.name() + ")");
        }
        for (Driver d : network.drivers()) {
            labels.add("home of driver " + d.id() + " (" + d.name() + ")");
        }
        return labels;
    }

    /** Snaps every place (refusing one farther than {@code maxMeters} from a connected road) and computes the matrix. */
    public static TravelMatrix matrix(Network network, RoadNetwork roads, double maxMeters, int threads) {
        return RoadMatrix.compute(roads, network.places(), labels(network), maxMeters, threads);
    }

    /** Checks only the snapping of every place (cheap: no routes). */
    public static void checkSnapping(Network network, RoadNetwork roads, double maxMeters) {
        List<Place> places = network.places();
        List<String> labels = labels(network);
        for (int i = 0; i < places.size(); i++) {
            roads.snap(labels.get(i), places.get(i).point(), maxMeters);
        }
    }

    public static Network withMatrix(Network n, TravelMatrix matrix) {
        return new Network(n.name(), n.settings(), n.sites(), n.needs(), n.lots(), n.vehicles(), n.drivers(), matrix);
    }

    /**
     * The same network placed on the extract's roads: the bounding box of all its places is stretched linearly onto
     * the box holding the middle 90 % of the extract's road junctions in each direction (so that the corners of an
     * extract without roads are avoided), then each site and home is moved onto the nearest point of a road
     * connected to the rest (a point with no road near it is first moved towards the middle of the box). The result
     * has no travel matrix yet.
     */
    public static Network placeOnRoads(Network n, RoadNetwork roads) {
        List<Place> places = n.places();
        double minLat = Double.POSITIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        for (Place p : places) {
            minLat = Math.min(minLat, p.point().lat());
            maxLat = Math.max(maxLat, p.point().lat());
            minLon = Math.min(minLon, p.point().lon());
            maxLon = Math.max(maxLon, p.point().lon());
        }
        double[] from = {minLat, maxLat, minLon, maxLon};
        double[] to = roadBox(roads);
        List<Site> sites = new ArrayList<>();
        for (Site s : n.sites()) {
            GeoPoint p = onRoad(roads, "site " + s.id(), map(s.location(), from, to), to);
            sites.add(new Site(s.id(), s.name(), s.kind(), s.municipality(), s.address(), s.contact(), p,
                    s.openingHours(), s.closedDates(), s.serviceSeconds(), s.storageCapacity(), s.servingDepotId()));
        }
        List<Driver> drivers = new ArrayList<>();
        for (Driver d : n.drivers()) {
            GeoPoint p = onRoad(roads, "home of driver " + d.id(), map(d.home(), from, to), to);
            drivers.add(new Driver(d.id(), d.name(), d.contact(), p, d.maxMinutesPerDay(), d.vehicleId(), d.slots()));
        }
        return new Network(n.name(), n.settings(), sites, n.needs(), n.lots(), n.vehicles(), drivers, null);
    }

    /** {minLat, maxLat, minLon, maxLon} of the 5th to 95th percentile of the road junctions' coordinates. */
    static double[] roadBox(RoadNetwork roads) {
        com.graphhopper.storage.NodeAccess na = roads.graph().getNodeAccess();
        int nodes = roads.graph().getNodes();
        double[] lat = new double[nodes];
        double[] lon = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            lat[i] = na.getLat(i);
            lon[i] = na.getLon(i);
        }
        java.util.Arrays.sort(lat);
        java.util.Arrays.sort(lon);
        int lo = (int) (nodes * 0.05);
        int hi = Math.max(lo, (int) (nodes * 0.95) - 1);
        return new double[] {lat[lo], lat[hi], lon[lo], lon[hi]};
    }

    private static GeoPoint map(GeoPoint p, double[] from, double[] to) {
        double fy = from[1] > from[0] ? (p.lat() - from[0]) / (from[1] - from[0]) : 0.5;
        double fx = from[3] > from[2] ? (p.lon() - from[2]) / (from[3] - from[2]) : 0.5;
        return new GeoPoint(to[0] + fy * (to[1] - to[0]), to[2] + fx * (to[3] - to[2]));
    }

    private static GeoPoint onRoad(RoadNetwork roads, String label, GeoPoint p, double[] box) {
        double midLat = (box[0] + box[1]) / 2;
        double midLon = (box[2] + box[3]) / 2;
        GeoPoint at = p;
        for (int step = 0; ; step++) {
            try {
                return RoadNetwork.snappedPoint(roads.snap(label, at, Double.POSITIVE_INFINITY));
            } catch (RoadException noRoadNear) {
                if (step == 12) {
                    throw noRoadNear;
                }
                at = new GeoPoint((at.lat() + midLat) / 2, (at.lon() + midLon) / 2);
            }
        }
    }
}

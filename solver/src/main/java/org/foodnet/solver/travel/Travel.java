package org.foodnet.solver.travel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;

/**
 * Travel distance and time between the places of one network, looked up by a dense index (the order of
 * {@link Network#places()}). The great-circle model rounds driving times up to whole minutes (route sheets
 * read in minutes); an explicit matrix is taken at full precision (literature benchmarks). Times are handed
 * out by {@link #millis} in milliseconds, rounded up: the solver's and the checker's time unit.
 *
 * <p>Memory: the great-circle model keeps only whole minutes, two bytes per pair (a month network of 11,000 places
 * needs 242 MB instead of 2.9 GB for three dense double/long matrices), and computes kilometres when asked;
 * an explicit matrix is kept dense at full precision.
 */
public final class Travel {

    private final List<Place> places;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final int n;
    // explicit matrix
    private final double[][] km;
    private final long[][] millis;
    // great circle
    private final char[] wholeMinutes;
    private final double[] lat;
    private final double[] lon;
    private final double roadFactor;
    // road times for chosen pairs, a fallback for the rest (no dense matrix)
    private final PairTravel pairs;

    private Travel(List<Place> places, double[][] km, long[][] millis, char[] wholeMinutes, double roadFactor) {
        this(places, km, millis, wholeMinutes, roadFactor, null);
    }

    private Travel(List<Place> places, double[][] km, long[][] millis, char[] wholeMinutes, double roadFactor,
                   PairTravel pairs) {
        this.pairs = pairs;
        this.places = List.copyOf(places);
        for (int i = 0; i < places.size(); i++) {
            indexById.put(places.get(i).id(), i);
        }
        this.n = places.size();
        this.km = km;
        this.millis = millis;
        this.wholeMinutes = wholeMinutes;
        this.roadFactor = roadFactor;
        this.lat = new double[n];
        this.lon = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = places.get(i).point().lat();
            lon[i] = places.get(i).point().lon();
        }
    }

    /** The travel model of a network: its explicit matrix when it has one, else great-circle x road factor. */
    public static Travel of(Network network) {
        List<Place> places = network.places();
        if (network.travelMatrix() != null && network.travelMatrix().isSparse()) {
            return fromPairs(places, network.travelMatrix().pairs());
        }
        if (network.travelMatrix() != null) {
            return fromMatrix(places, network.travelMatrix());
        }
        return greatCircle(places, network.settings().roadFactor(), network.settings().averageSpeedKmh());
    }

    public static Travel greatCircle(List<Place> places, double roadFactor, double averageSpeedKmh) {
        int n = places.size();
        char[] minutes = new char[n * n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] cosLat = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = places.get(i).point().lat();
            lon[i] = places.get(i).point().lon();
            cosLat[i] = Math.cos(Math.toRadians(lat[i]));
        }
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                double d = i == j ? 0.0 : GreatCircle.km(lat[i], lon[i], cosLat[i], lat[j], lon[j], cosLat[j]) * roadFactor;
                double m = Math.ceil(d / averageSpeedKmh * 60.0 - 1e-9);
                if (m > Character.MAX_VALUE) {
                    throw new IllegalArgumentException("travel from " + places.get(i).id() + " to " + places.get(j).id()
                            + " takes more than " + (int) Character.MAX_VALUE + " minutes");
                }
                minutes[i * n + j] = (char) m;
            }
        });
        return new Travel(places, null, null, minutes, roadFactor);
    }

    public static Travel fromMatrix(List<Place> places, TravelMatrix matrix) {
        Map<String, Integer> index = matrix.indexById();
        int n = places.size();
        double[][] km = new double[n][n];
        long[][] millis = new long[n][n];
        for (int i = 0; i < n; i++) {
            Integer a = index.get(places.get(i).id());
            if (a == null) {
                throw new IllegalArgumentException("travelMatrix: no row for place " + places.get(i).id());
            }
            for (int j = 0; j < n; j++) {
                int b = index.get(places.get(j).id());
                km[i][j] = matrix.km()[a][b];
                millis[i][j] = (long) Math.ceil(matrix.minutes()[a][b] * 60_000.0 - 1e-6);
            }
        }
        return new Travel(places, km, millis, null, 0);
    }

    /** Road times for chosen pairs and a fallback for the rest; the places must be those of the pairs, in order. */
    public static Travel fromPairs(List<Place> places, PairTravel pairs) {
        if (!places.stream().map(Place::id).toList().equals(pairs.placeIds())) {
            throw new IllegalArgumentException("travelMatrix: the road pairs were made for other places");
        }
        return new Travel(places, null, null, null, 0, pairs);
    }

    public int size() {
        return n;
    }

    public int indexOf(String placeId) {
        Integer i = indexById.get(placeId);
        if (i == null) {
            throw new IllegalArgumentException("unknown place " + placeId);
        }
        return i;
    }

    public Place place(int index) {
        return places.get(index);
    }

    /** Driving time in milliseconds (the solver's and the checker's time unit). */
    public long millis(int from, int to) {
        if (millis != null) {
            return millis[from][to];
        }
        return pairs != null ? pairs.millis(from, to) : wholeMinutes[from * n + to] * 60_000L;
    }

    /** Driving time in minutes as the model gives it (whole minutes for great-circle). */
    public double minutes(int from, int to) {
        return millis(from, to) / 60_000.0;
    }

    public double km(int from, int to) {
        if (km != null) {
            return km[from][to];
        }
        if (pairs != null) {
            return pairs.km(from, to);
        }
        return from == to ? 0.0 : GreatCircle.km(lat[from], lon[from], lat[to], lon[to]) * roadFactor;
    }
}

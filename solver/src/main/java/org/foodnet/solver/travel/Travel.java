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
 */
public final class Travel {

    private final List<Place> places;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final double[][] km;
    private final long[][] millis;

    private Travel(List<Place> places, double[][] km, double[][] exactMinutes, boolean wholeMinutes) {
        this.places = List.copyOf(places);
        for (int i = 0; i < places.size(); i++) {
            indexById.put(places.get(i).id(), i);
        }
        this.km = km;
        int n = places.size();
        this.millis = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double m = wholeMinutes ? Math.ceil(exactMinutes[i][j] - 1e-9) : exactMinutes[i][j];
                millis[i][j] = (long) Math.ceil(m * 60_000.0 - 1e-6);
            }
        }
    }

    /** The travel model of a network: its explicit matrix when it has one, else great-circle x road factor. */
    public static Travel of(Network network) {
        List<Place> places = network.places();
        if (network.travelMatrix() != null) {
            return fromMatrix(places, network.travelMatrix());
        }
        return greatCircle(places, network.settings().roadFactor(), network.settings().averageSpeedKmh());
    }

    public static Travel greatCircle(List<Place> places, double roadFactor, double averageSpeedKmh) {
        int n = places.size();
        double[][] km = new double[n][n];
        double[][] min = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = i == j ? 0.0 : GreatCircle.km(places.get(i).point(), places.get(j).point()) * roadFactor;
                km[i][j] = d;
                min[i][j] = d / averageSpeedKmh * 60.0;
            }
        }
        return new Travel(places, km, min, true);
    }

    public static Travel fromMatrix(List<Place> places, TravelMatrix matrix) {
        Map<String, Integer> index = matrix.indexById();
        int n = places.size();
        double[][] km = new double[n][n];
        double[][] min = new double[n][n];
        for (int i = 0; i < n; i++) {
            Integer a = index.get(places.get(i).id());
            if (a == null) {
                throw new IllegalArgumentException("travelMatrix: no row for place " + places.get(i).id());
            }
            for (int j = 0; j < n; j++) {
                int b = index.get(places.get(j).id());
                km[i][j] = matrix.km()[a][b];
                min[i][j] = matrix.minutes()[a][b];
            }
        }
        return new Travel(places, km, min, false);
    }

    public int size() {
        return places.size();
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
        return millis[from][to];
    }

    /** Driving time in minutes as the model gives it (whole minutes for great-circle). */
    public double minutes(int from, int to) {
        return millis[from][to] / 60_000.0;
    }

    public double km(int from, int to) {
        return km[from][to];
    }
}

package org.foodnet.solver.travel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An explicit travel matrix: for every ordered pair of place ids a road distance in km and a driving time
 * in minutes (for instance from a road-network router, or Euclidean distances for literature benchmarks).
 *
 * @param placeIds row/column order of the two matrices
 * @param source   the OpenStreetMap extract a road matrix was computed from; null for any other matrix
 * @param pairs    instead of the two dense matrices (then null): road times for chosen pairs and a fallback for the
 *                 rest (networks too large for a dense road matrix); never written to a file
 */
public record TravelMatrix(List<String> placeIds, double[][] km, double[][] minutes, TravelSource source,
                           PairTravel pairs) {

    /** A matrix of unknown origin (no {@link TravelSource}). */
    public TravelMatrix(List<String> placeIds, double[][] km, double[][] minutes) {
        this(placeIds, km, minutes, null, null);
    }

    /** A dense matrix. */
    public TravelMatrix(List<String> placeIds, double[][] km, double[][] minutes, TravelSource source) {
        this(placeIds, km, minutes, source, null);
    }

    /** Road travel without a dense matrix. */
    public static TravelMatrix sparse(PairTravel pairs) {
        return new TravelMatrix(pairs.placeIds(), null, null, pairs.source(), pairs);
    }

    public boolean isSparse() {
        return pairs != null;
    }

    public TravelMatrix {
        placeIds = List.copyOf(placeIds);
        int n = placeIds.size();
        if (pairs != null) {
            if (km != null || minutes != null || !placeIds.equals(pairs.placeIds())) {
                throw new IllegalArgumentException("travelMatrix: a sparse matrix has no dense km or minutes");
            }
        } else {
            checkDense(n, km, minutes);
        }
        if (new java.util.HashSet<>(placeIds).size() != n) {
            throw new IllegalArgumentException("travelMatrix: placeIds must be unique");
        }
    }

    private static void checkDense(int n, double[][] km, double[][] minutes) {
        if (km == null || minutes == null) {
            throw new IllegalArgumentException("travelMatrix: km and minutes are required");
        }
        if (km.length != n || minutes.length != n) {
            throw new IllegalArgumentException("travelMatrix: km and minutes must have " + n + " rows, one per place id");
        }
        for (int i = 0; i < n; i++) {
            if (km[i].length != n || minutes[i].length != n) {
                throw new IllegalArgumentException("travelMatrix: row " + i + " must have " + n + " columns");
            }
            for (int j = 0; j < n; j++) {
                if (!(km[i][j] >= 0) || !(minutes[i][j] >= 0)) {
                    throw new IllegalArgumentException("travelMatrix: entry [" + i + "][" + j + "] must be >= 0");
                }
            }
        }
    }

    public Map<String, Integer> indexById() {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < placeIds.size(); i++) {
            map.put(placeIds.get(i), i);
        }
        return map;
    }
}

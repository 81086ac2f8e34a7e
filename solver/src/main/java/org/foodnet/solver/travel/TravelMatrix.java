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
 */
public record TravelMatrix(List<String> placeIds, double[][] km, double[][] minutes, TravelSource source) {

    /** A matrix of unknown origin (no {@link TravelSource}). */
    public TravelMatrix(List<String> placeIds, double[][] km, double[][] minutes) {
        this(placeIds, km, minutes, null);
    }

    public TravelMatrix {
        placeIds = List.copyOf(placeIds);
        int n = placeIds.size();
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
        if (new java.util.HashSet<>(placeIds).size() != n) {
            throw new IllegalArgumentException("travelMatrix: placeIds must be unique");
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

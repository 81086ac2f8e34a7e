package org.foodnet.solver.travel;

import org.foodnet.solver.domain.GeoPoint;

/** Haversine distance on a spherical Earth. */
public final class GreatCircle {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    public static double km(GeoPoint a, GeoPoint b) {
        return km(a.lat(), a.lon(), b.lat(), b.lon());
    }

    public static double km(double latA, double lonA, double latB, double lonB) {
        return km(latA, lonA, Math.cos(Math.toRadians(latA)), latB, lonB, Math.cos(Math.toRadians(latB)));
    }

    /** The same with the cosines of both latitudes given (for a whole matrix: computed once per place). */
    static double km(double latA, double lonA, double cosLatA, double latB, double lonB, double cosLatB) {
        double dLat = Math.toRadians(latB - latA);
        double dLon = Math.toRadians(lonB - lonA);
        double sLat = Math.sin(dLat / 2);
        double sLon = Math.sin(dLon / 2);
        double h = sLat * sLat + cosLatA * cosLatB * sLon * sLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}

package org.foodnet.solver.travel;

import org.foodnet.solver.domain.GeoPoint;

/** Haversine distance on a spherical Earth. */
public final class GreatCircle {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    public static double km(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}

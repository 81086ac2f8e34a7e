package org.foodnet.solver.domain;

/** A point trips start, end or stop at: a site (id = site id) or a driver's home (id = "home:" + driver id). */
public record Place(String id, GeoPoint point) {
}

package org.foodnet.solver.travel;

import java.util.Objects;

/**
 * Where road travel times came from: an OpenStreetMap extract, named by its file name and identified by the
 * SHA-256 of its bytes. Recorded on a road {@link TravelMatrix} and on every plan made with it, so that a plan
 * is never judged against another road network.
 *
 * @param extract file name of the extract, e.g. {@code andorra.osm.pbf}
 * @param sha256  lower-case hex SHA-256 of the extract file (64 characters)
 */
public record TravelSource(String extract, String sha256) {

    public TravelSource {
        if (extract == null || extract.isBlank()) {
            throw new IllegalArgumentException("travelSource.extract must be a file name");
        }
        Objects.requireNonNull(sha256, "travelSource.sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("travelSource.sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
    }

    /** One line for messages: {@code andorra.osm.pbf (sha256 3f2a…)}. */
    public String describe() {
        return extract + " (sha256 " + sha256.substring(0, 12) + "…)";
    }

    /** How a travel source (or its absence: the network's own travel model) is named in messages. */
    public static String describe(TravelSource source) {
        return source == null ? "the network's own travel model (great circle or its explicit travelMatrix)" : source.describe();
    }
}

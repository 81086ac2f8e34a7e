package org.foodnet.solver.travel.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real OpenStreetMap extract the road tests use: {@code osm/andorra.osm.pbf} in the shared folder. */
public final class RoadTestSupport {

    private RoadTestSupport() {
    }

    /** The shared folder comes from {@code -Dfoodnet.shared} (the build sets it to ../shared). */
    public static Path andorra() {
        Path extract = Path.of(System.getProperty("foodnet.shared", "../shared")).resolve("osm/andorra.osm.pbf");
        assertThat(Files.isRegularFile(extract))
                .as("the road tests need the real extract %s (set -Dfoodnet.shared=<folder with osm/andorra.osm.pbf>)", extract)
                .isTrue();
        return extract;
    }
}

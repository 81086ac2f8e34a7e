package org.foodnet.api.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.foodnet.solver.domain.GeoPoint;
import org.junit.jupiter.api.Test;

/** The driver's one link for a whole trip: home → stops in order → home, as Google Maps directions. */
class NavigationUrlTest {

    private static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String part : URI.create(url).getRawQuery().split("&")) {
            String[] kv = part.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void theLinkStartsAndEndsAtHomeAndVisitsTheStopsInTheirOrder() {
        GeoPoint home = new GeoPoint(35.5011, 134.2351);
        List<GeoPoint> stops = List.of(new GeoPoint(35.49, 134.23), new GeoPoint(35.3, 134.4), new GeoPoint(35.45, 134.25));

        String url = RouteSheets.navigationUrl(home, stops);

        assertThat(url).startsWith("https://www.google.com/maps/dir/?api=1&");
        URI.create(url); // a valid URI: the pipes and commas are encoded
        Map<String, String> q = query(url);
        assertThat(q).containsEntry("travelmode", "driving")
                .containsEntry("origin", "35.501100,134.235100")
                .containsEntry("destination", "35.501100,134.235100");
        assertThat(Arrays.asList(q.get("waypoints").split("\\|")))
                .containsExactly("35.490000,134.230000", "35.300000,134.400000", "35.450000,134.250000");
    }

    @Test
    void aTripWithMoreStopsThanGoogleOpensHasNoWholeTripLink() {
        GeoPoint home = new GeoPoint(35.5, 134.2);
        List<GeoPoint> nine = IntStream.range(0, RouteSheets.MAX_WAYPOINTS).mapToObj(i -> new GeoPoint(35 + i * 0.01, 134)).toList();
        List<GeoPoint> ten = IntStream.range(0, RouteSheets.MAX_WAYPOINTS + 1).mapToObj(i -> new GeoPoint(35 + i * 0.01, 134)).toList();

        assertThat(query(RouteSheets.navigationUrl(home, nine)).get("waypoints").split("\\|")).hasSize(9);
        assertThat(RouteSheets.navigationUrl(home, ten)).isNull();
        assertThat(RouteSheets.navigationUrl(home, List.of())).isNull();
    }
}

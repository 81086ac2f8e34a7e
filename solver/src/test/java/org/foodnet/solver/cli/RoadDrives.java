package org.foodnet.solver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.road.RoadNetwork;

/** What the road CLI tests assert about a plan's drives. */
final class RoadDrives {

    private RoadDrives() {
    }

    /**
     * Asserts that every drive of the plan between two different points (home to first stop, stop to stop, last stop
     * home) takes at least GraphHopper's fastest route on the extract, and returns how many drives there were.
     */
    static int assertEachTakesAtLeastTheFastestRoute(Plan plan, Network network, Path extract, Path graphCache) {
        Map<String, GeoPoint> at = new HashMap<>();
        network.places().forEach(place -> at.put(place.id(), place.point()));
        int drives = 0;
        try (RoadNetwork roads = RoadNetwork.open(extract, graphCache)) {
            for (PlannedTrip trip : plan.trips()) {
                String from = "home:" + trip.driverId();
                LocalDateTime left = trip.start();
                List<PlannedStop> stops = trip.stops();
                for (int k = 0; k <= stops.size(); k++) {
                    String to = k == stops.size() ? "home:" + trip.driverId() : stops.get(k).siteId();
                    LocalDateTime arrived = k == stops.size() ? trip.end() : stops.get(k).arrival();
                    if (!at.get(from).equals(at.get(to))) {
                        long planned = Duration.between(left, arrived).toMillis();
                        long road = roads.route(List.of(at.get(from), at.get(to))).millis();
                        assertThat(planned).as("%s %s -> %s", trip.id(), from, to).isGreaterThanOrEqualTo(road);
                        drives++;
                    }
                    from = to;
                    left = k == stops.size() ? null : stops.get(k).departure();
                }
            }
        }
        return drives;
    }
}

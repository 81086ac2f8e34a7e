package org.foodnet.api.planning;

import java.util.ArrayList;
import java.util.List;

import org.foodnet.api.travel.Roads;
import org.foodnet.api.web.Problem;
import org.foodnet.data.plan.PlanInfo;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.foodnet.solver.travel.TravelSource;
import org.foodnet.solver.travel.road.RoadException;
import org.foodnet.solver.travel.road.RoadNetwork;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The line a trip drives on the map: along the roads of the configured extract, else straight between its places. */
@RestController
class TripGeometryController {

    static final String OSM_ATTRIBUTION = "© OpenStreetMap contributors, ODbL";

    /**
     * @param kind        {@code ROAD}: GraphHopper's route through home, the stops in order and home again (simplified
     *                    by GraphHopper); {@code STRAIGHT}: straight segments between those places (no extract configured,
     *                    or the plan was made with another travel source)
     * @param points      the line, [lat, lon] pairs
     * @param places      home, each stop's site, home: [lat, lon] pairs
     * @param meters      the road route's length (null for STRAIGHT)
     * @param attribution the road data's licence notice to show with the line (null for STRAIGHT)
     */
    record TripGeometry(long planId, String tripId, String kind, List<double[]> points, List<double[]> places,
                        Double meters, TravelSource travelSource, String attribution) {
    }

    private final PlanService service;
    private final PlanBases bases;
    private final Roads roads;

    TripGeometryController(PlanService service, PlanBases bases, Roads roads) {
        this.service = service;
        this.bases = bases;
        this.roads = roads;
    }

    @GetMapping("/api/plans/{id}/trips/{tripId}/geometry")
    TripGeometry geometry(@PathVariable long id, @PathVariable String tripId) {
        PlanInfo info = service.info(id);
        Plan plan = service.find(id).plan();
        PlannedTrip trip = plan.trips().stream().filter(t -> t.id().equals(tripId)).findFirst()
                .orElseThrow(() -> Problem.notFound("plan " + id + " has no trip " + tripId));
        Network month = bases.checkedAgainst(id, info.month());
        Driver driver = month.drivers().stream().filter(d -> d.id().equals(trip.driverId())).findFirst()
                .orElseThrow(() -> Problem.notFound("trip " + tripId + ": no volunteer " + trip.driverId()));
        List<GeoPoint> places = new ArrayList<>();
        places.add(driver.home());
        for (PlannedStop stop : trip.stops()) {
            Site site = month.sites().stream().filter(s -> s.id().equals(stop.siteId())).findFirst()
                    .orElseThrow(() -> Problem.notFound("trip " + tripId + ": no site " + stop.siteId()));
            places.add(site.location());
        }
        places.add(driver.home());
        List<GeoPoint> distinct = new ArrayList<>();
        for (GeoPoint p : places) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(p)) {
                distinct.add(p);
            }
        }
        List<double[]> placeList = places.stream().map(p -> new double[] {p.lat(), p.lon()}).toList();
        boolean road = roads.enabled() && roads.source().equals(plan.travelSource()) && distinct.size() >= 2;
        if (road) {
            try {
                RoadNetwork.Route route = roads.route(distinct);
                return new TripGeometry(id, tripId, "ROAD",
                        route.geometry().stream().map(p -> new double[] {p.lat(), p.lon()}).toList(), placeList,
                        route.meters(), roads.source(), OSM_ATTRIBUTION);
            } catch (RoadException e) {
                // a place no longer on the extract's roads: drawn straight, as without an extract
            }
        }
        return new TripGeometry(id, tripId, "STRAIGHT", distinct.stream().map(p -> new double[] {p.lat(), p.lon()}).toList(),
                placeList, null, plan.travelSource(), null);
    }
}

package org.foodnet.solver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.json.NetworkJson;
import org.foodnet.solver.json.PlanJson;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.travel.GreatCircle;
import org.foodnet.solver.travel.road.RoadNetwork;
import org.foodnet.solver.travel.road.RoadTestSupport;
import org.foodnet.solver.travel.road.RoadTravel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./foodnet demo | solve | check | roadcheck --osm} on the real Andorra extract (graph in this class's temp folder). */
class RoadCliTest {

    @TempDir
    static Path dir;
    static Path extract;
    static Path network;
    static Path plan;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeAll
    static void demoAndSolveOnRoads() {
        extract = RoadTestSupport.andorra();
        network = dir.resolve("net.json");
        plan = dir.resolve("plan.json");
        RoadCliTest t = new RoadCliTest();
        t.streams();
        assertThat(t.run("demo", "--seed", "1", "--scale", "1", "--osm", extract.toString(), "--output", network.toString()))
                .as(t.errText()).isZero();
        assertThat(t.run("solve", "--input", network.toString(), "--osm", extract.toString(), "--output", plan.toString(),
                "--time-limit", "4s")).as(t.errText()).isZero();
    }

    @BeforeEach
    void streams() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.contains("--osm")) {
            all.addAll(List.of("--graph-cache", dir.resolve("graphs").toString()));
        }
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all.toArray(String[]::new));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoSitsOnTheExtractsRoadsWithTheRoadMatrixAndItsSource() {
        Network net = NetworkJson.read(network);
        assertThat(net.travelMatrix()).isNotNull();
        assertThat(net.travelMatrix().placeIds()).hasSize(net.places().size());
        try (RoadNetwork roads = RoadNetwork.open(extract, dir.resolve("graphs"))) {
            assertThat(net.travelMatrix().source()).isEqualTo(roads.source());
            var box = roads.bounds();
            for (Place p : net.places()) {
                assertThat(p.point().lat()).isBetween(box.minLat, box.maxLat);
                assertThat(p.point().lon()).isBetween(box.minLon, box.maxLon);
                assertThat(roads.snap(p.id(), p.point(), 300).getQueryDistance()).as(p.id()).isLessThan(0.5);
            }
        }
    }

    @Test
    void everyDriveOfTheRoadPlanTakesAtLeastGraphHoppersFastestRouteAndTheCheckerAgrees() {
        Plan p = PlanJson.read(plan);
        Network net = NetworkJson.read(network);
        assertThat(p.travelSource()).isEqualTo(net.travelMatrix().source());
        assertThat(p.trips()).isNotEmpty();
        int drives = RoadDrives.assertEachTakesAtLeastTheFastestRoute(p, net, extract, dir.resolve("graphs"));
        assertThat(drives).isGreaterThan(20);
        assertThat(run("check", "--input", network.toString(), "--plan", plan.toString())).as(out.toString()).isZero();
        assertThat(run("check", "--input", network.toString(), "--plan", plan.toString(), "--osm", extract.toString())).isZero();
    }

    @Test
    void aPlanMadeWithAnotherTravelSourceIsRefusedInOneLine() throws Exception {
        Plan p = PlanJson.read(plan);
        Path greatCirclePlan = dir.resolve("gc-plan.json");
        PlanJson.write(new Plan(p.networkName(), p.month(), p.score(), p.trips(), p.allocations()), greatCirclePlan);

        assertThat(run("check", "--input", network.toString(), "--plan", greatCirclePlan.toString())).isEqualTo(2);
        assertThat(errText().strip().lines()).hasSize(1);
        assertThat(errText()).contains("gc-plan.json").contains("andorra.osm.pbf").contains("refusing");

        // and the road plan against the same network without its road matrix (great circle)
        streams();
        Path bare = dir.resolve("bare.json");
        NetworkJson.write(RoadTravel.withMatrix(NetworkJson.read(network), null), bare);
        assertThat(run("check", "--input", bare.toString(), "--plan", plan.toString())).isEqualTo(2);
        assertThat(errText().strip().lines()).hasSize(1);
    }

    @Test
    void aCafeteriaTwoKilometresFromAnyRoadIsRefusedInOneLineNamingIt() throws Exception {
        Network net = NetworkJson.read(network);
        List<Site> sites = new ArrayList<>();
        String moved = null;
        for (Site s : net.sites()) {
            if (moved == null && s.id().startsWith("caf-")) {
                moved = s.id();
                s = new Site(s.id(), s.name(), s.kind(), s.municipality(), s.address(), s.contact(),
                        new GeoPoint(42.6442405, 1.5388716), s.openingHours(), s.closedDates(), s.serviceSeconds(),
                        s.storageCapacity(), s.servingDepotId());
            }
            sites.add(s);
        }
        Path far = dir.resolve("far.json");
        NetworkJson.write(new Network(net.name(), net.settings(), sites, net.needs(), net.lots(), net.vehicles(),
                net.drivers(), net.travelMatrix()), far);

        int code = run("solve", "--input", far.toString(), "--osm", extract.toString(), "--output",
                dir.resolve("far-plan.json").toString(), "--time-limit", "1s");

        assertThat(code).isEqualTo(2);
        assertThat(errText().strip().lines()).hasSize(1);
        assertThat(errText()).contains("site " + moved + " (").containsPattern(" is \\d{4} m from the nearest road");
        assertThat(Files.exists(dir.resolve("far-plan.json"))).isFalse();
    }

    @Test
    void solveOnRoadsWritesTheRoadMatrixIntoANetworkThatHasNone() {
        Path bare = dir.resolve("bare-solve.json");
        NetworkJson.write(RoadTravel.withMatrix(NetworkJson.read(network), null), bare);
        assertThat(run("solve", "--input", bare.toString(), "--osm", extract.toString(), "--output",
                dir.resolve("p2.json").toString(), "--time-limit", "1s")).as(errText()).isZero();
        Network written = NetworkJson.read(bare);
        assertThat(written.travelMatrix()).isNotNull();
        assertThat(written.travelMatrix().minutes()).isDeepEqualTo(NetworkJson.read(network).travelMatrix().minutes());
        assertThat(PlanJson.read(dir.resolve("p2.json")).travelSource()).isEqualTo(written.travelMatrix().source());
    }

    @Test
    void roadcheckComparesGreatCircleWithTheRoads() {
        assertThat(run("roadcheck", "--input", network.toString(), "--plan", plan.toString())).isEqualTo(0);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("road km / straight-line km").contains("median").contains("p90")
                .contains("0 (0.0 %) with less time in the plan than the road needs");
        // a plan made on great-circle times has drives the roads cannot make that fast
        streams();
        assertThat(run("roadcheck", "--input", network.toString(), "--osm", extract.toString(), "--time-limit", "2s")).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) drives; (\\d+) \\(").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThan(20);
        assertThat(Integer.parseInt(m.group(2))).isPositive();
                // the straight line is shorter than every road
        Network net = NetworkJson.read(network);
        List<Place> places = net.places();
        double straight = GreatCircle.km(places.get(0).point(), places.get(5).point());
        assertThat(net.travelMatrix().km()[0][5]).isGreaterThanOrEqualTo(straight);
    }

    @Test
    void unknownOptionsAreRefusedInOneLineOnEveryCommand() {
        for (String command : List.of("demo", "solve", "check", "roadcheck")) {
            streams();
            assertThat(run(command, "--colour", "blue")).isEqualTo(2);
            assertThat(errText().strip().lines()).as(command).hasSize(1);
            assertThat(errText()).contains("unknown option --colour");
        }
        streams();
        assertThat(run("check", "--input", "x.json", "--plan", "y.json", "--weight", "Trips=2")).isEqualTo(2);
        assertThat(errText()).contains("unknown option --weight");
    }
}

package org.foodnet.solver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.json.NetworkJson;
import org.foodnet.solver.json.PlanJson;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.travel.PairTravel;
import org.foodnet.solver.travel.road.RoadNetwork;
import org.foodnet.solver.travel.road.RoadPairs;
import org.foodnet.solver.travel.road.RoadTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small network forced into road pairs (no dense matrix: {@code --dense-max-places 50}) on the real Andorra extract,
 * the way ×100 networks are always planned: demo, solve with the road re-check, check with the extract.
 */
class RoadSparseCliTest {

    static final String DENSE_MAX = "50";

    @TempDir
    static Path dir;
    static Path extract;
    static Path network;
    static Path plan;
    static String solveOut;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeAll
    static void demoAndSolveWithRoadPairs() {
        extract = RoadTestSupport.andorra();
        network = dir.resolve("net.json");
        plan = dir.resolve("plan.json");
        RoadSparseCliTest t = new RoadSparseCliTest();
        t.streams();
        assertThat(t.run("demo", "--seed", "1", "--scale", "1", "--osm", extract.toString(), "--output", network.toString(),
                "--dense-max-places", DENSE_MAX)).as(t.errText()).isZero();
        t.streams();
        assertThat(t.run("solve", "--input", network.toString(), "--osm", extract.toString(), "--output", plan.toString(),
                "--time-limit", "4s", "--dense-max-places", DENSE_MAX)).as(t.errText()).isZero();
        solveOut = t.out.toString(StandardCharsets.UTF_8);
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
    void theNetworkFileHasNoMatrixAndSolveSaysWhichPairsAreRoadExactAndRechecksTheDrives() {
        assertThat(NetworkJson.read(network).travelMatrix()).isNull();
        assertThat(solveOut).contains("ordered pairs road-exact").contains("road re-check: ")
                .contains("checker: feasible");
        assertThat(PlanJson.read(plan).travelSource()).isNotNull();
    }

    @Test
    void everyDriveTakesAtLeastGraphHoppersFastestRouteAndTheCheckerWithTheExtractAgrees() {
        Plan p = PlanJson.read(plan);
        Network net = NetworkJson.read(network);
        int drives = RoadDrives.assertEachTakesAtLeastTheFastestRoute(p, net, extract, dir.resolve("graphs"));
        assertThat(drives).isGreaterThan(20);
        assertThat(run("check", "--input", network.toString(), "--plan", plan.toString(), "--osm", extract.toString(),
                "--dense-max-places", DENSE_MAX)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("road-exact").contains("feasible");
        // without the extract the plan's road travel source is not the network's own model: refused
        streams();
        assertThat(run("check", "--input", network.toString(), "--plan", plan.toString())).isEqualTo(2);
        assertThat(errText().strip().lines()).hasSize(1);
        assertThat(errText()).contains("refusing").contains("--osm andorra.osm.pbf");
    }

    @Test
    void theRecheckFindsDrivesPlannedFasterThanTheRoadAndPutsTheirRoadTimesIn() {
        Network net = NetworkJson.read(network);
        Plan p = PlanJson.read(plan);
        List<Place> places = net.places();
        int n = places.size();
        double[] lat = new double[n];
        double[] lon = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = places.get(i).point().lat();
            lon[i] = places.get(i).point().lon();
        }
        double[] tooFast = new double[PairTravel.BAND_UPPER_KM.length + 1];
        java.util.Arrays.fill(tooFast, 0.01); // 0.01 min per km: far faster than any road
        try (RoadNetwork roads = RoadNetwork.open(extract, dir.resolve("graphs"))) {
            PairTravel nothingExact = new PairTravel(places.stream().map(Place::id).toList(), lat, lon,
                    new com.carrotsearch.hppc.LongLongHashMap(), new PairTravel.Fallback(tooFast, tooFast, 0, 0),
                    roads.source());
            RoadPairs.Recheck rc = RoadPairs.recheck(roads, net, nothingExact, p, 300, 2);
            assertThat(rc.drives()).isGreaterThan(20);
            assertThat(rc.checked()).isEqualTo(rc.drives());
            assertThat(rc.tooFast()).isGreaterThan(rc.drives() * 9 / 10);
            PairTravel repaired = rc.travel();
            assertThat(repaired.exactPairs()).isEqualTo(rc.drives());
            for (com.carrotsearch.hppc.cursors.LongCursor c : RoadPairs.drives(net, p)) {
                int a = PairTravel.from(c.value);
                int b = PairTravel.to(c.value);
                assertThat(repaired.isExact(a, b)).isTrue();
                long road = roads.route(List.of(places.get(a).point(), places.get(b).point())).millis();
                assertThat(repaired.millis(a, b)).isGreaterThanOrEqualTo(road).isLessThanOrEqualTo(road + 2_000);
            }
        }
    }
}

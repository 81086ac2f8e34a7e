package org.foodnet.solver.travel.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.travel.GreatCircle;
import org.foodnet.solver.travel.TravelMatrix;
import org.foodnet.solver.travel.TravelSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.graphhopper.storage.NodeAccess;

/** The road network of the real Andorra extract in ../shared/osm (imported into this class's own temporary folder). */
class RoadNetworkTest {

    /** About 2.1 km from the nearest road: a mountainside north of the valley of Ordino. */
    static final GeoPoint FAR_FROM_ROADS = new GeoPoint(42.6442405, 1.5388716);

    @TempDir
    static Path graphs;
    static Path extract;
    static RoadNetwork roads;
    static List<Place> places;
    static TravelMatrix matrix;

    @BeforeAll
    static void importExtract() {
        extract = RoadTestSupport.andorra();
        roads = RoadNetwork.open(extract, graphs);
        // 40 places near road junctions picked at random (seeded), snapped onto their roads
        Random random = new Random(13);
        NodeAccess na = roads.graph().getNodeAccess();
        places = new ArrayList<>();
        while (places.size() < 40) {
            int node = random.nextInt(roads.graph().getNodes());
            GeoPoint near = new GeoPoint(na.getLat(node) + 0.0004, na.getLon(node) - 0.0003);
            try {
                places.add(new Place("p" + places.size(), RoadNetwork.snappedPoint(roads.snap("p", near, 300))));
            } catch (RoadException offTheConnectedNetwork) {
                // a junction of a piece of road not connected to the rest: not a place
            }
        }
        matrix = RoadMatrix.compute(roads, places, places.stream().map(Place::id).toList(), 300, 2);
    }

    @AfterAll
    static void close() {
        roads.close();
    }

    @Test
    void theGraphIsImportedOnceIntoAFolderNamedByTheChecksumAndLoadedOnTheNextRun() throws Exception {
        assertThat(roads.imported()).isTrue();
        TravelSource source = roads.source();
        assertThat(source.extract()).isEqualTo("andorra.osm.pbf");
        assertThat(roads.graphFolder().getParent()).isEqualTo(graphs);
        assertThat(roads.graphFolder().getFileName().toString()).isEqualTo("andorra-" + source.sha256().substring(0, 12) + "-car1");
        assertThat(Files.isRegularFile(roads.graphFolder().resolve("properties"))).isTrue();
        try (var listing = Files.list(graphs)) {
            assertThat(listing.toList()).containsExactly(roads.graphFolder()); // no temporary import folder left
        }

        try (RoadNetwork again = RoadNetwork.open(extract, graphs)) {
            assertThat(again.imported()).isFalse();
            assertThat(again.source()).isEqualTo(source);
            assertThat(again.route(List.of(places.get(0).point(), places.get(1).point())).millis())
                    .isEqualTo(roads.route(List.of(places.get(0).point(), places.get(1).point())).millis());
        }
        // another extract (another checksum) gets another folder
        TravelSource other = new TravelSource("andorra.osm.pbf", "0".repeat(64));
        assertThat(RoadNetwork.graphFolder(extract, other, graphs)).isNotEqualTo(roads.graphFolder());
    }

    @Test
    void aPlaceNearARoadSnapsOntoItAndOneTwoKilometresAwayIsRefusedWithItsNameAndDistance() {
        GeoPoint onRoad = places.get(3).point();
        GeoPoint beside = new GeoPoint(onRoad.lat() + 0.0005, onRoad.lon()); // ~55 m north
        var snap = roads.snap("site caf-001 (カフェ)", beside, 300);
        assertThat(snap.getQueryDistance()).isLessThanOrEqualTo(56);
        assertThat(GreatCircle.km(RoadNetwork.snappedPoint(snap), beside) * 1000).isCloseTo(snap.getQueryDistance(), within(1.0));

        assertThatThrownBy(() -> roads.snap("site caf-007 (こども食堂 はるかぜ)", FAR_FROM_ROADS, 300))
                .isInstanceOf(RoadException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n").startsWith("site caf-007 (こども食堂 はるかぜ) is ");
                    Matcher m = Pattern.compile(" is (\\d+) m from the nearest road").matcher(e.getMessage());
                    assertThat(m.find()).isTrue();
                    assertThat(Integer.parseInt(m.group(1))).isBetween(1800, 2500);
                    assertThat(e.getMessage()).contains("at most 300 m");
                });
        // a larger limit accepts it
        assertThat(roads.snap("x", FAR_FROM_ROADS, 3000).getQueryDistance()).isBetween(1800.0, 2500.0);
    }

    @Test
    void theMatrixIsNeverShorterThanTheStraightLineAndKeepsTheTriangleInequality() {
        int n = places.size();
        assertThat(matrix.placeIds()).hasSize(n);
        assertThat(matrix.source()).isEqualTo(roads.source());
        for (int i = 0; i < n; i++) {
            assertThat(matrix.km()[i][i]).isZero();
            assertThat(matrix.minutes()[i][i]).isZero();
            for (int j = 0; j < n; j++) {
                double straight = GreatCircle.km(places.get(i).point(), places.get(j).point());
                assertThat(matrix.km()[i][j]).isGreaterThanOrEqualTo(straight - 0.001);
                if (i != j && straight > 0.01) {
                    assertThat(matrix.minutes()[i][j]).isPositive();
                }
                for (int k = 0; k < n; k += 7) {
                    // a detour through k is never faster than the fastest route (rounding: 0.001 min per leg)
                    assertThat(matrix.minutes()[i][j]).isLessThanOrEqualTo(matrix.minutes()[i][k] + matrix.minutes()[k][j] + 0.005);
                }
            }
        }
        // roads are mostly two-way: the two directions of a pair are close, with exceptions for one-way streets
        double[] ratios = new double[n * (n - 1) / 2];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                ratios[r++] = matrix.minutes()[i][j] / matrix.minutes()[j][i];
            }
        }
        Arrays.sort(ratios);
        assertThat(ratios[ratios.length / 2]).isCloseTo(1.0, within(0.05));
        assertThat(ratios[0]).isGreaterThan(0.3);
        // on mountain roads the road is much longer than the straight line
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double straight = GreatCircle.km(places.get(i).point(), places.get(j).point());
                if (straight > 1) {
                    sum += matrix.km()[i][j] / straight;
                    pairs++;
                }
            }
        }
        assertThat(sum / pairs).isGreaterThan(1.4);
    }

    @Test
    void matrixTimesAreThoseOfGraphHoppersFastestRouteRoundedUp() {
        for (int k = 0; k < 12; k++) {
            int i = (k * 7) % places.size();
            int j = (k * 11 + 5) % places.size();
            if (i == j) {
                continue;
            }
            RoadNetwork.Route route = roads.route(List.of(places.get(i).point(), places.get(j).point()));
            double matrixMs = matrix.minutes()[i][j] * 60_000;
            assertThat(matrixMs).as("pair %d-%d", i, j).isGreaterThanOrEqualTo(route.millis())
                    .isLessThanOrEqualTo(route.millis() + 600.0);
            assertThat(matrix.km()[i][j] * 1000).isCloseTo(route.meters(), within(2.0));
        }
        assertThat(RoadMatrix.minutesRoundedUp(60_501)).isEqualTo(1.017);
        assertThat(RoadMatrix.minutesRoundedUp(59_500)).isEqualTo(1.0);
        assertThat(Math.ceil(RoadMatrix.minutesRoundedUp(60_501) * 60_000 - 1e-6)).isEqualTo(61_020);
    }

    @Test
    void aRouteHasItsLineOnTheRoadsFromStartToEnd() {
        GeoPoint a = places.get(2).point();
        GeoPoint b = places.get(9).point();
        RoadNetwork.Route route = roads.route(List.of(a, b));
        List<GeoPoint> line = route.geometry();
        assertThat(line.size()).isGreaterThan(5);
        assertThat(GreatCircle.km(line.get(0), a) * 1000).isLessThan(1.0);
        assertThat(GreatCircle.km(line.get(line.size() - 1), b) * 1000).isLessThan(1.0);
        double length = 0;
        for (int i = 1; i < line.size(); i++) {
            length += GreatCircle.km(line.get(i - 1), line.get(i)) * 1000;
        }
        assertThat(length).isCloseTo(route.meters(), within(route.meters() * 0.01 + 1));
        assertThat(route.meters()).isGreaterThan(GreatCircle.km(a, b) * 1000);
        var box = roads.bounds();
        assertThat(line).allSatisfy(p -> {
            assertThat(p.lat()).isBetween(box.minLat, box.maxLat);
            assertThat(p.lon()).isBetween(box.minLon, box.maxLon);
        });
    }
}

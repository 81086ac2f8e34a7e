package org.foodnet.solver.travel.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.foodnet.solver.demo.DemoNetworkGenerator;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.foodnet.solver.travel.PairTravel;
import org.foodnet.solver.travel.Travel;
import org.foodnet.solver.travel.TravelMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Road times for chosen pairs and the fallback for the rest, on the real Andorra extract (graph in this class's temp folder). */
class RoadPairsTest {

    @TempDir
    static Path graphs;
    static RoadNetwork roads;
    static Network network;
    static PairTravel pairs;
    static Travel sparse;
    static Travel dense;

    @BeforeAll
    static void computeBoth() {
        roads = RoadNetwork.open(RoadTestSupport.andorra(), graphs);
        network = RoadTravel.placeOnRoads(DemoNetworkGenerator.generate(1, 1), roads);
        pairs = RoadPairs.compute(roads, network, 300, 2, null).travel();
        sparse = Travel.of(RoadTravel.withMatrix(network, TravelMatrix.sparse(pairs)));
        dense = Travel.of(RoadTravel.withMatrix(network, RoadTravel.matrix(network, roads, 300, 2)));
    }

    @AfterAll
    static void close() {
        roads.close();
    }

    @Test
    void exactPairsHaveTheDenseRoadMatrixTimesAndDistancesToTheMillisecondAndMetre() {
        int n = network.places().size();
        int exact = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && pairs.isExact(i, j)) {
                    exact++;
                    assertThat(sparse.millis(i, j)).as("%d -> %d", i, j).isEqualTo(dense.millis(i, j));
                    assertThat(sparse.km(i, j)).as("%d -> %d", i, j).isEqualTo(dense.km(i, j));
                }
            }
        }
        assertThat(exact).isEqualTo(pairs.exactPairs()).isGreaterThan(n * RoadPairs.NEAR_SITES);
    }

    @Test
    void nearestSitesAndEveryDepotRecipientPairAreExact() {
        List<Place> places = network.places();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < places.size(); i++) {
            index.put(places.get(i).id(), i);
        }
        for (Site depot : network.sitesWithRole(SiteRole.DEPOT)) {
            for (Site recipient : network.sitesWithRole(SiteRole.RECIPIENT)) {
                int d = index.get(depot.id());
                int r = index.get(recipient.id());
                assertThat(pairs.isExact(d, r) && pairs.isExact(r, d)).as("%s - %s", depot.id(), recipient.id()).isTrue();
            }
        }
        // the nearest site of every place by straight line
        for (int i = 0; i < places.size(); i++) {
            int nearest = -1;
            for (Site s : network.sites()) {
                int j = index.get(s.id());
                if (j != i && (nearest < 0 || pairs.straightKm(i, j) < pairs.straightKm(i, nearest))) {
                    nearest = j;
                }
            }
            assertThat(pairs.isExact(i, nearest)).as("place %d and its nearest site %d", i, nearest).isTrue();
        }
    }

    @Test
    void theFallbackIsNeverFasterOrShorterThanTheRoadOnPairsThatAreNotExact() {
        int n = network.places().size();
        int checked = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                // every pair, exact or not, against its fallback: the fallback must hold for all of them
                assertThat(pairs.fallbackMillis(i, j)).as("fallback %d -> %d", i, j).isGreaterThanOrEqualTo(dense.millis(i, j));
                if (!pairs.isExact(i, j)) {
                    assertThat(sparse.millis(i, j)).isEqualTo(pairs.fallbackMillis(i, j));
                    assertThat(sparse.km(i, j)).as("km %d -> %d", i, j).isGreaterThanOrEqualTo(dense.km(i, j));
                    checked++;
                }
            }
        }
        assertThat(checked).as("pairs not exact").isGreaterThan(50);
    }

    @Test
    void theSamePlacesAndExtractGiveTheSamePairsAndFactors() {
        PairTravel again = RoadPairs.compute(roads, network, 300, 1, null).travel();
        assertThat(again.exactPairs()).isEqualTo(pairs.exactPairs());
        assertThat(again.fallback().minutesPerKm()).containsExactly(pairs.fallback().minutesPerKm());
        assertThat(again.fallback().nearMinutes()).isEqualTo(pairs.fallback().nearMinutes());
        int n = network.places().size();
        for (int i = 0; i < n; i += 7) {
            for (int j = 0; j < n; j += 3) {
                assertThat(again.millis(i, j)).isEqualTo(pairs.millis(i, j));
            }
        }
    }
}

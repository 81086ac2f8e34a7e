package org.foodnet.bench;

import java.util.List;

/** Small hand-made instances for the unit tests (never copies of the literature's files). */
final class TestInstances {

    private TestInstances() {
    }

    static Instance.Node node(int id, double x, double y, int demand, int ready, int due, int service) {
        return new Instance.Node(id, x, y, demand, ready, due, service, 0, 0);
    }

    static Instance.Node pdNode(int id, double x, double y, int demand, int ready, int due, int service, int pickup,
                                int delivery) {
        return new Instance.Node(id, x, y, demand, ready, due, service, pickup, delivery);
    }

    /**
     * Depot at (0,0) [0,1000]; c1 (3,4) demand 5 [0,100] service 10; c2 (6,8) demand 5 [20,200] service 10;
     * c3 (0,10) demand 8 [0,1000] service 5. Two vehicles of capacity 10. [1,2] + [3] is feasible, distance 40.
     */
    static Instance cvrptw() {
        return new Instance("tiny-c", Instance.Kind.CVRPTW, 2, 10, List.of(
                node(0, 0, 0, 0, 0, 1000, 0),
                node(1, 3, 4, 5, 0, 100, 10),
                node(2, 6, 8, 5, 20, 200, 10),
                node(3, 0, 10, 8, 0, 1000, 5)));
    }

    /**
     * Depot (0,0) [0,1000]; pair 1 (0,5) -> 2 (0,10), 10 units; pair 3 (5,0) -> 4 (10,0), 10 units; capacity 15,
     * two vehicles. [1,2,3,4] is feasible (distance 10 + 5 + sqrt(125) + 5 + 10).
     */
    static Instance pdptw() {
        return new Instance("tiny-p", Instance.Kind.PDPTW, 2, 15, List.of(
                pdNode(0, 0, 0, 0, 0, 1000, 0, 0, 0),
                pdNode(1, 0, 5, 10, 0, 1000, 3, 0, 2),
                pdNode(2, 0, 10, -10, 0, 1000, 3, 1, 0),
                pdNode(3, 5, 0, 10, 0, 1000, 3, 0, 4),
                pdNode(4, 10, 0, -10, 0, 1000, 3, 3, 0)));
    }
}

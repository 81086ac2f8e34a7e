package org.foodnet.bench;

import java.util.List;
import java.util.Objects;

/**
 * A literature benchmark instance: a depot (node 0) and customers with coordinates, demand, time window and
 * service time. Distances and travel times are Euclidean in double precision (see {@link #distance}).
 *
 * @param name     the instance name (the file name without extension, e.g. {@code lc101})
 * @param kind     CVRPTW (Solomon / Gehring &amp; Homberger) or PDPTW (Li &amp; Lim)
 * @param vehicles the fleet size: at most this many routes
 * @param capacity the capacity of every vehicle
 * @param nodes    node {@code i} at index {@code i}; node 0 is the depot
 */
public record Instance(String name, Kind kind, int vehicles, int capacity, List<Node> nodes) {

    /** The problem class of an instance. */
    public enum Kind {
        /** Capacitated VRP with time windows: every customer receives its demand from the depot. */
        CVRPTW,
        /** Pickup and delivery with time windows: pairs on one vehicle, pickup before delivery. */
        PDPTW
    }

    /**
     * One node of an instance.
     *
     * @param demand   CVRPTW: amount delivered; PDPTW: &gt; 0 at a pickup, &lt; 0 at a delivery
     * @param ready    earliest service start
     * @param due      latest service start (for the depot: latest return)
     * @param pickup   PDPTW: for a delivery, its pickup's id; else 0
     * @param delivery PDPTW: for a pickup, its delivery's id; else 0
     */
    public record Node(int id, double x, double y, int demand, int ready, int due, int service, int pickup,
                       int delivery) {

        public boolean isPickup() {
            return delivery > 0;
        }

        public boolean isDelivery() {
            return pickup > 0;
        }
    }

    public Instance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("instance " + name + ": no depot");
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() != i) {
                throw new IllegalArgumentException("instance " + name + ": node at index " + i + " has id " + nodes.get(i).id());
            }
        }
        if (vehicles <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("instance " + name + ": vehicles and capacity must be > 0");
        }
    }

    public Node depot() {
        return nodes.get(0);
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    /** Number of nodes other than the depot. */
    public int customerCount() {
        return nodes.size() - 1;
    }

    /** Euclidean distance (= travel time) between two nodes, double precision, no rounding. */
    public double distance(int from, int to) {
        Node a = nodes.get(from);
        Node b = nodes.get(to);
        double dx = a.x() - b.x();
        double dy = a.y() - b.y();
        return Math.sqrt(dx * dx + dy * dy);
    }
}

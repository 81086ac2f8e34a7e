package org.foodnet.solver.travel.road;

/**
 * A place cannot be used on the road network (too far from a road, on a piece of road not connected to the
 * rest, no route between two places), or the extract cannot be read. The message is one line naming the place.
 */
public class RoadException extends IllegalArgumentException {

    public RoadException(String message) {
        super(message);
    }

    public RoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

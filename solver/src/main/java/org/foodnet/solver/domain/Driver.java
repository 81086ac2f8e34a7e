package org.foodnet.solver.domain;

import java.util.List;
import java.util.Objects;

/**
 * An unpaid volunteer driver. A trip starts and ends at the driver's home base.
 *
 * @param maxMinutesPerDay the most a trip of this driver may last, door to door
 */
public record Driver(String id, String name, String contact, GeoPoint home, int maxMinutesPerDay, String vehicleId,
                     List<AvailabilitySlot> slots) {

    public Driver {
        Site.requireText(id, "id");
        Site.requireText(name, "driver " + id + ": name");
        contact = contact == null ? "" : contact;
        Objects.requireNonNull(home, "driver " + id + ": home");
        Site.requireText(vehicleId, "driver " + id + ": vehicleId");
        if (maxMinutesPerDay <= 0 || maxMinutesPerDay > 24 * 60) {
            throw new IllegalArgumentException("driver " + id + ": maxMinutesPerDay must be in (0, 1440], got " + maxMinutesPerDay);
        }
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    /** The place id under which the driver's home appears in a travel matrix. */
    public String homePlaceId() {
        return "home:" + id;
    }
}

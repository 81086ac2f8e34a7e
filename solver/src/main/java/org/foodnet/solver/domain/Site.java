package org.foodnet.solver.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A place food moves through: the logistics hub, a hub depot, a recipient facility or a donor.
 *
 * @param serviceSeconds  handling time of a stop here (parking, carrying, signing)
 * @param storageCapacity fridge/freezer/shelf space in grams per temperature class (hub, depots and
 *        recipients; zero for donors)
 * @param servingDepotId for a recipient, the depot that serves it (null: chosen as the nearest depot)
 */
public record Site(String id, String name, SiteKind kind, String municipality, String address, String contact,
                   GeoPoint location, OpeningHours openingHours, Set<LocalDate> closedDates, int serviceSeconds,
                   ClassAmounts storageCapacity, String servingDepotId) {

    public Site {
        requireText(id, "id");
        requireText(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        openingHours = openingHours == null ? new OpeningHours(null) : openingHours;
        closedDates = closedDates == null ? Set.of() : Set.copyOf(closedDates);
        storageCapacity = storageCapacity == null ? ClassAmounts.ZERO : storageCapacity;
        municipality = municipality == null ? "" : municipality;
        address = address == null ? "" : address;
        contact = contact == null ? "" : contact;
        if (serviceSeconds < 0 || serviceSeconds > 4 * 3600) {
            throw new IllegalArgumentException("site " + id + ": serviceSeconds must be in [0, 14400], got " + serviceSeconds);
        }
    }

    /** The same site with other opening hours. */
    public Site withOpeningHours(OpeningHours hours) {
        return new Site(id, name, kind, municipality, address, contact, location, hours, closedDates, serviceSeconds,
                storageCapacity, servingDepotId);
    }

    /** The same site with another storage capacity. */
    public Site withStorageCapacity(ClassAmounts capacity) {
        return new Site(id, name, kind, municipality, address, contact, location, openingHours, closedDates,
                serviceSeconds, capacity, servingDepotId);
    }

    public SiteRole role() {
        return kind.role();
    }

    /** The window in which a driver may be served here on that date, empty when closed. */
    public Optional<TimeWindow> openOn(LocalDate date) {
        if (closedDates.contains(date)) {
            return Optional.empty();
        }
        return openingHours.on(date.getDayOfWeek());
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}

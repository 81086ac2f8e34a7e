package org.foodnet.solver.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.foodnet.solver.travel.TravelMatrix;

/**
 * Everything known about a food network for one month: sites, needs, donated lots, vehicles and volunteer
 * drivers. Construction checks that every reference points at something that exists.
 *
 * @param travelMatrix explicit travel distances/times between places; null: great-circle distance x road
 *                     factor at the average speed of the settings
 */
public record Network(String name, PlanningSettings settings, List<Site> sites, List<RecipientNeed> needs,
                      List<DonationLot> lots, List<Vehicle> vehicles, List<Driver> drivers, TravelMatrix travelMatrix) {

    public Network {
        Site.requireText(name, "name");
        Objects.requireNonNull(settings, "settings");
        sites = List.copyOf(nonNull(sites));
        needs = List.copyOf(nonNull(needs));
        lots = List.copyOf(nonNull(lots));
        vehicles = List.copyOf(nonNull(vehicles));
        drivers = List.copyOf(nonNull(drivers));
        validate(sites, needs, lots, vehicles, drivers);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void validate(List<Site> sites, List<RecipientNeed> needs, List<DonationLot> lots,
                                 List<Vehicle> vehicles, List<Driver> drivers) {
        Map<String, Site> byId = unique(sites, Site::id, "site");
        unique(lots, DonationLot::id, "lot");
        Map<String, Vehicle> vehicleById = unique(vehicles, Vehicle::id, "vehicle");
        unique(drivers, Driver::id, "driver");
        unique(needs, RecipientNeed::recipientId, "need for recipient");
        if (sites.stream().noneMatch(s -> s.role() == SiteRole.HUB)) {
            if (!sites.isEmpty()) {
                throw new IllegalArgumentException("sites: a network needs a logistics hub (kind LOGISTICS_HUB)");
            }
        }
        for (Site s : sites) {
            if (s.servingDepotId() != null) {
                Site depot = byId.get(s.servingDepotId());
                if (depot == null || !depot.role().stores()) {
                    throw new IllegalArgumentException("site " + s.id() + ": servingDepotId " + s.servingDepotId()
                            + " is not a hub or depot of this network");
                }
            }
        }
        for (RecipientNeed n : needs) {
            Site s = byId.get(n.recipientId());
            if (s == null || s.role() != SiteRole.RECIPIENT) {
                throw new IllegalArgumentException("need: recipientId " + n.recipientId() + " is not a recipient site");
            }
        }
        for (DonationLot l : lots) {
            Site at = byId.get(l.siteId());
            if (at == null || !(at.role() == SiteRole.DONOR || at.role().stores())) {
                throw new IllegalArgumentException("lot " + l.id() + ": siteId " + l.siteId()
                        + " is not a donor, hub or depot of this network");
            }
            if (l.earmarkedFor() != null && (byId.get(l.earmarkedFor()) == null
                    || byId.get(l.earmarkedFor()).role() != SiteRole.RECIPIENT)) {
                throw new IllegalArgumentException("lot " + l.id() + ": earmarkedFor " + l.earmarkedFor() + " is not a recipient of this network");
            }
            if (!byId.containsKey(l.donorId())) {
                throw new IllegalArgumentException("lot " + l.id() + ": donorId " + l.donorId() + " is not a site of this network");
            }
        }
        for (Driver d : drivers) {
            if (!vehicleById.containsKey(d.vehicleId())) {
                throw new IllegalArgumentException("driver " + d.id() + ": vehicleId " + d.vehicleId() + " is not a vehicle of this network");
            }
            Set<String> seen = new HashSet<>();
            for (AvailabilitySlot slot : d.slots()) {
                if (!seen.add(slot.date() + "@" + slot.from())) {
                    throw new IllegalArgumentException("driver " + d.id() + ": two availability slots start at " + slot.date() + " " + slot.from());
                }
            }
        }
    }

    private static <T> Map<String, T> unique(List<T> items, Function<T, String> key, String what) {
        Map<String, T> map = new HashMap<>();
        for (T item : items) {
            if (map.put(key.apply(item), item) != null) {
                throw new IllegalArgumentException(what + " id " + key.apply(item) + " appears twice");
            }
        }
        return map;
    }

    public Optional<Site> site(String id) {
        return sites.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Map<String, Site> sitesById() {
        return sites.stream().collect(Collectors.toMap(Site::id, s -> s));
    }

    public Map<String, DonationLot> lotsById() {
        return lots.stream().collect(Collectors.toMap(DonationLot::id, l -> l));
    }

    public Map<String, Vehicle> vehiclesById() {
        return vehicles.stream().collect(Collectors.toMap(Vehicle::id, v -> v));
    }

    public Map<String, Driver> driversById() {
        return drivers.stream().collect(Collectors.toMap(Driver::id, d -> d));
    }

    public List<Site> sitesWithRole(SiteRole role) {
        return sites.stream().filter(s -> s.role() == role).toList();
    }

    /** Every place a trip can go: all sites, then every driver's home. */
    public List<Place> places() {
        List<Place> places = new ArrayList<>(sites.size() + drivers.size());
        for (Site s : sites) {
            places.add(new Place(s.id(), s.location()));
        }
        for (Driver d : drivers) {
            places.add(new Place(d.homePlaceId(), d.home()));
        }
        return places;
    }
}

package org.foodnet.solver.constraint;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.DonationLot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.OpeningHours;
import org.foodnet.solver.domain.PlanningSettings;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.TimeWindow;
import org.foodnet.solver.domain.Vehicle;

/** Variants of a test network: one site, driver, vehicle or setting changed. */
final class NetworkVariants {

    private NetworkVariants() {
    }

    static Network withSite(Network n, String id, UnaryOperator<Site> change) {
        requireFound(n.site(id).isPresent(), "site", id);
        List<Site> sites = n.sites().stream().map(s -> s.id().equals(id) ? change.apply(s) : s).toList();
        return new Network(n.name(), n.settings(), sites, n.needs(), n.lots(), n.vehicles(), n.drivers(), n.travelMatrix());
    }

    static Network withDriver(Network n, String id, UnaryOperator<Driver> change) {
        requireFound(n.driversById().containsKey(id), "driver", id);
        List<Driver> drivers = n.drivers().stream().map(d -> d.id().equals(id) ? change.apply(d) : d).toList();
        return new Network(n.name(), n.settings(), n.sites(), n.needs(), n.lots(), n.vehicles(), drivers, n.travelMatrix());
    }

    static Network withVehicle(Network n, String id, UnaryOperator<Vehicle> change) {
        requireFound(n.vehiclesById().containsKey(id), "vehicle", id);
        List<Vehicle> vehicles = n.vehicles().stream().map(v -> v.id().equals(id) ? change.apply(v) : v).toList();
        return new Network(n.name(), n.settings(), n.sites(), n.needs(), n.lots(), vehicles, n.drivers(), n.travelMatrix());
    }

    static Network withLot(Network n, DonationLot lot) {
        List<DonationLot> lots = new ArrayList<>(n.lots());
        lots.add(lot);
        return new Network(n.name(), n.settings(), n.sites(), n.needs(), lots, n.vehicles(), n.drivers(), n.travelMatrix());
    }

    static Network withSettings(Network n, UnaryOperator<PlanningSettings> change) {
        return new Network(n.name(), change.apply(n.settings()), n.sites(), n.needs(), n.lots(), n.vehicles(), n.drivers(),
                n.travelMatrix());
    }

    static UnaryOperator<Site> closedOn(LocalDate date) {
        return s -> {
            Set<LocalDate> closed = new HashSet<>(s.closedDates());
            closed.add(date);
            return new Site(s.id(), s.name(), s.kind(), s.municipality(), s.address(), s.contact(), s.location(),
                    s.openingHours(), closed, s.serviceSeconds(), s.storageCapacity(), s.servingDepotId());
        };
    }

    static UnaryOperator<Site> openEveryDay(String from, String to) {
        return s -> s.withOpeningHours(OpeningHours.everyDay(TimeWindow.of(from, to)));
    }

    static UnaryOperator<Site> storage(ClassAmounts capacity) {
        return s -> s.withStorageCapacity(capacity);
    }

    /** The driver's slot on that date replaced by from-to. */
    static UnaryOperator<Driver> slot(LocalDate date, String from, String to) {
        return d -> {
            List<AvailabilitySlot> slots = new ArrayList<>();
            for (AvailabilitySlot s : d.slots()) {
                slots.add(s.date().equals(date) ? new AvailabilitySlot(date, LocalTime.parse(from), LocalTime.parse(to)) : s);
            }
            return new Driver(d.id(), d.name(), d.contact(), d.home(), d.maxMinutesPerDay(), d.vehicleId(), slots);
        };
    }

    static UnaryOperator<Driver> maxMinutesPerDay(int minutes) {
        return d -> new Driver(d.id(), d.name(), d.contact(), d.home(), minutes, d.vehicleId(), d.slots());
    }

    static UnaryOperator<Vehicle> capacity(ClassAmounts capacity) {
        return v -> new Vehicle(v.id(), v.name(), capacity);
    }

    static UnaryOperator<PlanningSettings> bestBeforeGraceDays(int days) {
        return s -> new PlanningSettings(s.month(), s.zone(), s.roadFactor(), s.averageSpeedKmh(), s.allowDonorToDepot(),
                s.allowHubToRecipient(), s.allowDonorToRecipient(), days);
    }

    private static void requireFound(boolean found, String what, String id) {
        if (!found) {
            throw new IllegalArgumentException("no " + what + " " + id);
        }
    }
}

package org.foodnet.api.network;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.foodnet.api.security.CurrentUser;
import org.foodnet.api.web.Problem;
import org.foodnet.solver.domain.AvailabilitySlot;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volunteer drivers and their availability. Coordinators manage everyone; a driver manages only their own
 * availability ({@code /api/volunteers/me/slots} or their own id).
 */
@RestController
@RequestMapping("/api/volunteers")
class VolunteerController {

    record VolunteerRequest(@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                            @NotBlank @Size(max = 200) String name,
                            @Size(max = 100) String contact,
                            @NotNull @DecimalMin("-90") @DecimalMax("90") Double homeLat,
                            @NotNull @DecimalMin("-180") @DecimalMax("180") Double homeLon,
                            @NotNull @Min(1) @Max(1440) Integer maxMinutesPerDay,
                            @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String vehicleId,
                            String email, String language) {
    }

    /**
     * A volunteer as the API shows it: the planning model's driver with their e-mail address (null: none) and the
     * language of their mails (ja or en).
     */
    record VolunteerView(String id, String name, String contact, GeoPoint home, int maxMinutesPerDay, String vehicleId,
                         List<AvailabilitySlot> slots, String email, String language) {
        static VolunteerView of(Driver d, VolunteerContacts.Contact c) {
            return new VolunteerView(d.id(), d.name(), d.contact(), d.home(), d.maxMinutesPerDay(), d.vehicleId(), d.slots(),
                    c.email(), c.language());
        }
    }

    record SlotRequest(@NotNull LocalDate date, @NotNull LocalTime from, @NotNull LocalTime to) {
    }

    private final NetworkService network;
    private final CurrentUser user;
    private final VolunteerContacts contacts;

    VolunteerController(NetworkService network, CurrentUser user, VolunteerContacts contacts) {
        this.network = network;
        this.user = user;
        this.contacts = contacts;
    }

    @GetMapping
    List<VolunteerView> list(@RequestParam(required = false) YearMonth month) {
        var all = contacts.all(network.region());
        return network.load(network.monthOrCurrent(month)).drivers().stream()
                .map(d -> VolunteerView.of(d, all.getOrDefault(d.id(), VolunteerContacts.Contact.NONE))).toList();
    }

    @GetMapping("/{id}")
    VolunteerView get(@PathVariable String id, @RequestParam(required = false) YearMonth month) {
        return VolunteerView.of(driver(network.load(network.monthOrCurrent(month)), id), contacts.of(network.region(), id));
    }

    @PostMapping
    @Transactional
    ResponseEntity<VolunteerView> create(@Valid @RequestBody VolunteerRequest request) {
        if (request.id() == null) {
            throw Problem.badField("id", "must not be blank");
        }
        VolunteerContacts.check(request.email(), request.language());
        Driver created = toDriver(request.id(), request, List.of());
        network.change(network.monthOrCurrent(null), n -> {
            if (n.driversById().containsKey(created.id())) {
                throw Problem.conflict("volunteer " + created.id() + " exists already; use PUT /api/volunteers/" + created.id());
            }
            requireVehicle(n, created.vehicleId());
            return NetworkService.withDrivers(n, NetworkService.upsert(n.drivers(), created, Driver::id));
        });
        contacts.set(network.region(), created.id(), request.email() == null ? "" : request.email(),
                request.language() == null ? VolunteerContacts.JA : request.language());
        return ResponseEntity.created(URI.create("/api/volunteers/" + created.id()))
                .body(VolunteerView.of(created, contacts.of(network.region(), created.id())));
    }

    /** A left-out {@code email} or {@code language} keeps the stored one; {@code "email": ""} removes the address. */
    @PutMapping("/{id}")
    @Transactional
    VolunteerView update(@PathVariable String id, @Valid @RequestBody VolunteerRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw Problem.badField("id", "must be " + id + " (the id in the path) or left out");
        }
        VolunteerContacts.check(request.email(), request.language());
        Driver[] result = new Driver[1];
        network.change(network.monthOrCurrent(null), n -> {
            Driver old = driver(n, id);
            requireVehicle(n, request.vehicleId());
            result[0] = toDriver(id, request, old.slots());
            return NetworkService.withDrivers(n, NetworkService.upsert(n.drivers(), result[0], Driver::id));
        });
        contacts.set(network.region(), id, request.email(), request.language());
        return VolunteerView.of(result[0], contacts.of(network.region(), id));
    }

    // --- availability ----------------------------------------------------------------------------------------

    @GetMapping("/{id}/slots")
    List<AvailabilitySlot> slots(@PathVariable String id, @RequestParam(required = false) YearMonth month) {
        String driverId = user.requireDriverAccess(id);
        return driver(network.load(network.monthOrCurrent(month)), driverId).slots();
    }

    @PostMapping("/{id}/slots")
    ResponseEntity<AvailabilitySlot> addSlot(@PathVariable String id, @Valid @RequestBody SlotRequest request) {
        String driverId = user.requireDriverAccess(id);
        AvailabilitySlot slot = new AvailabilitySlot(request.date(), request.from(), request.to());
        network.change(YearMonth.from(slot.date()), n -> {
            Driver d = driver(n, driverId);
            if (d.slots().stream().anyMatch(s -> s.date().equals(slot.date()) && s.from().equals(slot.from()))) {
                throw Problem.conflict("volunteer " + driverId + " already has a slot starting " + slot.date() + " " + slot.from());
            }
            List<AvailabilitySlot> slots = new ArrayList<>(d.slots());
            slots.add(slot);
            slots.sort(Comparator.comparing(AvailabilitySlot::date).thenComparing(AvailabilitySlot::from));
            return withSlots(n, d, slots);
        });
        return ResponseEntity.created(URI.create("/api/volunteers/" + driverId + "/slots")).body(slot);
    }

    /** The volunteer cannot drive that day after all: every slot of the day is removed. */
    @DeleteMapping("/{id}/slots/{date}")
    ResponseEntity<Void> cancelDay(@PathVariable String id, @PathVariable LocalDate date) {
        String driverId = user.requireDriverAccess(id);
        network.change(YearMonth.from(date), n -> {
            Driver d = driver(n, driverId);
            List<AvailabilitySlot> left = d.slots().stream().filter(s -> !s.date().equals(date)).toList();
            if (left.size() == d.slots().size()) {
                throw Problem.notFound("volunteer " + driverId + " has no availability on " + date);
            }
            return withSlots(n, d, left);
        });
        return ResponseEntity.noContent().build();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static Network withSlots(Network n, Driver d, List<AvailabilitySlot> slots) {
        Driver changed = new Driver(d.id(), d.name(), d.contact(), d.home(), d.maxMinutesPerDay(), d.vehicleId(), slots);
        return NetworkService.withDrivers(n, NetworkService.upsert(n.drivers(), changed, Driver::id));
    }

    private static Driver toDriver(String id, VolunteerRequest r, List<AvailabilitySlot> slots) {
        return new Driver(id, r.name(), r.contact(), new GeoPoint(r.homeLat(), r.homeLon()), r.maxMinutesPerDay(),
                r.vehicleId(), slots);
    }

    private static void requireVehicle(Network n, String vehicleId) {
        if (!n.vehiclesById().containsKey(vehicleId)) {
            throw Problem.badField("vehicleId", "no vehicle " + vehicleId);
        }
    }

    static Driver driver(Network n, String id) {
        Driver d = n.driversById().get(id);
        if (d == null) {
            throw Problem.notFound("no volunteer " + id);
        }
        return d;
    }
}

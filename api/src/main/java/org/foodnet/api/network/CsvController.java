package org.foodnet.api.network;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.foodnet.api.web.Csv;
import org.foodnet.api.web.CsvCells.BadValue;
import static org.foodnet.api.web.CsvCells.*;
import org.foodnet.solver.domain.ClassAmounts;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.GeoPoint;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.OpeningHours;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteKind;
import org.foodnet.solver.domain.TimeWindow;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * CSV export and import of sites and volunteers. An import is all or nothing: every row is checked, and if
 * any is wrong the answer is 422 with one error per bad row (line, column, reason) and nothing is stored.
 */
@RestController
class CsvController {

    static final List<String> SITE_COLUMNS = List.of("id", "name", "kind", "municipality", "address", "contact", "lat", "lon",
            "service_seconds", "storage_ambient_grams", "storage_chilled_grams", "storage_frozen_grams", "serving_depot_id",
            "opening_hours", "closed_dates");
    static final List<String> VOLUNTEER_COLUMNS = List.of("id", "name", "contact", "home_lat", "home_lon",
            "max_minutes_per_day", "vehicle_id");
    /** Optional columns of a volunteers import (left out: unchanged); the export has them. */
    static final List<String> VOLUNTEER_CONTACT_COLUMNS = List.of("email", "language");
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    record ImportResult(int imported, List<String> ids) {
    }

    private final NetworkService network;
    private final VolunteerContacts contacts;

    CsvController(NetworkService network, VolunteerContacts contacts) {
        this.network = network;
        this.contacts = contacts;
    }

    @GetMapping(value = "/api/sites.csv", produces = "text/csv")
    ResponseEntity<String> exportSites() {
        List<List<Object>> rows = new ArrayList<>();
        for (Site s : network.load(network.monthOrCurrent(null)).sites()) {
            StringBuilder hours = new StringBuilder();
            s.openingHours().byWeekday().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                if (!hours.isEmpty()) {
                    hours.append("; ");
                }
                hours.append(e.getKey()).append(' ').append(e.getValue().from()).append('-').append(e.getValue().to());
            });
            rows.add(List.of(s.id(), s.name(), s.kind(), s.municipality(), s.address(), s.contact(), s.location().lat(),
                    s.location().lon(), s.serviceSeconds(), s.storageCapacity().ambientGrams(),
                    s.storageCapacity().chilledGrams(), s.storageCapacity().frozenGrams(),
                    s.servingDepotId() == null ? "" : s.servingDepotId(), hours.toString(),
                    String.join(";", new TreeSet<>(s.closedDates()).stream().map(LocalDate::toString).toList())));
        }
        return ResponseEntity.ok().contentType(CSV).body(Csv.write(SITE_COLUMNS, rows));
    }

    @PostMapping(value = "/api/sites.csv", consumes = {"text/csv", "text/plain"})
    ImportResult importSites(@RequestBody(required = false) byte[] body,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String charset,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Content-Type", required = false) String contentType) {
        List<Csv.Row> rows = Csv.read(Csv.decode(body, charset, contentType), List.of("id", "name", "kind", "lat", "lon", "service_seconds"));
        List<String> ids = new ArrayList<>();
        network.change(network.monthOrCurrent(null), n -> {
            List<Csv.RowError> errors = new ArrayList<>();
            List<Site> sites = new ArrayList<>(n.sites());
            for (Csv.Row row : rows) {
                Site site = parse(row, errors, CsvController::site);
                if (site == null) {
                    continue;
                }
                List<Site> tried = NetworkService.upsert(sites, site, Site::id);
                try {
                    NetworkService.withSites(n, tried);
                    sites = tried;
                    ids.add(site.id());
                } catch (IllegalArgumentException e) {
                    errors.add(new Csv.RowError(row.line(), null, e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new Csv.Rejected(errors);
            }
            return NetworkService.withSites(n, sites);
        });
        return new ImportResult(ids.size(), ids);
    }

    @GetMapping(value = "/api/volunteers.csv", produces = "text/csv")
    ResponseEntity<String> exportVolunteers() {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, VolunteerContacts.Contact> all = contacts.all(network.region());
        for (Driver d : network.load(network.monthOrCurrent(null)).drivers()) {
            VolunteerContacts.Contact c = all.getOrDefault(d.id(), VolunteerContacts.Contact.NONE);
            rows.add(List.of(d.id(), d.name(), d.contact(), d.home().lat(), d.home().lon(), d.maxMinutesPerDay(), d.vehicleId(),
                    c.email() == null ? "" : c.email(), c.language()));
        }
        List<String> columns = new ArrayList<>(VOLUNTEER_COLUMNS);
        columns.addAll(VOLUNTEER_CONTACT_COLUMNS);
        return ResponseEntity.ok().contentType(CSV).body(Csv.write(columns, rows));
    }

    @PostMapping(value = "/api/volunteers.csv", consumes = {"text/csv", "text/plain"})
    @org.springframework.transaction.annotation.Transactional
    ImportResult importVolunteers(@RequestBody(required = false) byte[] body,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String charset,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Content-Type", required = false) String contentType) {
        List<Csv.Row> rows = Csv.read(Csv.decode(body, charset, contentType), VOLUNTEER_COLUMNS);
        List<String> ids = new ArrayList<>();
        Map<String, String[]> contactsOf = new java.util.LinkedHashMap<>();
        network.change(network.monthOrCurrent(null), n -> {
            List<Csv.RowError> errors = new ArrayList<>();
            List<Driver> drivers = new ArrayList<>(n.drivers());
            for (Csv.Row row : rows) {
                Driver parsed = parse(row, errors, CsvController::volunteer);
                if (parsed == null) {
                    continue;
                }
                if (!n.vehiclesById().containsKey(parsed.vehicleId())) {
                    errors.add(new Csv.RowError(row.line(), "vehicle_id", "no vehicle " + parsed.vehicleId()));
                    continue;
                }
                String[] contact = contactOf(row, errors);
                if (contact == null) {
                    continue;
                }
                contactsOf.put(parsed.id(), contact);
                Driver old = n.driversById().get(parsed.id());
                Driver d = new Driver(parsed.id(), parsed.name(), parsed.contact(), parsed.home(), parsed.maxMinutesPerDay(),
                        parsed.vehicleId(), old == null ? List.of() : old.slots());
                drivers = NetworkService.upsert(drivers, d, Driver::id);
                ids.add(d.id());
            }
            if (!errors.isEmpty()) {
                throw new Csv.Rejected(errors);
            }
            return NetworkService.withDrivers(n, drivers);
        });
        contactsOf.forEach((id, c) -> contacts.set(network.region(), id, c[0], c[1]));
        return new ImportResult(ids.size(), ids);
    }

    /**
     * The row's email and language ({@code [email, language]}, each null when its column is left out, so the stored
     * value stays; an empty email removes the address, an empty language is ja), or null after adding the row's error.
     */
    private static String[] contactOf(Csv.Row row, List<Csv.RowError> errors) {
        boolean hasEmail = row.values().containsKey("email");
        boolean hasLanguage = row.values().containsKey("language");
        String email = hasEmail ? java.util.Objects.requireNonNullElse(row.get("email"), "").trim() : null;
        String language = hasLanguage ? java.util.Objects.requireNonNullElse(row.get("language"), "").trim() : null;
        if (language != null && language.isEmpty()) {
            language = VolunteerContacts.JA;
        }
        String problem = VolunteerContacts.emailProblem(email);
        if (problem != null) {
            errors.add(new Csv.RowError(row.line(), "email", problem));
            return null;
        }
        problem = VolunteerContacts.languageProblem(language);
        if (problem != null) {
            errors.add(new Csv.RowError(row.line(), "language", problem));
            return null;
        }
        return new String[] {email, language};
    }

    // --- parsing rows ----------------------------------------------------------------------------------------

    private static Site site(Csv.Row row) {
        double lat = number(row, "lat");
        double lon = number(row, "lon");
        if (lat < -90 || lat > 90) {
            throw new BadValue("lat", "must be in [-90, 90], got " + lat);
        }
        if (lon < -180 || lon > 180) {
            throw new BadValue("lon", "must be in [-180, 180], got " + lon);
        }
        long max = 1_000_000_000L;
        ClassAmounts storage = new ClassAmounts(whole(row, "storage_ambient_grams", 0, max, 0),
                whole(row, "storage_chilled_grams", 0, max, 0), whole(row, "storage_frozen_grams", 0, max, 0));
        return new Site(id(row, "id", true), text(row, "name", true), choice(row, "kind", SiteKind.class, null),
                text(row, "municipality", false), text(row, "address", false), text(row, "contact", false),
                new GeoPoint(lat, lon), openingHours(row), closedDates(row),
                (int) whole(row, "service_seconds", 0, 14400, 0), storage, id(row, "serving_depot_id", false));
    }

    /** "MONDAY 09:00-17:00; FRIDAY 09:00-12:00". */
    private static OpeningHours openingHours(Csv.Row row) {
        String v = text(row, "opening_hours", false);
        Map<DayOfWeek, TimeWindow> map = new EnumMap<>(DayOfWeek.class);
        if (v != null) {
            for (String part : v.split(";")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    String[] dayAndTimes = p.split("\\s+");
                    String[] times = dayAndTimes[1].split("-");
                    map.put(DayOfWeek.valueOf(dayAndTimes[0].toUpperCase(java.util.Locale.ROOT)),
                            new TimeWindow(LocalTime.parse(times[0]), LocalTime.parse(times[1])));
                } catch (RuntimeException e) {
                    throw new BadValue("opening_hours", "expected e.g. 'MONDAY 09:00-17:00; FRIDAY 09:00-12:00', got '" + shorten(p) + "'");
                }
            }
        }
        return new OpeningHours(map);
    }

    private static Set<LocalDate> closedDates(Csv.Row row) {
        String v = text(row, "closed_dates", false);
        Set<LocalDate> dates = new LinkedHashSet<>();
        if (v != null) {
            for (String d : v.split(";")) {
                try {
                    if (!d.isBlank()) {
                        dates.add(org.foodnet.api.web.InputRules.date(d.trim()));
                    }
                } catch (org.foodnet.api.web.InputRules.Refused e) {
                    throw new BadValue("closed_dates", "expected dates like 2026-12-29;2026-12-30 between 2000-01-01 and "
                            + "2100-12-31, got '" + shorten(d.trim()) + "'");
                }
            }
        }
        return dates;
    }

    private static Driver volunteer(Csv.Row row) {
        double lat = number(row, "home_lat");
        double lon = number(row, "home_lon");
        if (lat < -90 || lat > 90) {
            throw new BadValue("home_lat", "must be in [-90, 90], got " + lat);
        }
        if (lon < -180 || lon > 180) {
            throw new BadValue("home_lon", "must be in [-180, 180], got " + lon);
        }
        long minutes = whole(row, "max_minutes_per_day", 1, 1440, -1);
        if (minutes < 0) {
            throw new BadValue("max_minutes_per_day", "must not be empty");
        }
        return new Driver(id(row, "id", true), text(row, "name", true), text(row, "contact", false), new GeoPoint(lat, lon),
                (int) minutes, id(row, "vehicle_id", true), List.of());
    }

}

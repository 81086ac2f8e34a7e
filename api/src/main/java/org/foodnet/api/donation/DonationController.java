package org.foodnet.api.donation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.foodnet.api.security.Account;
import org.foodnet.api.security.CurrentUser;
import org.foodnet.api.web.Csv;
import org.foodnet.api.web.CsvCells;
import org.foodnet.api.web.Problem;
import org.foodnet.data.stock.LedgerEntry;
import org.foodnet.solver.domain.ExpiryKind;
import org.foodnet.solver.domain.TemperatureClass;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizers log donations (with an Idempotency-Key, so a retry never makes a second donation), list and
 * correct their own logs; coordinators see all. CSV import/export of donations.
 */
@RestController
class DonationController {

    static final String KEY = "[A-Za-z0-9._:-]{1,100}";
    static final List<String> CSV_COLUMNS = List.of("key", "site_id", "donor_id", "category", "temperature", "grams",
            "expiry_date", "expiry_kind", "available_from", "earmarked_for");

    record CorrectionRequest(@NotNull @Min(-10_000_000) @Max(10_000_000) Long deltaGrams,
                             @NotBlank @Size(max = 500) String reason) {
    }

    record ImportResult(int imported, int replayed, List<String> lotIds) {
    }

    private final DonationService donations;
    private final CurrentUser user;

    DonationController(DonationService donations, CurrentUser user) {
        this.donations = donations;
        this.user = user;
    }

    @PostMapping("/api/donations")
    ResponseEntity<DonationView> log(
            @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY, message = "must be 1-100 letters, digits or . _ : -") String key,
            @Valid @RequestBody DonationRequest request) {
        DonationService.Logged logged = donations.log(user.get(), key, request);
        return ResponseEntity.created(URI.create("/api/donations/" + logged.donation().lotId()))
                .header("Idempotent-Replayed", Boolean.toString(logged.replayed()))
                .body(logged.donation());
    }

    @GetMapping("/api/donations")
    List<DonationView> list(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000_000) int offset) {
        return donations.list(user.get(), limit, offset);
    }

    @GetMapping("/api/donations/{lotId}")
    DonationView get(@PathVariable String lotId) {
        return donations.get(user.get(), lotId);
    }

    @PostMapping("/api/donations/{lotId}/corrections")
    ResponseEntity<DonationView> correct(
            @PathVariable String lotId,
            @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY, message = "must be 1-100 letters, digits or . _ : -") String key,
            @Valid @RequestBody CorrectionRequest request) {
        if (request.deltaGrams() == 0) {
            throw Problem.badField("deltaGrams", "must not be 0");
        }
        DonationService.Logged corrected = donations.correct(user.get(), lotId, key, request.deltaGrams(), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Idempotent-Replayed", Boolean.toString(corrected.replayed()))
                .body(corrected.donation());
    }

    // --- CSV -------------------------------------------------------------------------------------------------

    @GetMapping(value = "/api/donations.csv", produces = "text/csv")
    ResponseEntity<String> export(@RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        List<List<Object>> rows = new ArrayList<>();
        for (DonationView d : donations.list(user.get(), limit, 0)) {
            rows.add(List.of(d.lotId(), d.siteId(), d.donorId(), d.category(), d.temperature(), d.grams(), d.expiryDate(),
                    d.expiryKind(), d.availableFrom(), d.earmarkedFor() == null ? "" : d.earmarkedFor()));
        }
        List<String> header = new ArrayList<>(CSV_COLUMNS);
        header.set(0, "lot_id");
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(Csv.write(header, rows));
    }

    /**
     * Logs every row of a CSV in one transaction, or none: the {@code key} column is each row's idempotency key,
     * so uploading the same file twice logs nothing new.
     */
    @PostMapping(value = "/api/donations.csv", consumes = {"text/csv", "text/plain"})
    @Transactional
    public ImportResult importCsv(@RequestBody String body) {
        List<Csv.Row> rows = Csv.read(body, List.of("key", "site_id", "category", "temperature", "grams", "expiry_date"));
        Account me = user.get();
        List<Csv.RowError> errors = new ArrayList<>();
        List<Object[]> valid = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Csv.Row row : rows) {
            DonationRequest request = CsvCells_parse(row, errors);
            if (request == null) {
                continue;
            }
            String key = row.get("key");
            if (!key.matches(KEY)) {
                errors.add(new Csv.RowError(row.line(), "key", "must be 1-100 letters, digits or . _ : -"));
                continue;
            }
            if (!keys.add(key)) {
                errors.add(new Csv.RowError(row.line(), "key", "appears twice in the file"));
                continue;
            }
            valid.add(new Object[] {row, key, request});
        }
        List<String> lots = new ArrayList<>();
        int replayed = 0;
        if (errors.isEmpty()) {
            // the rows' keys in one order, so that two imports sharing keys never wait for each other in a circle
            valid.stream().map(v -> (String) v[1]).sorted().forEach(k -> donations.lock(me, k));
            for (Object[] v : valid) {
                Csv.Row row = (Csv.Row) v[0];
                try {
                    DonationService.Logged logged = donations.log(me, (String) v[1], (DonationRequest) v[2]);
                    lots.add(logged.donation().lotId());
                    replayed += logged.replayed() ? 1 : 0;
                } catch (Problem p) {
                    String field = p.errors().isEmpty() ? null : p.errors().get(0).field();
                    errors.add(new Csv.RowError(row.line(), "Idempotency-Key".equals(field) ? "key" : field,
                            p.errors().isEmpty() ? p.getMessage() : p.errors().get(0).reason()));
                } catch (RuntimeException e) {
                    errors.add(new Csv.RowError(row.line(), null, e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new Csv.Rejected(errors);
        }
        return new ImportResult(lots.size(), replayed, lots);
    }

    private static DonationRequest CsvCells_parse(Csv.Row row, List<Csv.RowError> errors) {
        return CsvCells.parse(row, errors, r -> new DonationRequest(
                CsvCells.id(r, "site_id", true), CsvCells.id(r, "donor_id", false),
                CsvCells.text(r, "category", true), CsvCells.choice(r, "temperature", TemperatureClass.class, null),
                CsvCells.whole(r, "grams", 1, 10_000_000, -1) < 0 ? missing("grams") : CsvCells.whole(r, "grams", 1, 10_000_000, -1),
                CsvCells.date(r, "expiry_date", true), CsvCells.choice(r, "expiry_kind", ExpiryKind.class, ExpiryKind.USE_BY),
                CsvCells.date(r, "available_from", false), CsvCells.id(r, "earmarked_for", false)));
    }

    private static long missing(String column) {
        throw new CsvCells.BadValue(column, "must not be empty");
    }
}

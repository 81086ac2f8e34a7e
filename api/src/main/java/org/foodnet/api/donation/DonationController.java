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

    /** An Idempotency-Key: 1-200 printable ASCII characters (space to tilde; the server trims spaces at the ends). */
    static final String KEY = "[ -~]{1,200}";
    static final String KEY_MESSAGE = org.foodnet.api.web.InputRules.KEY_RULE;
    /** Donations listed per page at most. */
    static final int MAX_PAGE_SIZE = 500;
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
            @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
            @Valid @RequestBody DonationRequest request) {
        DonationService.Logged logged = donations.log(user.get(), key, request);
        return ResponseEntity.created(URI.create("/api/donations/" + logged.donation().lotId()))
                .header("Idempotent-Replayed", Boolean.toString(logged.replayed()))
                .body(logged.donation());
    }

    /**
     * Logged donations, newest first, a page at a time: {@code page} (0, 1, ...) of {@code size} (1-500, default 100;
     * {@code limit} is the older name of {@code size}). When there may be more, a {@code Link: <...>; rel="next"} header
     * names the next page.
     */
    @GetMapping("/api/donations")
    ResponseEntity<List<DonationView>> list(@RequestParam(required = false) @Min(1) @Max(MAX_PAGE_SIZE) Integer size,
                                            @RequestParam(required = false) @Min(1) @Max(MAX_PAGE_SIZE) Integer limit,
                                            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page) {
        int perPage = size != null ? size : limit != null ? limit : 100;
        List<DonationView> found = donations.list(user.get(), perPage, (long) page * perPage);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (found.size() == perPage) {
            ok.header("Link", "</api/donations?page=" + (page + 1) + "&size=" + perPage + ">; rel=\"next\"");
        }
        return ok.body(found);
    }

    @GetMapping("/api/donations/{lotId}")
    DonationView get(@PathVariable String lotId) {
        return donations.get(user.get(), lotId);
    }

    @PostMapping("/api/donations/{lotId}/corrections")
    ResponseEntity<DonationView> correct(
            @PathVariable String lotId,
            @RequestHeader("Idempotency-Key") @Pattern(regexp = KEY, message = KEY_MESSAGE) String key,
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
    ResponseEntity<String> export(@RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page) {
        List<List<Object>> rows = new ArrayList<>();
        for (DonationView d : donations.list(user.get(), limit, (long) page * limit)) {
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
    public ImportResult importCsv(@RequestBody(required = false) byte[] body,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String charset,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Content-Type", required = false) String contentType) {
        List<Csv.Row> rows = Csv.read(Csv.decode(body, charset, contentType), List.of("key", "site_id", "category", "temperature", "grams", "expiry_date"));
        Account me = user.get();
        List<Csv.RowError> errors = new ArrayList<>();
        List<Object[]> valid = new ArrayList<>();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Csv.Row row : rows) {
            DonationRequest request = CsvCells_parse(row, errors);
            if (request == null) {
                continue;
            }
            if (request.availableFrom() != null && request.expiryDate().isBefore(request.availableFrom())) {
                errors.add(new Csv.RowError(row.line(), "expiry_date", "is before available_from"));
                continue;
            }
            String key = row.get("key");
            if (key == null) {
                errors.add(new Csv.RowError(row.line(), "key", "must not be empty (it is the row's idempotency key)"));
                continue;
            }
            if (!key.matches(KEY)) {
                errors.add(new Csv.RowError(row.line(), "key", KEY_MESSAGE));
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
                } catch (org.foodnet.data.ConstraintViolation e) {
                    org.foodnet.api.web.DatabaseRules.Words words = org.foodnet.api.web.DatabaseRules.explain(e.constraint(), e.sqlState());
                    errors.add(new Csv.RowError(row.line(), words.field(), words.reason()));
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

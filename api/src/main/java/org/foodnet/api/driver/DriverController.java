package org.foodnet.api.driver;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.security.CurrentUser;
import org.foodnet.api.web.Problem;
import org.foodnet.data.stock.LedgerEntry;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A driver's own trips: route sheet for a day ({@code ?date=}) or a month ({@code ?month=}) as JSON or a
 * printable HTML page, an iCalendar feed, "stop done" and "trip done". {@code me} stands for the signed-in driver; a driver
 * sees only their own trips, a coordinator anyone's.
 */
@RestController
@RequestMapping("/api/drivers/{driverId}")
class DriverController {

    private final RouteSheets sheets;
    private final CurrentUser user;
    private final NetworkService network;
    private final RouteSheetPages pages;
    private final org.springframework.context.MessageSource messages;
    private final org.foodnet.api.network.VolunteerContacts contacts;

    DriverController(RouteSheets sheets, CurrentUser user, NetworkService network, RouteSheetPages pages,
                     org.springframework.context.MessageSource messages, org.foodnet.api.network.VolunteerContacts contacts) {
        this.messages = messages;
        this.contacts = contacts;
        this.pages = pages;
        this.sheets = sheets;
        this.user = user;
        this.network = network;
    }

    @GetMapping(value = "/route-sheet", produces = MediaType.APPLICATION_JSON_VALUE)
    RouteSheet json(@PathVariable String driverId, @RequestParam(required = false) LocalDate date,
                    @RequestParam(required = false) YearMonth month) {
        return sheet(driverId, date, month);
    }

    @GetMapping(value = {"/route-sheet.html", "/route-sheet"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@PathVariable String driverId, @RequestParam(required = false) LocalDate date,
                                @RequestParam(required = false) YearMonth month, Locale locale) {
        RouteSheet sheet = sheet(driverId, date, month);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", RouteSheetPages.CONTENT_SECURITY_POLICY)
                .body(pages.html(sheet, locale));
    }

    /** The route sheet as a PDF (A4, Japanese or English as asked), to print or send on. */
    @GetMapping(value = "/route-sheet.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable String driverId, @RequestParam(required = false) LocalDate date,
                               @RequestParam(required = false) YearMonth month, Locale locale) {
        RouteSheet sheet = sheet(driverId, date, month);
        String name = "route-sheet-" + sheet.driverId() + "-" + (date != null ? date : network.monthOrCurrent(month)) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline().filename(name).build().toString())
                .body(pages.pdf(sheet, locale));
    }

    @GetMapping(value = "/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String driverId, @RequestParam(required = false) YearMonth month) {
        String id = user.requireDriverAccess(driverId);
        LocalDate from;
        LocalDate to;
        if (month != null) {
            from = month.atDay(1);
            to = month.atEndOfMonth();
        } else {
            YearMonth now = network.monthOrCurrent(null);
            from = now.atDay(1);
            to = now.plusMonths(1).atEndOfMonth();
        }
        RouteSheet sheet = sheets.sheet(id, from, to);
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(ICalendar.of(sheet, network.clock().instant(), messages, contacts.of(network.region(), id).locale()));
    }

    @PostMapping("/trips/{planId}/{tripId}/done")
    List<LedgerEntry> done(@PathVariable String driverId, @PathVariable long planId, @PathVariable String tripId) {
        String id = user.requireDriverAccess(driverId);
        return sheets.confirm(id, planId, tripId, user.username());
    }

    /** One stop of the trip done ({@code stop} 1, 2, ... in the route sheet's order): its unloads go to the ledger, once. */
    @PostMapping("/trips/{planId}/{tripId}/stops/{stop}/done")
    List<LedgerEntry> stopDone(@PathVariable String driverId, @PathVariable long planId, @PathVariable String tripId,
                               @PathVariable int stop) {
        String id = user.requireDriverAccess(driverId);
        return sheets.confirmStop(id, planId, tripId, stop, user.username());
    }

    private RouteSheet sheet(String driverId, LocalDate date, YearMonth month) {
        String id = user.requireDriverAccess(driverId);
        if (date != null && month != null) {
            throw Problem.badField("date", "give either date or month, not both");
        }
        if (date != null) {
            return sheets.sheet(id, date, date);
        }
        YearMonth m = network.monthOrCurrent(month);
        return sheets.sheet(id, m.atDay(1), m.atEndOfMonth());
    }
}

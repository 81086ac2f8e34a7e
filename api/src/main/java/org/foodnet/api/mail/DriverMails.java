package org.foodnet.api.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.foodnet.api.network.VolunteerContacts;
import org.foodnet.solver.domain.Driver;
import org.foodnet.solver.domain.Network;
import org.foodnet.solver.plan.Plan;
import org.foodnet.solver.plan.PlannedStop;
import org.foodnet.solver.plan.PlannedTrip;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of a publish, written into the outbox (table mail_outbox) in the publish's own transaction: with no
 * plan of the month published before, one mail to every driver with trips in the plan (their trips); when it
 * replaces a published plan (a re-plan), one mail to each driver whose trips changed (a trip added, removed, or
 * with another start, end or stops; trip ids name driver, day and slot), saying what changed. Each in the
 * driver's language. {@link MailOutbox} sends them.
 */
@Service
public class DriverMails {

    /** What a driver sees of a trip: compared between the old and the new plan. */
    record TripFace(String id, LocalDate date, String start, String end, List<String> siteIds) {
        static TripFace of(PlannedTrip t) {
            return new TripFace(t.id(), t.date(), t.start().toLocalTime().toString(), t.end().toLocalTime().toString(),
                    t.stops().stream().map(PlannedStop::siteId).toList());
        }
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final VolunteerContacts contacts;
    private final MailProperties settings;
    private final Clock clock;

    DriverMails(JdbcClient jdbc, MessageSource messages, VolunteerContacts contacts, MailProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.contacts = contacts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Writes the mails of publishing {@code plan} (plan {@code planId}) into the outbox; {@code previous} is the plan
     * of the month published until now (null if none). Runs in the caller's (the publish's) transaction.
     *
     * @return how many mails were written (with or without an address)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int onPublish(String region, long planId, YearMonth month, Network network, Plan plan, Plan previous) {
        Map<String, List<TripFace>> now = byDriver(plan);
        Map<String, List<TripFace>> before = previous == null ? Map.of() : byDriver(previous);
        Map<String, VolunteerContacts.Contact> all = contacts.all(region);
        Map<String, String> names = new LinkedHashMap<>();
        network.sites().forEach(s -> names.put(s.id(), s.name()));
        TreeSet<String> drivers = new TreeSet<>(now.keySet());
        if (previous != null) {
            drivers.addAll(before.keySet());
        }
        int written = 0;
        for (String driverId : drivers) {
            List<TripFace> mine = now.getOrDefault(driverId, List.of());
            List<TripFace> old = before.getOrDefault(driverId, List.of());
            if (previous != null && mine.equals(old)) {
                continue;
            }
            VolunteerContacts.Contact contact = all.getOrDefault(driverId, VolunteerContacts.Contact.NONE);
            Driver driver = network.driversById().get(driverId);
            Locale locale = contact.locale();
            Text t = new Text(messages, locale, names, settings.base(), region);
            String monthText = t.month(month);
            String kind = previous == null ? "PUBLISHED" : "CHANGED";
            String subject = t.msg(previous == null ? "mail.published.subject" : "mail.changed.subject", monthText);
            StringBuilder body = new StringBuilder();
            body.append(t.msg("mail.greeting", driver == null ? driverId : driver.name())).append("\n\n");
            if (previous == null) {
                body.append(t.msg("mail.published.intro", monthText)).append("\n\n");
            } else {
                body.append(t.msg("mail.changed.intro", monthText)).append("\n\n");
                changes(t, old, mine, body);
                body.append("\n").append(t.msg("mail.now")).append("\n");
            }
            if (mine.isEmpty()) {
                body.append(t.msg("mail.none")).append("\n");
            }
            for (TripFace trip : mine) {
                body.append("- ").append(t.trip(trip)).append("\n  ")
                        .append(t.msg("mail.link.sheet", t.sheetLink(trip.date()))).append("\n");
            }
            body.append("\n").append(t.msg("mail.link.driver", settings.base() + "/driver.html")).append("\n");
            body.append(t.msg(hasCalendar(region, driverId) ? "mail.calendar" : "mail.calendar.none")).append("\n\n");
            body.append(t.msg("mail.footer")).append("\n");
            OffsetDateTime at = OffsetDateTime.now(clock);
            written += jdbc.sql("""
                            INSERT INTO mail_outbox (network, plan_id, driver_id, kind, recipient, language, subject, body,
                                status, created_at, next_attempt_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id, driver_id) DO NOTHING""")
                    .params(region, planId, driverId, kind, contact.email(), contact.language(), subject, body.toString(),
                            contact.email() == null ? "NO_ADDRESS" : "PENDING", at, at)
                    .update();
        }
        return written;
    }

    private static void changes(Text t, List<TripFace> old, List<TripFace> mine, StringBuilder body) {
        Map<String, TripFace> before = new TreeMap<>();
        old.forEach(f -> before.put(f.id(), f));
        Map<String, TripFace> after = new TreeMap<>();
        mine.forEach(f -> after.put(f.id(), f));
        List<TripFace> all = new ArrayList<>(old);
        mine.stream().filter(f -> !before.containsKey(f.id())).forEach(all::add);
        all.sort(Comparator.comparing(TripFace::date).thenComparing(TripFace::start).thenComparing(TripFace::id));
        for (TripFace f : all) {
            TripFace was = before.get(f.id());
            TripFace is = after.get(f.id());
            if (was == null) {
                body.append("+ ").append(t.msg("mail.added", t.trip(is))).append("\n");
            } else if (is == null) {
                body.append("- ").append(t.msg("mail.removed", t.trip(was))).append("\n");
            } else if (!was.equals(is)) {
                body.append("* ").append(t.msg("mail.changed", t.trip(is), t.trip(was))).append("\n");
            }
        }
    }

    private boolean hasCalendar(String region, String driverId) {
        return jdbc.sql("SELECT count(*) FROM calendar_token WHERE network = ? AND driver_id = ?")
                .params(region, driverId).query(Long.class).single() > 0;
    }

    /** The trips with stops of each driver, by day and start. */
    static Map<String, List<TripFace>> byDriver(Plan plan) {
        Map<String, List<TripFace>> map = new TreeMap<>();
        plan.trips().stream().filter(t -> !t.stops().isEmpty())
                .sorted(Comparator.comparing(PlannedTrip::start).thenComparing(PlannedTrip::id))
                .forEach(t -> map.computeIfAbsent(t.driverId(), d -> new ArrayList<>()).add(TripFace.of(t)));
        return map;
    }

    /** The words of one mail, in its language. */
    private record Text(MessageSource messages, Locale locale, Map<String, String> names, String base, String region) {

        String msg(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        String month(YearMonth m) {
            return DateTimeFormatter.ofPattern(msg("mail.format.month"), locale).format(m);
        }

        String trip(TripFace f) {
            String day = DateTimeFormatter.ofPattern(msg("mail.format.day"), locale).format(f.date());
            String first = name(f.siteIds().get(0));
            String last = name(f.siteIds().get(f.siteIds().size() - 1));
            return msg("mail.trip", day, f.start(), first, last, f.siteIds().size());
        }

        String name(String siteId) {
            return Objects.requireNonNullElse(names.get(siteId), siteId);
        }

        String sheetLink(LocalDate date) {
            return base + "/api/networks/" + region + "/drivers/me/route-sheet.pdf?date=" + date;
        }
    }
}

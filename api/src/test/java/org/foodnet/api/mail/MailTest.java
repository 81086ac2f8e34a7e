package org.foodnet.api.mail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail to drivers (issue 16) against GreenMail, a real SMTP server in this JVM. The class has its own context and
 * database (the demo network, "today" 2026-12-10 in Tokyo) and sends by hand ({@code foodnet.mail.poll-interval=0}):
 * publishing mails each driver with trips once, in their language; a re-plan after a cancelled day mails only the
 * drivers whose trips changed; two sender runs at once never send a mail twice; with the SMTP server down a mail
 * stays FAILED with its error and goes out once, after its pause, when the server is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foodnet.demo=true",
        "foodnet.solver.parallelism=1",
        "foodnet.mail.poll-interval=0",
        "foodnet.mail.from=foodnet@mail.test",
        "foodnet.mail.base-url=https://foodnet.example.org/",
        "spring.mail.host=127.0.0.1",
        "logging.structured.format.console=",
        "logging.level.org.foodnet=info"})
@Import(MailTest.TestClock.class)
class MailTest {

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        ApiTestBase.MutableClock testClock() {
            return new ApiTestBase.MutableClock();
        }
    }

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @LocalServerPort
    int port;

    @Autowired
    ApiTestBase.MutableClock clock;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    Http coordinator;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("foodnet-mail-test").resolve("pgdata").toString();
        registry.add("foodnet.data.dir", () -> dir);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void client() {
        coordinator = new Http(port, "coordinator", "demo-coordinator");
        clock.set(ApiTestBase.TODAY.atZone(ApiTestBase.TOKYO).toInstant());
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail g = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    /** Mails received so far, by recipient. */
    private static Map<String, List<MimeMessage>> received() throws Exception {
        Map<String, List<MimeMessage>> map = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                map.computeIfAbsent(to.toString(), k -> new ArrayList<>()).add(m);
            }
        }
        return map;
    }

    private static int count(Map<String, List<MimeMessage>> received, String to) {
        return received.getOrDefault(to, List.of()).size();
    }

    private static String email(String driverId) {
        return driverId.toLowerCase(java.util.Locale.ROOT) + "@mail.test";
    }

    /** Driver id to what the driver sees of each trip with stops: id, day, start, end, stops. */
    private static Map<String, Set<String>> trips(JsonNode plan) {
        Map<String, Set<String>> map = new TreeMap<>();
        for (JsonNode t : plan.get("plan").get("trips")) {
            if (t.get("stops").isEmpty()) {
                continue;
            }
            String stops = t.get("stops").valueStream().map(s -> s.get("siteId").asString()).collect(Collectors.joining(">"));
            map.computeIfAbsent(t.get("driverId").asString(), d -> new TreeSet<>()).add(t.get("id").asString() + "|"
                    + t.get("date").asString() + "|" + t.get("start").asString() + "|" + t.get("end").asString() + "|" + stops);
        }
        return map;
    }

    private long solve(Response started) {
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long jobId = started.json().get("jobId").asLong();
        for (int i = 0; i < 1200; i++) {
            String status = coordinator.get("/api/jobs/" + jobId).json().get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                assertThat(status).isEqualTo("SUCCEEDED");
                return started.json().get("planId").asLong();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not end");
    }

    private static Map<String, Object> volunteerBody(JsonNode v, String email, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", v.get("name").asString());
        body.put("contact", v.get("contact").asString());
        body.put("homeLat", v.get("home").get("lat").asDouble());
        body.put("homeLon", v.get("home").get("lon").asDouble());
        body.put("maxMinutesPerDay", v.get("maxMinutesPerDay").asInt());
        body.put("vehicleId", v.get("vehicleId").asString());
        if (email != null) {
            body.put("email", email);
        }
        if (language != null) {
            body.put("language", language);
        }
        return body;
    }

    @Test
    void publishMailsEachDriverWithTripsOnce_inTheirLanguage_andAReplanOnlyThoseWhoseTripsChanged() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        // addresses and languages: every other driver reads English
        JsonNode volunteers = coordinator.get("/api/volunteers").json();
        Map<String, String> language = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        int i = 0;
        for (JsonNode v : volunteers) {
            String id = v.get("id").asString();
            String lang = i++ % 2 == 0 ? "ja" : "en";
            Response put = coordinator.put("/api/volunteers/" + id, volunteerBody(v, email(id), lang));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            assertThat(put.json().get("email").asString()).isEqualTo(email(id));
            assertThat(put.json().get("language").asString()).isEqualTo(lang);
            language.put(id, lang);
            names.put(id, v.get("name").asString());
        }
        // a volunteer with an address and no availability: no trips, no mail
        JsonNode first = volunteers.get(0);
        Map<String, Object> idle = volunteerBody(first, "mt-idle@mail.test", "en");
        idle.put("id", "mt-idle");
        idle.put("name", "Idle Ito");
        Response created = coordinator.post("/api/volunteers", idle);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("language").asString()).isEqualTo("en");
        // a left-out address keeps the stored one
        Response kept = coordinator.put("/api/volunteers/mt-idle", volunteerBody(first, null, null));
        assertThat(kept.json().get("email").asString()).isEqualTo("mt-idle@mail.test");
        // bad address or language: 422 naming the field
        for (Response bad : List.of(coordinator.put("/api/volunteers/mt-idle", volunteerBody(first, "not an address", null)),
                coordinator.put("/api/volunteers/mt-idle", volunteerBody(first, "a@b@c", null)),
                coordinator.put("/api/volunteers/mt-idle", volunteerBody(first, null, "fr")))) {
            assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
            assertThat(bad.header("content-type")).startsWith("application/problem+json");
            assertThat(bad.body()).containsAnyOf("\"field\":\"email\"", "\"field\":\"language\"");
        }
        assertThat(coordinator.get("/api/volunteers/mt-idle").json().get("language").asString()).isEqualTo("en");

        // publish: one mail per driver with trips, none for the others
        long planId = solve(coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 3)));
        assertThat(coordinator.post("/api/plans/" + planId + "/publish", null).status()).isEqualTo(200);
        Map<String, Set<String>> before = trips(coordinator.get("/api/plans/" + planId).json());
        assertThat(before).isNotEmpty();
        JsonNode outboxed = coordinator.get("/api/mail?planId=" + planId).json();
        assertThat(outboxed.get("mailServer").asBoolean()).isTrue();
        assertThat(outboxed.get("mails").valueStream().map(m -> m.get("status").asString()).distinct().toList())
                .containsExactly("PENDING");
        assertThat(outbox.sendDue()).isEqualTo(before.size());
        Map<String, List<MimeMessage>> got = received();
        assertThat(got.keySet()).isEqualTo(before.keySet().stream().map(MailTest::email).collect(Collectors.toSet()));
        got.values().forEach(l -> assertThat(l).hasSize(1));
        assertThat(count(got, "mt-idle@mail.test")).isZero();
        assertThat(coordinator.get("/api/mail?planId=" + planId).json().get("mails").valueStream()
                .map(m -> m.get("status").asString()).distinct().toList()).containsExactly("SENT");

        // each in the driver's language
        String ja = before.keySet().stream().filter(d -> language.get(d).equals("ja")).findFirst().orElseThrow();
        String en = before.keySet().stream().filter(d -> language.get(d).equals("en")).findFirst().orElseThrow();
        MimeMessage jaMail = got.get(email(ja)).get(0);
        assertThat(jaMail.getSubject()).isEqualTo("【Foodnet】2026年12月の配送予定");
        String jaBody = (String) jaMail.getContent();
        assertThat(jaBody).contains(names.get(ja) + " さん", "2026年12月の配送予定ができました", "発 ", "配送表 (PDF): "
                + "https://foodnet.example.org/api/networks/kirin/drivers/me/route-sheet.pdf?date=2026-12-");
        assertThat(jaBody).doesNotContain("Hello");
        assertThat(jaMail.getFrom()[0].toString()).isEqualTo("foodnet@mail.test");
        MimeMessage enMail = got.get(email(en)).get(0);
        assertThat(enMail.getSubject()).isEqualTo("Foodnet: your deliveries in December 2026");
        String enBody = (String) enMail.getContent();
        assertThat(enBody).contains("Hello " + names.get(en) + ",", "The delivery plan for December 2026 is out", " Dec ",
                "Your driver page: https://foodnet.example.org/driver.html");
        assertThat(enBody).doesNotContain("さん");
        // one line per trip of theirs
        assertThat(jaBody.lines().filter(l -> l.startsWith("- ")).count()).isEqualTo(before.get(ja).size());

        // sent: another run sends nothing
        assertThat(outbox.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(before.size());

        // a driver with a trip after today cancels that day; the re-plan is published
        String cancelled = null;
        String day = null;
        for (var e : before.entrySet()) {
            for (String t : e.getValue()) {
                LocalDate date = LocalDate.parse(t.split("\\|")[1]);
                if (date.isAfter(ApiTestBase.TODAY.toLocalDate().plusDays(1)) && cancelled == null) {
                    cancelled = e.getKey();
                    day = date.toString();
                }
            }
        }
        assertThat(cancelled).as("a trip after today").isNotNull();
        assertThat(coordinator.delete("/api/volunteers/" + cancelled + "/slots/" + day).status()).isEqualTo(204);
        long replan = solve(coordinator.post("/api/plans/" + planId + "/replan", Map.of("timeLimitSeconds", 3)));
        assertThat(coordinator.post("/api/plans/" + replan + "/publish", null).status()).isEqualTo(200);
        Map<String, Set<String>> after = trips(coordinator.get("/api/plans/" + replan).json());
        Set<String> changed = new TreeSet<>();
        Set<String> everyone = new TreeSet<>(before.keySet());
        everyone.addAll(after.keySet());
        for (String d : everyone) {
            if (!before.getOrDefault(d, Set.of()).equals(after.getOrDefault(d, Set.of()))) {
                changed.add(d);
            }
        }
        assertThat(changed).contains(cancelled);

        // two sender runs at once: each changed driver gets exactly one mail, the others none
        smtp.purgeEmailFromAllMailboxes();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(outbox::sendDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(outbox::sendDue);
        assertThat(a.get() + b.get()).isEqualTo(changed.size());
        Map<String, List<MimeMessage>> replanned = received();
        assertThat(replanned.keySet()).isEqualTo(changed.stream().map(MailTest::email).collect(Collectors.toSet()));
        replanned.values().forEach(l -> assertThat(l).hasSize(1));
        MimeMessage toCancelled = replanned.get(email(cancelled)).get(0);
        String body = (String) toCancelled.getContent();
        if (language.get(cancelled).equals("ja")) {
            assertThat(toCancelled.getSubject()).isEqualTo("【Foodnet】2026年12月の配送予定が変わりました");
            assertThat(body).containsAnyOf("取りやめ: ", "変更: ").contains("今の配送予定:");
        } else {
            assertThat(toCancelled.getSubject()).isEqualTo("Foodnet: your deliveries in December 2026 have changed");
            assertThat(body).containsAnyOf("cancelled: ", "changed: ").contains("Your trips now:");
        }
        JsonNode mails = coordinator.get("/api/mail?planId=" + replan).json().get("mails");
        assertThat(mails.valueStream().map(m -> m.get("driverId").asString()).collect(Collectors.toSet())).isEqualTo(changed);
        assertThat(mails.valueStream().map(m -> m.get("kind").asString()).distinct().toList()).containsExactly("CHANGED");
        // a sent mail is not sent again
        Response again = coordinator.post("/api/mail/" + mails.get(0).get("id").asLong() + "/retry", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(outbox.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(changed.size());
    }

    @Test
    void withTheSmtpServerDownAMailStaysFailed_andGoesOutOnceWhenItIsBack() throws Exception {
        var now = java.time.OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                        INSERT INTO mail_outbox (network, plan_id, driver_id, kind, recipient, language, subject, body,
                            status, created_at, next_attempt_at)
                        VALUES ('kirin', -1, 'mt-down', 'PUBLISHED', 'mt-down@mail.test', 'ja', '配送のお知らせ',
                            '本文です', 'PENDING', ?, ?) RETURNING id""")
                .params(now, now).query(Long.class).single();
        smtp.stop();
        assertThat(outbox.sendDue()).isZero();
        JsonNode failed = coordinator.get("/api/mail/" + id).json();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asString()).isNotBlank();
        // not yet due again (back-off): another run does not try
        assertThat(outbox.sendDue()).isZero();
        assertThat(coordinator.get("/api/mail/" + id).json().get("attempts").asInt()).isEqualTo(1);

        smtp = startSmtp();
        assertThat(outbox.sendDue()).as("the pause after the first failure has not passed").isZero();
        clock.set(clock.instant().plus(MailOutbox.backoff(1)));
        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(outbox.sendDue()).isZero();
        Map<String, List<MimeMessage>> got = received();
        assertThat(count(got, "mt-down@mail.test")).isEqualTo(1);
        assertThat(got.get("mt-down@mail.test").get(0).getSubject()).isEqualTo("配送のお知らせ");
        JsonNode sent = coordinator.get("/api/mail/" + id).json();
        assertThat(sent.get("status").asString()).isEqualTo("SENT");
        assertThat(sent.get("lastError").isNull()).isTrue();
    }

    @Test
    void volunteersCsvCarriesEmailAndLanguage_bothOptionalOnImport() {
        String vehicle = coordinator.get("/api/volunteers").json().get(0).get("vehicleId").asString();
        String header = "id,name,contact,home_lat,home_lon,max_minutes_per_day,vehicle_id";
        Response imported = coordinator.raw("POST", "/api/volunteers.csv", "text/csv; charset=UTF-8",
                (header + ",email,language\r\nmt-csv,鳥取 花子,,35.5,134.2,240," + vehicle + ",hanako@mail.test,en\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode v = coordinator.get("/api/volunteers/mt-csv").json();
        assertThat(v.get("email").asString()).isEqualTo("hanako@mail.test");
        assertThat(v.get("language").asString()).isEqualTo("en");
        // without the two columns: they stay as they are
        Response again = coordinator.raw("POST", "/api/volunteers.csv", "text/csv; charset=UTF-8",
                (header + "\r\nmt-csv,鳥取 花子,,35.5,134.2,300," + vehicle + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        v = coordinator.get("/api/volunteers/mt-csv").json();
        assertThat(v.get("maxMinutesPerDay").asInt()).isEqualTo(300);
        assertThat(v.get("email").asString()).isEqualTo("hanako@mail.test");
        assertThat(v.get("language").asString()).isEqualTo("en");
        // a bad address or language: 422 naming line and column, nothing stored
        Response bad = coordinator.raw("POST", "/api/volunteers.csv", "text/csv; charset=UTF-8",
                (header + ",email,language\r\nmt-csv,鳥取 花子,,35.5,134.2,200," + vehicle + ",no-at-sign,ja\r\n"
                        + "mt-csv2,鳥取 太郎,,35.5,134.2,200," + vehicle + ",taro@mail.test,de\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.body()).contains("line 2: email", "line 3: language");
        assertThat(coordinator.get("/api/volunteers/mt-csv").json().get("maxMinutesPerDay").asInt()).isEqualTo(300);
        // the export has both columns
        String export = coordinator.get("/api/volunteers.csv").body();
        assertThat(export).contains(header + ",email,language").contains("mt-csv,鳥取 花子,,35.5,134.2,300," + vehicle
                + ",hanako@mail.test,en");
    }
}

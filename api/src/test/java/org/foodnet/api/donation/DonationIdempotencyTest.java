package org.foodnet.api.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.foodnet.data.stock.EntryKind;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key: the same key with the same request answers the first result, with any other request 422 naming
 * Idempotency-Key; the same key twice at the same instant makes one donation and answers 201 to both.
 */
class DonationIdempotencyTest extends ApiTestBase {

    private static Map<String, Object> donation(String category) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("siteId", "hub");
        d.put("category", category);
        d.put("temperature", "AMBIENT");
        d.put("grams", 2_000);
        d.put("expiryDate", "2027-03-31");
        d.put("expiryKind", "BEST_BEFORE");
        return d;
    }

    /** A fresh organizer of this test class only, so that its list of donations is this test's alone. */
    private Http newOrganizer(String name) {
        Response created = coordinator.post("/api/users", Map.of("username", name, "password", "organizer-pass", "role", "ORGANIZER"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return coordinator.as(name, "organizer-pass");
    }

    private static List<String> allLotIds(Http as) {
        List<String> lots = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            Response page = as.get("/api/donations?size=500&page=" + offset / 500);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().forEach(d -> lots.add(d.get("lotId").asString()));
            if (page.json().size() < 500) {
                return lots;
            }
        }
    }

    @Test
    void fiftyKeysEachSentTwiceAtTheSameInstantMakeFiftyDonations() throws Exception {
        Http pairs = newOrganizer("idem-pairs");
        int keys = 50;
        // ten pairs in flight at a time (the two requests of a pair always together, released by their barrier):
        // 100 connections at once can time out connecting on a loaded 2-core machine
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> first = new ArrayList<>();
            List<Future<Response>> second = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                String key = "pair-" + k;
                Map<String, Object> body = donation("pair " + k);
                CyclicBarrier together = new CyclicBarrier(2);
                first.add(threads.submit(() -> {
                    together.await();
                    return pairs.post("/api/donations", body, "Idempotency-Key", key);
                }));
                second.add(threads.submit(() -> {
                    together.await();
                    return pairs.post("/api/donations", body, "Idempotency-Key", key);
                }));
            }
            Set<String> lots = new HashSet<>();
            int created = 0;
            for (int k = 0; k < keys; k++) {
                Response a = first.get(k).get();
                Response b = second.get(k).get();
                assertThat(a.status()).as(a.toString()).isEqualTo(201);
                assertThat(b.status()).as(b.toString()).isEqualTo(201);
                String lot = a.json().get("lotId").asString();
                assertThat(b.json().get("lotId").asString()).isEqualTo(lot);
                assertThat(b.json().get("category").asString()).isEqualTo("pair " + k);
                // exactly one of the two made it, the other replayed it
                assertThat(List.of(a.header("Idempotent-Replayed"), b.header("Idempotent-Replayed")))
                        .containsExactlyInAnyOrder("true", "false");
                created += "false".equals(a.header("Idempotent-Replayed")) ? 1 : 0;
                created += "false".equals(b.header("Idempotent-Replayed")) ? 1 : 0;
                lots.add(lot);
                assertThat(stockLedger.entriesOf("kirin", lot)).filteredOn(e -> e.kind() == EntryKind.LOGGED).hasSize(1);
            }
            assertThat(created).isEqualTo(keys);
            assertThat(lots).hasSize(keys);
            List<String> stored = allLotIds(pairs);
            assertThat(stored).hasSize(keys);
            assertThat(new HashSet<>(stored)).isEqualTo(lots);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithAnyOtherRequestIsRefusedNamingIdempotencyKey() {
        Http o = newOrganizer("idem-other");
        Map<String, Object> body = donation("frozen fish");
        body.put("temperature", "FROZEN");
        Response first = o.post("/api/donations", body, "Idempotency-Key", "fish-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        String lot = first.json().get("lotId").asString();

        Response retry = o.post("/api/donations", body, "Idempotency-Key", "fish-1");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("lotId").asString()).isEqualTo(lot);
        // leaving out what defaults to the same value is the same request
        Map<String, Object> withDonor = new LinkedHashMap<>(body);
        withDonor.put("donorId", "hub");
        assertThat(o.post("/api/donations", withDonor, "Idempotency-Key", "fish-1").header("Idempotent-Replayed")).isEqualTo("true");

        Map<String, Map<String, Object>> others = new LinkedHashMap<>();
        others.put("category", Map.of("category", "frozen rice"));
        others.put("temperature", Map.of("temperature", "CHILLED"));
        others.put("grams", Map.of("grams", 2_001));
        others.put("expiryDate", Map.of("expiryDate", "2027-04-01"));
        others.put("expiryKind", Map.of("expiryKind", "USE_BY"));
        others.put("availableFrom", Map.of("availableFrom", "2026-12-11"));
        others.put("earmarkedFor", Map.of("earmarkedFor", "caf-001"));
        others.put("siteId", Map.of("siteId", "donor-001"));
        others.forEach((field, change) -> {
            Map<String, Object> changed = new LinkedHashMap<>(body);
            changed.putAll(change);
            Response refused = o.post("/api/donations", changed, "Idempotency-Key", "fish-1");
            assertProblem(refused, 422, "Idempotency-Key");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(field).isEqualTo("Idempotency-Key");
            assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains("different donation");
        });
        Response stored = o.get("/api/donations/" + lot);
        assertThat(stored.json().get("category").asString()).isEqualTo("frozen fish");
        assertThat(stored.json().get("temperature").asString()).isEqualTo("FROZEN");
        assertThat(allLotIds(o)).containsExactly(lot);

        // the same key of another user is another key
        Response otherUser = organizer.post("/api/donations", donation("rice"), "Idempotency-Key", "fish-1");
        assertThat(otherUser.status()).as(otherUser.toString()).isEqualTo(201);
        assertThat(otherUser.json().get("lotId").asString()).isNotEqualTo(lot);
    }

    @Test
    void correctionsAreOncePerKeyAndConcurrentDuplicatesReplay() throws Exception {
        Http o = newOrganizer("idem-corrections");
        String lot = o.post("/api/donations", donation("beans"), "Idempotency-Key", "beans-1").json().get("lotId").asString();
        Map<String, Object> fix = Map.of("deltaGrams", -300, "reason", "weighed again");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Response> a = threads.submit(() -> {
                together.await();
                return o.post("/api/donations/" + lot + "/corrections", fix, "Idempotency-Key", "fix-1");
            });
            Future<Response> b = threads.submit(() -> {
                together.await();
                return o.post("/api/donations/" + lot + "/corrections", fix, "Idempotency-Key", "fix-1");
            });
            assertThat(a.get().status()).as(a.get().toString()).isEqualTo(201);
            assertThat(b.get().status()).as(b.get().toString()).isEqualTo(201);
            assertThat(List.of(a.get().header("Idempotent-Replayed"), b.get().header("Idempotent-Replayed")))
                    .containsExactlyInAnyOrder("true", "false");
        } finally {
            threads.shutdownNow();
        }
        assertThat(o.get("/api/donations/" + lot).json().get("grams").asLong()).isEqualTo(1_700);
        assertProblem(o.post("/api/donations/" + lot + "/corrections", Map.of("deltaGrams", -301, "reason", "weighed again"),
                "Idempotency-Key", "fix-1"), 422, "Idempotency-Key");
        assertProblem(o.post("/api/donations/" + lot + "/corrections", Map.of("deltaGrams", -300, "reason", "other reason"),
                "Idempotency-Key", "fix-1"), 422, "Idempotency-Key");
        assertThat(o.get("/api/donations/" + lot).json().get("grams").asLong()).isEqualTo(1_700);
    }

    @Test
    void csvRowsShareTheKeysAndTheirFingerprints() {
        Http o = newOrganizer("idem-csv");
        String csv = "key,site_id,category,temperature,grams,expiry_date,expiry_kind\r\n"
                + "csv-a,hub,canned,AMBIENT,4000,2027-06-30,BEST_BEFORE\r\n";
        Response first = o.send("POST", "/api/donations.csv", "text/csv", csv);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        // the same donation sent by POST with the row's key is the same request
        Map<String, Object> same = Map.of("siteId", "hub", "category", "canned", "temperature", "AMBIENT", "grams", 4000,
                "expiryDate", "2027-06-30", "expiryKind", "BEST_BEFORE");
        Response replay = o.post("/api/donations", same, "Idempotency-Key", "csv-a");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("lotId").asString()).isEqualTo(first.json().get("lotIds").get(0).asString());
        Response other = o.send("POST", "/api/donations.csv", "text/csv", csv.replace("canned", "soup"));
        assertProblem(other, 422, "line 2: key");
        assertThat(allLotIds(o)).hasSize(1);
    }
}

package org.foodnet.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts for people in the asked language (issue 16 items 3 and 4): problem+json details by Accept-Language or the
 * pages' cookie {@code lang}, rule names and what they do in the explanation, the route sheet's labels, food
 * categories and donor names, and the route sheet as a PDF (A4) whose text is Japanese.
 */
class LanguageTest extends ApiTestBase {

    @Test
    void aBadRequestIsExplainedInTheAskedLanguage() {
        Response ja = coordinator.get("/api/plans/987654321", "Accept-Language", "ja-JP,ja;q=0.9");
        assertThat(ja.status()).isEqualTo(404);
        assertThat(ja.header("content-type")).startsWith("application/problem+json");
        assertThat(ja.json().get("detail").asString()).isEqualTo("計画 987654321 はありません");
        assertThat(ja.json().get("errors").get(0).get("reason").asString()).isEqualTo("計画 987654321 はありません");

        Response en = coordinator.get("/api/plans/987654321", "Accept-Language", "en");
        assertThat(en.json().get("detail").asString()).isEqualTo("no plan 987654321");

        // a field's reason with values in it, and the field's name kept as the request spells it
        Response weights = coordinator.put("/api/plans/987654321/weights", Map.of("weights", Map.of("Driving time", -5)),
                "Accept-Language", "ja");
        assertThat(weights.status()).isBetween(400, 499);
        assertThat(weights.json().get("detail").asString()).doesNotContain("must", "no plan").containsPattern("[ぁ-んァ-ヶ一-龯]");

        // the pages' choice (cookie lang) wins over the browser's Accept-Language
        Response cookie = coordinator.get("/api/sites/no-such-site", "Accept-Language", "en", "Cookie", "lang=ja");
        assertThat(cookie.json().get("detail").asString()).isEqualTo("拠点 no-such-site はありません");
        Response english = coordinator.get("/api/sites/no-such-site", "Accept-Language", "ja", "Cookie", "lang=en");
        assertThat(english.json().get("detail").asString()).isEqualTo("no site no-such-site");

        // a CSV row error: "row part: reason" translated part by part
        Response csv = coordinator.send("POST", "/api/sites.csv", "text/csv", "id,name\nx,y\n", "Accept-Language", "ja");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(422);
        assertThat(csv.body()).contains("行に誤りがあります", "見出し行に列").doesNotContain("nothing was imported", "missing column");
    }

    @Test
    void theRouteSheetIsAPdfInJapanese_withTheStopsNames() throws Exception {
        Response accepted = coordinator.post("/api/plans", Map.of("month", "2026-12", "timeLimitSeconds", 6));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long planId = accepted.json().get("planId").asLong();
        assertThat(awaitJob(coordinator, accepted.json().get("jobId").asLong(), Duration.ofSeconds(300)).json()
                .get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(coordinator.post("/api/plans/" + planId + "/publish", null).status()).isEqualTo(200);

        // the rules in words: Japanese titles and what each does
        JsonNode explanation = coordinator.get("/api/plans/" + planId + "/explanation", "Accept-Language", "ja").json();
        JsonNode driving = explanation.get("constraints").valueStream()
                .filter(r -> r.get("name").asString().equals("Driving time")).findFirst().orElseThrow();
        assertThat(driving.get("title").asString()).isEqualTo("運転時間");
        assertThat(driving.get("what").asString()).contains("運転");

        JsonNode trips = coordinator.get("/api/plans/" + planId).json().get("plan").get("trips");
        assertThat(trips.size()).as("the solved plan has trips").isPositive();
        JsonNode trip = trips.get(0);
        String driverId = trip.get("driverId").asString();
        String date = trip.get("date").asString();
        JsonNode sheet = coordinator.get("/api/drivers/" + driverId + "/route-sheet?date=" + date).json();
        assertThat(sheet.get("trips").size()).isPositive();
        JsonNode stops = sheet.get("trips").get(0).get("stops");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/drivers/" + driverId + "/route-sheet.pdf?date=" + date))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "coordinator:demo-coordinator".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "ja").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            var box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).as("A4 width in points").isBetween(594f, 597f);
            assertThat(box.getHeight()).as("A4 height in points").isBetween(840f, 844f);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("配送表", "立ち寄り先");
            for (JsonNode stop : stops) {
                assertThat(text).contains(stop.get("name").asString().replaceAll("\\s+", ""));
            }
        }

        // the HTML sheet: labels, categories and donors for people
        Response html = coordinator.get("/api/drivers/" + driverId + "/route-sheet.html?date=" + date, "Accept-Language", "ja");
        assertThat(html.status()).isEqualTo(200);
        String loaded = stops.valueStream().flatMap(s -> s.get("load").valueStream()).findFirst()
                .map(i -> i.get("category").asString()).orElseThrow();
        assertThat(html.body()).contains("配送表", "積込み");
        // every food category of the demo network has a Japanese label: no category code is shown as it is
        for (String code : List.of("rice", "canned", "noodles", "retort", "seasoning", "snacks", "vegetables", "fruit", "dairy",
                "tofu", "bread", "eggs", "meat", "fish", "frozen vegetables", "prepared meals")) {
            assertThat(html.body()).doesNotContain("<span>" + code + "</span>");
        }
        assertThat(html.body()).doesNotContain("<span>" + loaded + "</span>");
        assertThat(stops.valueStream().flatMap(s -> s.get("load").valueStream()).allMatch(i -> !i.get("donorName").isNull()))
                .as("every loaded lot names its donor").isTrue();
    }
}

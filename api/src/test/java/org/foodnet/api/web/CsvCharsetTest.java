package org.foodnet.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV for Excel in Japan: every export starts with a UTF-8 byte-order mark; imports take UTF-8 (with or without BOM)
 * and Shift_JIS / CP932, detected or named by {@code ?charset=}.
 */
class CsvCharsetTest extends ApiTestBase {

    private static final Charset CP932 = Charset.forName("windows-31j");

    /** Saved by Excel-like tooling as CP932: 髙 and ① exist only in CP932 (not in JIS X 0208 Shift_JIS), ｶﾀｶﾅ is half-width. */
    private static byte[] fixture() throws IOException {
        try (InputStream in = CsvCharsetTest.class.getResourceAsStream("/csv/volunteers-excel-cp932.csv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aCp932FileFromExcelImportsWithItsJapaneseNamesIntact_detected() throws IOException {
        byte[] bytes = fixture();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("髙橋");   // really not UTF-8
        Response r = coordinator.raw("POST", "/api/volunteers.csv", "text/csv", bytes);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("imported").asInt()).isEqualTo(2);
        JsonNode first = coordinator.get("/api/volunteers/drv-sjis-1").json();
        assertThat(first.get("name").asString()).isEqualTo("髙橋 ①子");
        assertThat(first.get("contact").asString()).isEqualTo("鳥取市 湖山町");
        JsonNode second = coordinator.get("/api/volunteers/drv-sjis-2").json();
        assertThat(second.get("name").asString()).isEqualTo("山田 太郎, ボランティア");
        assertThat(second.get("contact").asString()).isEqualTo("ｶﾀｶﾅ 半角");
    }

    @Test
    void theCharsetCanBeNamed_asAParameterOrInTheContentType() throws IOException {
        String csv = "id,name,kind,lat,lon,service_seconds\r\ncs-sjis-1,とっとり農園,FARM,35.45,134.22,300\r\n";
        Response named = coordinator.raw("POST", "/api/sites.csv?charset=Shift_JIS", "text/csv", csv.getBytes(CP932));
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/sites/cs-sjis-1").json().get("name").asString()).isEqualTo("とっとり農園");

        Response typed = coordinator.raw("POST", "/api/sites.csv", "text/csv; charset=Shift_JIS",
                csv.replace("cs-sjis-1,とっとり", "cs-sjis-2,いなば").getBytes(CP932));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/sites/cs-sjis-2").json().get("name").asString()).isEqualTo("いなば農園");

        Response unknown = coordinator.raw("POST", "/api/sites.csv?charset=klingon", "text/csv", csv.getBytes(CP932));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("content-type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("charset");
    }

    @Test
    void utf8WithAndWithoutBomImports() {
        String csv = "id,name,kind,lat,lon,service_seconds\r\ncs-utf8-1,倉吉の畑,FARM,35.43,133.82,300\r\n";
        Response plain = coordinator.raw("POST", "/api/sites.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        Response bom = coordinator.raw("POST", "/api/sites.csv", "text/csv",
                ("\uFEFF" + csv.replace("cs-utf8-1,倉吉", "cs-utf8-2,米子")).getBytes(StandardCharsets.UTF_8));
        assertThat(bom.status()).as(bom.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/sites/cs-utf8-1").json().get("name").asString()).isEqualTo("倉吉の畑");
        assertThat(coordinator.get("/api/sites/cs-utf8-2").json().get("name").asString()).isEqualTo("米子の畑");
    }

    @Test
    void everyExportStartsWithTheBom_andReimportsAsItWas() {
        for (Response export : new Response[] {coordinator.get("/api/sites.csv"), coordinator.get("/api/volunteers.csv"),
                organizer.get("/api/donations.csv")}) {
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.header("content-type")).startsWith("text/csv");
            assertThat(export.body()).startsWith("\uFEFF");
        }
        Response sites = coordinator.get("/api/sites.csv");
        assertThat(sites.body()).startsWith("\uFEFFid,name,kind,");
        Response back = coordinator.raw("POST", "/api/sites.csv", "text/csv", sites.body().getBytes(StandardCharsets.UTF_8));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(coordinator.get("/api/sites.csv").body()).isEqualTo(sites.body());
    }
}

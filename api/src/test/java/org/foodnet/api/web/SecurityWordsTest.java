package org.foodnet.api.web;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals written by the security filters (401, 403) and the other filters outside Spring MVC, in the asked
 * language like every other problem+json: Japanese for {@code Accept-Language: ja}, English for en; the fields stay.
 */
class SecurityWordsTest extends ApiTestBase {

    private static void problem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void anUnauthenticatedRequest_isRefusedInTheAskedLanguage() {
        Http nobody = coordinator.anonymous();
        Response ja = nobody.get("/api/sites", "Accept-Language", "ja");
        problem(ja, 401, "Authorization");
        assertThat(ja.json().get("detail").asString()).isEqualTo("HTTP Basic（ユーザー名とパスワード）でログインしてください");
        assertThat(ja.json().get("errors").get(0).get("reason").asString()).isEqualTo("HTTP Basic（ユーザー名とパスワード）でログインしてください");
        Response en = nobody.get("/api/sites", "Accept-Language", "en");
        problem(en, 401, "Authorization");
        assertThat(en.json().get("detail").asString()).isEqualTo("sign in with HTTP Basic (user name and password)");
        // the pages' cookie wins, as everywhere
        assertThat(nobody.get("/api/sites", "Accept-Language", "en", "Cookie", "lang=ja").json().get("detail").asString())
                .contains("ログイン");

        Response token = nobody.get("/api/sites", "Accept-Language", "ja", "Authorization", "Bearer fnt_unknown");
        problem(token, 401, "Authorization");
        assertThat(token.json().get("detail").asString()).startsWith("API トークン（Authorization: Bearer）が不明");
    }

    @Test
    void aForbiddenRequest_isRefusedInTheAskedLanguage() {
        Response ja = driver.get("/api/network", "Accept-Language", "ja");
        problem(ja, 403, "role");
        assertThat(ja.json().get("detail").asString()).isEqualTo("あなたの役割では GET /api/network はできません");
        assertThat(ja.json().get("errors").get(0).get("reason").asString()).isEqualTo("GET /api/network はできません");
        Response en = driver.get("/api/network", "Accept-Language", "en");
        problem(en, 403, "role");
        assertThat(en.json().get("detail").asString()).isEqualTo("your role may not GET /api/network");

        Response crossSite = coordinator.send("POST", "/api/sites", "application/json", "{}", "Accept-Language", "ja",
                "Sec-Fetch-Site", "cross-site");
        problem(crossSite, 403, "Sec-Fetch-Site");
        assertThat(crossSite.json().get("detail").asString()).isEqualTo("Sec-Fetch-Site: 他のウェブサイトから始まった書き込みは受け付けません");
    }

    @Test
    void otherServerTexts_inJapanese() {
        Response feed = coordinator.anonymous().get("/api/calendar/fnc_" + "A".repeat(43) + ".ics", "Accept-Language", "ja");
        assertThat(feed.status()).isEqualTo(404);
        assertThat(feed.json().get("detail").asString()).startsWith("このアドレスのカレンダーはありません");
        Response tooLarge = coordinator.send("POST", "/api/sites", "application/json", "x".repeat(1_100_000), "Accept-Language", "ja");
        problem(tooLarge, 413, "body");
        assertThat(tooLarge.json().get("detail").asString()).contains("バイトを超えています");
    }
}

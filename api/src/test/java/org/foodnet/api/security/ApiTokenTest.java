package org.foodnet.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.foodnet.api.ApiTestBase;
import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Personal API tokens: made and revoked by their owner, Bearer signs in as the owner with the owner's role. */
class ApiTokenTest extends ApiTestBase {

    private final HttpClient client = HttpClient.newHttpClient();

    private Response bearer(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> h = new java.util.LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            return new Response(r.statusCode(), h, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Http newUser(String name, String role) {
        Response created = coordinator.post("/api/users", Map.of("username", name, "password", "token-user-pass", "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return coordinator.as(name, "token-user-pass");
    }

    @Test
    void aTokenSignsInAsItsOwnerWithTheOwnersRoleUntilRevoked() {
        Http owner = newUser("token-owner", "ORGANIZER");
        Response made = owner.post("/api/me/tokens", Map.of("name", "scale at the hub"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String token = made.json().get("token").asString();
        long id = made.json().get("id").asLong();
        assertThat(token).startsWith("fnt_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(made.header("location")).isEqualTo("/api/me/tokens/" + id);

        Response me = bearer("GET", "/api/me", token, null);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("token-owner");
        assertThat(me.json().get("role").asString()).isEqualTo("ORGANIZER");
        Response logged = bearer("POST", "/api/donations", token, """
                {"siteId":"hub","category":"rice","temperature":"AMBIENT","grams":1000,"expiryDate":"2027-01-31"}""",
                "Idempotency-Key", "token-rice-1");
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        assertThat(logged.json().get("loggedBy").asString()).isEqualTo("token-owner");
        // the owner's role: an organizer may not plan
        assertThat(bearer("GET", "/api/plans?month=2026-12", token, null).status()).isEqualTo(403);
        // no session is made for token requests
        assertThat(me.header("set-cookie")).isNull();

        JsonNode listed = owner.get("/api/me/tokens").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asString()).isEqualTo("scale at the hub");
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(owner.get("/api/me/tokens").body()).doesNotContain(token.substring(4));

        // a token cannot make or revoke tokens (a leaked one must not outlive its revocation)
        assertProblem(bearer("POST", "/api/me/tokens", token, "{\"name\":\"more\"}"), 403, null);
        assertProblem(bearer("DELETE", "/api/me/tokens/" + id, token, null), 403, null);

        assertThat(owner.delete("/api/me/tokens/" + id).status()).isEqualTo(204);
        assertThat(owner.get("/api/me/tokens").json()).isEmpty();
        Response revoked = bearer("GET", "/api/me", token, null);
        assertProblem(revoked, 401, null);
        assertProblem(owner.delete("/api/me/tokens/" + id), 404, null);
    }

    @Test
    void anotherUsersTokenCannotBeDeletedOrListed() {
        Http alice = newUser("token-alice", "ORGANIZER");
        Http bob = newUser("token-bob", "COORDINATOR");
        Response made = alice.post("/api/me/tokens", Map.of("name", "alice's script"));
        long id = made.json().get("id").asLong();
        assertProblem(bob.delete("/api/me/tokens/" + id), 404, null);
        assertThat(bob.get("/api/me/tokens").json()).isEmpty();
        assertThat(bearer("GET", "/api/me", made.json().get("token").asString(), null).status()).isEqualTo(200);
        assertProblem(alice.post("/api/me/tokens", Map.of("name", " ")), 400, "name");
        assertProblem(alice.delete("/api/me/tokens/not-a-number"), 400, null);
    }

    @Test
    void bearerGarbageIsRefusedWith401ProblemJson() {
        for (String garbage : new String[] {"garbage", "fnt_", "fnt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "", "fnt_" + "x".repeat(500)}) {
            Response r = bearer("GET", "/api/me", garbage, null);
            assertProblem(r, 401, null);
            assertThat(r.body()).contains("token");
            assertThat(r.header("www-authenticate")).startsWith("Bearer");
        }
        assertProblem(bearer("POST", "/api/donations", "garbage", "{}", "Idempotency-Key", "k"), 401, null);
    }
}

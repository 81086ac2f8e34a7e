package org.foodnet.api.tenancy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.foodnet.api.Http;
import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service without the demo, started with FOODNET_ADMIN_USER (its own context and database): that account is the
 * coordinator of the configured network and the federation administrator, who creates a second network.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foodnet.demo=false",
        "foodnet.region=first-net",
        "foodnet.admin.user=fed-admin",
        "foodnet.admin.password=fed-admin-password",
        "logging.structured.format.console="})
class InitialAdminTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("foodnet-initial-admin").resolve("pgdata").toString();
        registry.add("foodnet.data.dir", () -> dir);
    }

    @Test
    void theInitialAccountCoordinatesTheConfiguredNetworkAndCreatesOthers() {
        Http admin = new Http(port, "fed-admin", "fed-admin-password");
        Response mine = admin.get("/api/me/networks");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get(0).get("id").asString()).isEqualTo("first-net");
        assertThat(mine.json().get(0).get("role").asString()).isEqualTo("COORDINATOR");
        assertThat(admin.get("/api/me").json().get("network").asString()).isEqualTo("first-net");

        Response second = admin.post("/api/networks", Map.of("id", "second-net", "name", "Second", "zone", "Europe/Berlin",
                "coordinator", Map.of("username", "second-coord", "password", "second-coord-password")));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        Http coordinator = admin.as("second-coord", "second-coord-password");
        assertThat(coordinator.get("/api/me").json().get("network").asString()).isEqualTo("second-net");
        assertThat(coordinator.get("/api/networks/second-net/users").json().size()).isEqualTo(1);
        assertThat(coordinator.get("/api/networks/first-net/users").status()).isEqualTo(404);
        // the administrator is in one network only, so today's paths keep working for them
        assertThat(admin.get("/api/users").json().get(0).get("username").asString()).isEqualTo("fed-admin");
        assertThat(admin.get("/api/networks/second-net/users").status()).isEqualTo(404);
    }
}

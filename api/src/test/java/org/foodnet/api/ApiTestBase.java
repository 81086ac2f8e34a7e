package org.foodnet.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.foodnet.api.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context (and one embedded PostgreSQL in a temp directory) for all HTTP tests that extend this:
 * the demo network and logins, a fixed "today" of 2026-12-10 10:00 in Tokyo, short solver time limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foodnet.demo=true",
        "foodnet.solver.default-time-limit=4s",
        "foodnet.solver.store-every=1s",
        "foodnet.solver.parallelism=1",
        "foodnet.max-body-bytes=200000",
        "logging.structured.format.console=",
        "logging.level.org.foodnet=info"})
@Import(ApiTestBase.TestClock.class)
public abstract class ApiTestBase {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final LocalDateTime TODAY = LocalDateTime.of(2026, 12, 10, 10, 0);
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected Http coordinator;
    protected Http organizer;
    protected Http driver;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("foodnet.data.dir", DATA_DIR::toString);
    }

    @BeforeEach
    void clients() {
        coordinator = new Http(port, "coordinator", "demo-coordinator");
        organizer = coordinator.as("organizer", "demo-organizer");
        driver = coordinator.as("driver", "demo-driver");
        clock.set(TODAY.atZone(TOKYO).toInstant());
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("foodnet-api-test");
            dir.toFile().deleteOnExit();
            return dir.resolve("pgdata");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A clock tests can set. */
    public static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    /** Polls a job until it has ended. */
    protected Response awaitJob(Http as, long jobId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response job = as.get("/api/jobs/" + jobId);
            assertThat(job.status()).as(job.toString()).isEqualTo(200);
            String status = job.json().get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("job " + jobId + " still " + status + " after " + timeout);
            }
            sleep(250);
        }
    }

    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts an RFC 9457 problem with this status (and, if given, an error naming this field). */
    protected static void assertProblem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("content-type")).as(r.toString()).startsWith("application/problem+json");
        var json = r.json();
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.has("title")).isTrue();
        if (field != null) {
            assertThat(r.body()).as(r.toString()).contains(field);
        }
    }
}

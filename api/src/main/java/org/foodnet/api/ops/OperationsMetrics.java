package org.foodnet.api.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Foodnet's own metrics for Prometheus ({@code /actuator/prometheus}), read from PostgreSQL when scraped (at most
 * once every 5 s), so they are the same on every node and count what every node did: solve jobs by status
 * ({@code foodnet_solve_jobs{status=…}}), solve jobs running and waiting, and donations logged (count and grams,
 * {@code foodnet_donations_logged}, {@code foodnet_donations_logged_grams}). HTTP metrics
 * ({@code http_server_requests_seconds_*}) and the JVM's come from Spring Boot.
 */
@Component
class OperationsMetrics implements MeterBinder {

    static final List<String> JOB_STATUSES = List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");
    private static final long MAX_AGE_NANOS = 5_000_000_000L;

    private record Snapshot(long at, Map<String, Long> jobs, long donations, long donatedGrams) {
    }

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    OperationsMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : JOB_STATUSES) {
            Gauge.builder("foodnet.solve.jobs", this, m -> m.current().jobs().getOrDefault(status, 0L))
                    .tag("status", status).description("Solve jobs by status, all networks and nodes").register(registry);
        }
        Gauge.builder("foodnet.donations.logged", this, m -> m.current().donations())
                .description("Donation lots logged (stock ledger rows of kind LOGGED), all networks").register(registry);
        Gauge.builder("foodnet.donations.logged.grams", this, m -> m.current().donatedGrams())
                .description("Grams of food logged as donations, all networks").baseUnit("grams").register(registry);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && System.nanoTime() - s.at() < MAX_AGE_NANOS) {
            return s;
        }
        try {
            Map<String, Long> jobs = new HashMap<>();
            jdbc.sql("SELECT status, count(*) FROM solve_job GROUP BY status")
                    .query(rs -> {
                        jobs.put(rs.getString(1), rs.getLong(2));
                    });
            long[] donations = jdbc.sql("SELECT count(*), coalesce(sum(grams), 0) FROM stock_movement WHERE kind = 'LOGGED'")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            s = new Snapshot(System.nanoTime(), jobs, donations[0], donations[1]);
        } catch (RuntimeException e) {
            // the database is away: keep the last figures (or none) rather than fail the scrape
            s = s != null ? s : new Snapshot(System.nanoTime(), Map.of(), 0, 0);
        }
        snapshot = s;
        return s;
    }
}

package org.foodnet.api.planning;

import java.util.List;

import org.foodnet.data.job.SolveJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start: jobs still queued or running were cut off by the last stop (or a crash). They are marked
 * interrupted; their plans keep the best plan stored so far (SOLVED) or go back to DRAFT, and can be resumed.
 * This runs before the web server accepts requests (a lifecycle phase ahead of the server's), in one transaction,
 * so no request ever sees a job INTERRUPTED while its plan still reads SOLVING.
 */
@Component
class JobRecovery implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final SolveJobRepository jobs;
    private final Solving solving;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private volatile boolean running;

    JobRecovery(SolveJobRepository jobs, Solving solving, JdbcClient jdbc, TransactionTemplate transaction) {
        this.jobs = jobs;
        this.solving = solving;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Marks jobs left queued or running as interrupted and puts their plans back, atomically. */
    void recover() {
        int n = transaction.execute(status -> {
            // the data module offers no "active jobs" finder yet, hence this one read of its table
            List<Long> plans = jdbc.sql("SELECT DISTINCT plan_id FROM solve_job WHERE status IN ('QUEUED', 'RUNNING')")
                    .query(Long.class).list();
            int interrupted = jobs.failInterrupted(Solving.INTERRUPTED + " by a restart of the service; resume it to go on");
            for (long planId : plans) {
                solving.restore(planId);
            }
            return interrupted;
        });
        if (n > 0) {
            LOG.warn("{} solve job(s) were interrupted by the last stop; they can be resumed", n);
        }
    }

    @Override
    public void start() {
        recover();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: before the web server starts accepting requests (its lifecycle phase is far higher). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}

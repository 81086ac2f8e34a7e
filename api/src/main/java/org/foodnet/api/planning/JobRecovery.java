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
 * On start: jobs still queued or running that the job engine no longer has (no execution in
 * {@code scheduled_tasks}: jobs of a Foodnet before the engine, or whose execution was removed by hand) would never
 * run; they are marked interrupted, and their plans keep the best plan stored so far (SOLVED) or go back to DRAFT,
 * and can be resumed. Jobs the engine has are left alone: another live node may be solving them, and the engine
 * hands the job of a node that died to a live one (see {@link Solving}).
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
            // active jobs without an execution of the engine (the engine's table is the api's, so read here)
            List<long[]> orphans = jdbc.sql("""
                    SELECT j.id, j.plan_id FROM solve_job j
                    WHERE j.status IN ('QUEUED', 'RUNNING') AND NOT EXISTS (
                        SELECT 1 FROM scheduled_tasks t WHERE t.task_name = ? AND t.task_instance = j.id::text)
                    FOR UPDATE OF j""").param(Solving.TASK)
                    .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            int interrupted = jobs.failInterrupted(Solving.INTERRUPTED + " by a restart of the service; resume it to go on",
                    orphans.stream().map(o -> o[0]).toList());
            for (long planId : orphans.stream().map(o -> o[1]).distinct().toList()) {
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

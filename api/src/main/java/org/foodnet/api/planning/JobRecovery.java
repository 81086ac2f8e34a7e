package org.foodnet.api.planning;

import java.util.List;

import org.foodnet.data.job.SolveJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On start: jobs still queued or running were cut off by the last stop (or a crash). They are marked
 * interrupted; their plans keep the best plan stored so far (SOLVED) or go back to DRAFT, and can be resumed.
 */
@Component
@Order(0)
class JobRecovery implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final SolveJobRepository jobs;
    private final Solving solving;
    private final JdbcClient jdbc;

    JobRecovery(SolveJobRepository jobs, Solving solving, JdbcClient jdbc) {
        this.jobs = jobs;
        this.solving = solving;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the data module offers no "active jobs" finder yet, hence this one read of its table
        List<Long> plans = jdbc.sql("SELECT DISTINCT plan_id FROM solve_job WHERE status IN ('QUEUED', 'RUNNING')")
                .query(Long.class).list();
        int n = jobs.failInterrupted(Solving.INTERRUPTED + " by a restart of the service; resume it to go on");
        for (long planId : plans) {
            solving.restore(planId);
        }
        if (n > 0) {
            LOG.warn("{} solve job(s) were interrupted by the last stop; they can be resumed", n);
        }
    }
}

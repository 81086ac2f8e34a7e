package org.foodnet.data.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.TestDatabase;
import org.foodnet.data.TestNetworks;
import org.foodnet.data.network.NetworkRepository;
import org.foodnet.data.plan.PlanRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SolveJobRepositoryTest {

    private static TestDatabase db;
    private static SolveJobRepository jobs;
    private static PlanRepository plans;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        new NetworkRepository(db.dsl()).store("kirin", TestNetworks.rich());
        jobs = new SolveJobRepository(db.dsl());
        plans = new PlanRepository(db.dsl());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static long newPlan() {
        return plans.createDraft("kirin", TestNetworks.MONTH, Map.of()).id();
    }

    @Test
    void aJobRecordsProgressAndTheBestScoreOverTime() {
        long plan = newPlan();
        SolveJob queued = jobs.queue(plan);

        jobs.start(queued.id());
        jobs.progress(queued.id(), 0.1, "-5hard/-100medium/-900soft");
        jobs.progress(queued.id(), 0.2, "-5hard/-100medium/-900soft");
        jobs.progress(queued.id(), 0.5, "0hard/-80medium/-700soft");
        SolveJob done = jobs.succeed(queued.id(), "0hard/-80medium/-650soft");

        assertThat(queued.status()).isEqualTo(SolveJobStatus.QUEUED);
        assertThat(done.status()).isEqualTo(SolveJobStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.bestScore()).isEqualTo("0hard/-80medium/-650soft");
        assertThat(done.bestScores()).extracting(ScorePoint::score)
                .containsExactly("-5hard/-100medium/-900soft", "0hard/-80medium/-700soft");
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.endedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(jobs.ofPlan(plan)).containsExactly(done);
    }

    @Test
    void aFailedJobKeepsItsError() {
        SolveJob job = jobs.queue(newPlan());
        jobs.start(job.id());

        SolveJob failed = jobs.fail(job.id(), "java.lang.OutOfMemoryError");

        assertThat(failed.status()).isEqualTo(SolveJobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(jobs.find(job.id())).contains(failed);
    }

    @Test
    void onePlanHasAtMostOneActiveJob() {
        long plan = newPlan();
        SolveJob first = jobs.queue(plan);

        assertThatThrownBy(() -> jobs.queue(plan)).isInstanceOf(ConstraintViolation.class)
                .extracting(e -> ((ConstraintViolation) e).constraint()).isEqualTo("solve_job_one_active_per_plan");
        jobs.cancel(first.id());
        assertThat(jobs.queue(plan).status()).isEqualTo(SolveJobStatus.QUEUED);
    }

    @Test
    void aFinishedJobCannotBeRestarted() {
        SolveJob job = jobs.queue(newPlan());
        jobs.cancel(job.id());

        assertThatThrownBy(() -> jobs.start(job.id())).isInstanceOf(ConstraintViolation.class)
                .hasMessageContaining("status cannot change from CANCELLED to RUNNING");
    }

    @Test
    void jobsCutOffByARestartAreMarkedFailed() {
        SolveJob running = jobs.queue(newPlan());
        jobs.start(running.id());
        SolveJob queued = jobs.queue(newPlan());

        int marked = jobs.failInterrupted("interrupted by a restart");

        assertThat(marked).isGreaterThanOrEqualTo(2);
        assertThat(jobs.find(running.id()).orElseThrow().status()).isEqualTo(SolveJobStatus.FAILED);
        assertThat(jobs.find(queued.id()).orElseThrow().error()).isEqualTo("interrupted by a restart");
    }
}

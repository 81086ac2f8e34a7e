package org.foodnet.data.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

    @Test
    void aJobWhoseNodeDiedRunsAgainOnAnotherNodeAtMostThreeTimes() {
        SolveJob job = jobs.queue(newPlan());

        SolveJob onA = jobs.startAttempt(job.id(), "A", 3).orElseThrow();
        assertThat(onA.status()).isEqualTo(SolveJobStatus.RUNNING);
        assertThat(onA.node()).isEqualTo("A");
        assertThat(onA.attempts()).isEqualTo(1);
        assertThat(jobs.beat(job.id(), 1)).isFalse();

        // A dies: the job goes back to the queue, A's attempt ends at its last heartbeat
        SolveJob requeued = jobs.requeue(job.id(), "node A stopped answering").orElseThrow();
        assertThat(requeued.status()).isEqualTo(SolveJobStatus.QUEUED);
        assertThat(requeued.node()).isEqualTo("A");
        SolveJob onB = jobs.startAttempt(job.id(), "B", 3).orElseThrow();
        assertThat(onB.node()).isEqualTo("B");
        assertThat(onB.attempts()).isEqualTo(2);
        assertThat(onB.startedAt()).isEqualTo(onA.startedAt());

        // B dies without anyone noticing before C claims it: the claim closes B's attempt itself
        SolveJob onC = jobs.startAttempt(job.id(), "C", 3).orElseThrow();
        assertThat(onC.attempts()).isEqualTo(3);
        assertThat(jobs.startAttempt(job.id(), "D", 3)).isEmpty();

        SolveJob failed = jobs.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(SolveJobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("stopped after 3 attempts; the last ended on node C: its node stopped answering");
        List<JobAttempt> attempts = jobs.attempts(job.id());
        assertThat(attempts).extracting(JobAttempt::node).containsExactly("A", "B", "C");
        assertThat(attempts).extracting(JobAttempt::outcome).containsExactly("node A stopped answering",
                "its node stopped answering", "its node stopped answering");
        assertThat(attempts).allSatisfy(a -> assertThat(a.endedAt()).isEqualTo(a.heartbeatAt()));
    }

    @Test
    void aJobHasAtMostOneOpenAttempt() {
        SolveJob job = jobs.queue(newPlan());
        jobs.startAttempt(job.id(), "A", 3).orElseThrow();

        assertThatThrownBy(() -> db.dsl().execute("INSERT INTO solve_job_attempt (job_id, attempt, node, started_at, heartbeat_at)"
                + " VALUES (" + job.id() + ", 2, 'B', now(), now())")).hasMessageContaining("solve_job_attempt_one_open");
    }

    @Test
    void aStopIsCancelForAQueuedJobAndARequestForARunningOne() {
        SolveJob queued = jobs.queue(newPlan());
        assertThat(jobs.requestStop(queued.id()).status()).isEqualTo(SolveJobStatus.CANCELLED);
        assertThat(jobs.startAttempt(queued.id(), "A", 3)).as("a cancelled job is not run").isEmpty();

        SolveJob running = jobs.queue(newPlan());
        jobs.startAttempt(running.id(), "A", 3).orElseThrow();
        assertThat(jobs.requestStop(running.id()).status()).isEqualTo(SolveJobStatus.RUNNING);
        assertThat(jobs.beat(running.id(), 1)).isTrue();
        jobs.succeed(running.id(), "0hard/0medium/-1soft");
        jobs.endAttempt(running.id(), 1, "stopped early");
        assertThat(jobs.attempts(running.id())).singleElement().extracting(JobAttempt::outcome).isEqualTo("stopped early");
        assertThat(jobs.find(running.id()).orElseThrow().status()).isEqualTo(SolveJobStatus.SUCCEEDED);
    }

    @Test
    void interruptingNamedJobsLeavesOthersAlone() {
        SolveJob mine = jobs.queue(newPlan());
        SolveJob other = jobs.queue(newPlan());

        assertThat(jobs.failInterrupted("interrupted by a restart", List.of(mine.id()))).isEqualTo(1);
        assertThat(jobs.find(mine.id()).orElseThrow().status()).isEqualTo(SolveJobStatus.FAILED);
        assertThat(jobs.find(other.id()).orElseThrow().status()).isEqualTo(SolveJobStatus.QUEUED);
    }
}

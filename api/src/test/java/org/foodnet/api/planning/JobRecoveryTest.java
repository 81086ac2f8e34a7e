package org.foodnet.api.planning;

import java.time.YearMonth;
import java.util.Map;

import org.foodnet.api.ApiTestBase;
import org.foodnet.data.job.SolveJob;
import org.foodnet.data.job.SolveJobRepository;
import org.foodnet.data.plan.PlanInfo;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.plan.PlanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** After a crash (no orderly stop), the next start marks the jobs left queued or running as interrupted. */
class JobRecoveryTest extends ApiTestBase {

    @Autowired
    JobRecovery recovery;
    @Autowired
    PlanRepository plans;
    @Autowired
    SolveJobRepository jobs;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Recovery runs before the web server accepts requests: no one sees a job INTERRUPTED with its plan SOLVING. */
    @Test
    void recoveryRunsBeforeTheWebServerStarts() {
        var server = context.getBeansOfType(org.springframework.context.SmartLifecycle.class).entrySet().stream()
                .filter(e -> e.getValue().getClass().getSimpleName().contains("WebServerStartStop")).findFirst().orElseThrow();
        assertThat(recovery.getPhase()).as(server.getKey()).isLessThan(server.getValue().getPhase());
        assertThat(recovery.isRunning()).isTrue();
    }

    /** A failed job's error is in words: no class names, no solver internals. */
    @Test
    void failedJobErrorsAreInWords() {
        String empty = Solving.inWords(new IllegalStateException("The @ValueRangeProvider annotated member (field private "
                + "java.util.List org.foodnet.solver.model.MonthPlan.visits) called on bean must not return an empty valueRange ([])."));
        assertThat(empty).startsWith("nothing to plan").doesNotContain("java.", "org.", "ValueRange");
        String npe = Solving.inWords(new NullPointerException("Cannot invoke \"org.foodnet.solver.model.Trip.getVisits()\""));
        assertThat(npe).contains("unexpected error").doesNotContain("org.", "Null", "Exception");
        assertThat(Solving.inWords(new IllegalArgumentException("site hub has no opening hours")))
                .isEqualTo("the month's data cannot be planned: site hub has no opening hours");
    }

    @Test
    void jobsLeftActiveByACrashAreInterruptedAndTheirPlansGoBackToDraft() {
        // what a killed service leaves behind: a plan SOLVING, its job RUNNING, nothing solving it
        PlanInfo draft = plans.createDraft("kirin", YearMonth.of(2026, 12), Map.of());
        plans.startSolving(draft.id(), draft.version());
        SolveJob job = jobs.queue(draft.id());
        jobs.start(job.id());

        recovery.recover();

        var view = coordinator.get("/api/jobs/" + job.id()).json();
        assertThat(view.get("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(view.get("error").asString()).contains("restart");
        assertThat(plans.info(draft.id()).orElseThrow().status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(coordinator.post("/api/jobs/" + job.id() + "/resume", Map.of()).status()).isEqualTo(202);
        var resumed = coordinator.get("/api/plans/" + draft.id() + "/jobs").json().get(0);
        awaitJob(coordinator, resumed.get("id").asLong(), java.time.Duration.ofSeconds(60));
    }
}

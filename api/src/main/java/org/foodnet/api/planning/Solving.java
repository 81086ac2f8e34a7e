package org.foodnet.api.planning;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.foodnet.api.config.FoodnetProperties;
import org.foodnet.api.web.Problem;
import org.foodnet.data.job.SolveJob;
import org.foodnet.data.job.SolveJobRepository;
import org.foodnet.data.job.SolveJobStatus;
import org.foodnet.data.plan.PlanInfo;
import org.foodnet.data.plan.PlanRepository;
import org.foodnet.data.plan.PlanStatus;
import org.foodnet.solver.FoodnetSolver;
import org.foodnet.solver.SolveControl;
import org.foodnet.solver.SolveOptions;
import org.foodnet.solver.SolveProgress;
import org.foodnet.solver.SolveResult;
import org.foodnet.solver.plan.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs solve jobs, at most {@code foodnet.solver.parallelism} at a time (the rest wait in a bounded queue), and
 * keeps everything about them in PostgreSQL: status, progress, the best score each time it improves and, every
 * {@code foodnet.solver.store-every}, the best plan so far. Only the running jobs' stop handles are in memory.
 * When the service stops, running jobs store their best plan and are marked interrupted; jobs still queued are
 * marked interrupted on the next start ({@link JobRecovery}).
 */
@Component
class Solving implements DisposableBean {

    static final String INTERRUPTED = "interrupted";
    private static final Logger LOG = LoggerFactory.getLogger(Solving.class);

    private final SolveJobRepository jobs;
    private final PlanRepository plans;
    private final PlanOrigins origins;
    private final PlanBases bases;
    private final TransactionTemplate transaction;
    private final FoodnetProperties.Solver settings;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService ticker;
    private final Map<Long, Run> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    Solving(SolveJobRepository jobs, PlanRepository plans, PlanOrigins origins, PlanBases bases,
            TransactionTemplate transaction, FoodnetProperties properties) {
        this.jobs = jobs;
        this.plans = plans;
        this.origins = origins;
        this.bases = bases;
        this.transaction = transaction;
        this.settings = properties.solver();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.parallelism(), settings.parallelism(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())), r -> {
                    Thread t = new Thread(r, "solver-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "solve-progress");
            t.setDaemon(true);
            return t;
        });
    }

    /** Refuses new work early when the queue is full (503 with Retry-After). */
    void requireRoom() {
        if (executor.getQueue().remainingCapacity() == 0 || stopping) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "the solve queue is full (" + settings.queueCapacity()
                    + " jobs waiting); try again later");
        }
    }

    void submit(long jobId) {
        try {
            executor.execute(() -> run(jobId));
        } catch (RejectedExecutionException e) {
            jobs.fail(jobId, "the solve queue was full");
            LOG.warn("Solve job {} refused: queue full", jobId);
        }
    }

    /** Asks a running job to finish now with its best plan; false when it is not running here. */
    boolean stop(long jobId) {
        Run run = running.get(jobId);
        if (run == null) {
            return false;
        }
        run.stoppedByUser = true;
        run.control.stop();
        return true;
    }

    int waiting() {
        return executor.getQueue().size();
    }

    // --- one job ---------------------------------------------------------------------------------------------

    /** The state of a running job shared between the solver thread and the progress ticker. */
    private static final class Run {
        final SolveControl control = new SolveControl();
        volatile SolveProgress latest;
        Exported stored;
        volatile boolean stoppedByUser;
        volatile boolean feasibleSeen;
        volatile Exported exported;
        long exportedAt;
        int version;
        Score bestStored;
    }

    /** A best plan exported on the solver thread, waiting to be stored. */
    private record Exported(Score score, Plan plan) {
    }

    private void run(long jobId) {
        SolveJob job = jobs.find(jobId).orElse(null);
        if (job == null || job.status() != SolveJobStatus.QUEUED || stopping) {
            return;
        }
        long planId = job.planId();
        Run run = new Run();
        running.put(jobId, run);
        ScheduledFuture<?> tick = null;
        try {
            jobs.start(jobId);
            PlanInfo info = plans.info(planId).orElseThrow();
            PlanOrigins.Origin origin = origins.find(planId)
                    .orElse(new PlanOrigins.Origin(planId, settings.defaultTimeLimit().toMillis(), null, null));
            Plan published = origin.replanOf() == null ? null : plans.find(origin.replanOf()).orElseThrow().plan();
            Replan replan = bases.replan(planId, info.month(), origin, published);
            run.version = info.version();
            // a resumed job keeps the best plan found before unless it finds a better one
            run.bestStored = Score.parse(info.score());
            SolveOptions options = new SolveOptions(Duration.ofMillis(origin.timeLimitMs()), weights(info),
                    settings.moveThreads(), planId);
            // stay close to what volunteers were told (a re-plan) or to the best plan so far (a resumed job)
            Plan previous = run.bestStored != null ? plans.find(planId).map(p -> p.plan()).orElse(published) : published;
            if (previous != null && !previous.trips().isEmpty()) {
                options = options.withPreviousPlan(previous);
            }
            long begin = System.nanoTime();
            long every = Math.max(200, settings.storeEvery().toMillis());
            Runnable persist = () -> persist(jobId, planId, run, replan, begin, origin.timeLimitMs());
            tick = ticker.scheduleWithFixedDelay(persist, every, every, TimeUnit.MILLISECONDS);
            LOG.info("Solve job {} for plan {} ({}) started: {} s, weights {}", jobId, planId, info.month(),
                    origin.timeLimitMs() / 1000.0, info.constraintWeights());
            long everyNanos = every * 1_000_000L;
            SolveResult result = FoodnetSolver.solve(replan.problem(), options, p -> {
                // on the solver thread: the plan is exported here (never from another thread while solving),
                // at most once per store interval, and at once for the first feasible plan
                run.latest = p;
                long now = System.nanoTime();
                boolean firstFeasible = p.feasible() && !run.feasibleSeen;
                if (firstFeasible || run.exported == null || now - run.exportedAt >= everyNanos) {
                    run.feasibleSeen |= p.feasible();
                    run.exportedAt = now;
                    run.exported = new Exported(new Score(p.hard(), p.medium(), p.soft()), p.plan().get());
                    if (firstFeasible) {
                        ticker.execute(persist);
                    }
                }
            }, run.control);
            tick.cancel(false);
            synchronized (run) {
                Score score = new Score(result.hard(), result.medium(), result.soft());
                Plan best = withScore(replan.merge(result.plan()), score);
                if (run.bestStored != null && run.bestStored.compareTo(score) > 0) {
                    best = plans.find(planId).orElseThrow().plan(); // the better plan stored before
                    score = run.bestStored;
                }
                plans.storeSolution(planId, run.version, best);
                if (stopping && !run.stoppedByUser) {
                    jobs.fail(jobId, INTERRUPTED + " by a stop of the service; its best plan (" + score + ") is stored");
                    LOG.info("Solve job {} interrupted by shutdown; best {} stored", jobId, score);
                } else {
                    jobs.succeed(jobId, score.toString());
                    LOG.info("Solve job {} for plan {} done in {} ms: {} (first feasible after {} ms){}", jobId, planId,
                            result.msTotal(), score, result.msToFirstFeasible(), run.stoppedByUser ? ", stopped early" : "");
                }
            }
        } catch (RuntimeException e) {
            if (tick != null) {
                tick.cancel(false);
            }
            LOG.error("Solve job {} for plan {} failed", jobId, planId, e);
            synchronized (run) {
                try {
                    jobs.fail(jobId, inWords(e));
                    restore(planId);
                } catch (RuntimeException again) {
                    LOG.error("Could not record the failure of solve job {}", jobId, again);
                }
            }
        } finally {
            running.remove(jobId);
        }
    }

    /** Runs on the ticker: progress, the new best score, and the best plan so far, in one transaction. */
    private void persist(long jobId, long planId, Run run, Replan replan, long begin, long limitMs) {
        try {
            synchronized (run) {
                double progress = Math.min(0.99, (System.nanoTime() - begin) / 1e6 / limitMs);
                Exported p = run.exported;
                String scoreText = null;
                if (p != null && p != run.stored) {
                    Score score = p.score();
                    if (run.bestStored == null || score.compareTo(run.bestStored) > 0) {
                        Plan plan = withScore(replan.merge(p.plan()), score);
                        transaction.executeWithoutResult(status -> {
                            PlanInfo solved = plans.storeSolution(planId, run.version, plan);
                            run.version = plans.startSolving(planId, solved.version()).version();
                        });
                        run.bestStored = score;
                    }
                    run.stored = p;
                    scoreText = run.bestStored.toString();
                }
                jobs.progress(jobId, progress, scoreText);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not store the progress of solve job {}", jobId, e);
        }
    }

    /** A failed job's error as the coordinator reads it; the details (class, solver internals) are only logged. */
    static String inWords(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("empty valueRange") || message.contains("must not return an empty")) {
            return "nothing to plan: no donation of the month can reach a recipient that needs it";
        }
        if (e instanceof IllegalArgumentException && !message.contains("org.") && !message.contains("java.")
                && !message.contains("Exception") && message.length() < 300) {
            return "the month's data cannot be planned: " + message;
        }
        return "planning stopped because of an unexpected error (details in the server log); the best plan found so far,"
                + " if any, is kept";
    }

    /** After a failure: a plan with a stored best plan becomes SOLVED again, one without goes back to DRAFT. */
    void restore(long planId) {
        PlanInfo info = plans.info(planId).orElse(null);
        if (info == null || info.status() != PlanStatus.SOLVING) {
            return;
        }
        if (info.score() != null) {
            plans.storeSolution(planId, info.version(), plans.find(planId).orElseThrow().plan());
        } else {
            plans.abandonSolving(planId, info.version());
        }
    }

    static Plan withScore(Plan plan, Score score) {
        return new Plan(plan.networkName(), plan.month(), score.toString(), plan.trips(), plan.allocations());
    }

    static Map<String, Long> weights(PlanInfo info) {
        Map<String, Long> weights = new HashMap<>();
        for (Map.Entry<String, BigDecimal> w : info.constraintWeights().entrySet()) {
            weights.put(w.getKey(), w.getValue().longValue());
        }
        return weights;
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        running.values().forEach(r -> r.control.stop());
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Solve jobs did not stop within 30 s");
            executor.shutdownNow();
        }
        ticker.shutdownNow();
    }
}

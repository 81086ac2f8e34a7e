package org.foodnet.api.planning;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.foodnet.api.config.FoodnetProperties;
import org.foodnet.api.config.Node;
import org.foodnet.api.web.Problem;
import org.foodnet.data.job.SolveJob;
import org.foodnet.data.job.SolveJobRepository;
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
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs solve jobs on db-scheduler (one table, {@code scheduled_tasks}, in the app's schema) over the shared
 * PostgreSQL, so that any node accepts a request and any worker node claims the job: a job is one execution of the
 * one-time task {@value #TASK} (instance id = the job's id), scheduled in the same transaction that queues the job.
 * A worker node ({@code foodnet.node.roles} has {@code worker}) runs {@code foodnet.node.solver-threads} jobs at a
 * time; db-scheduler picks an execution for one node only, and keeps a heartbeat on it every 2 s. An execution
 * whose node misses 5 heartbeats (10 s; a SIGKILL, a network split) is dead: another node (it checks every 4 s) puts
 * the job back to QUEUED and runs it again, starting from the best plan the dead node stored (warm start). A job
 * runs at most {@value #MAX_ATTEMPTS} times, then fails naming how the last attempt ended.
 * Everything about a job is in PostgreSQL: status, progress, its attempts (node, start, heartbeat, end), the best
 * score each time it improves and, every {@code foodnet.solver.store-every}, the best plan so far. A stop asked on
 * any node reaches the node running the job with its next heartbeat (within {@code store-every}). When a node
 * stops in order, the jobs it runs store their best plan and are marked interrupted (resume them to go on).
 */
@Component
class Solving implements SmartLifecycle {

    static final String INTERRUPTED = "interrupted";
    static final String TASK = "solve-job";
    static final int MAX_ATTEMPTS = 3;
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    static final int MISSED_HEARTBEATS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Solving.class);

    private final SolveJobRepository jobs;
    private final PlanRepository plans;
    private final PlanOrigins origins;
    private final PlanBases bases;
    private final TransactionTemplate transaction;
    private final FoodnetProperties.Solver settings;
    private final Node node;
    private final OneTimeTask<Void> task;
    private final SchedulerClient client;
    private final DataSource transactional;
    /** Made anew at each start: a stopped db-scheduler cannot start again (a test context is stopped and restarted). */
    private volatile Scheduler scheduler;
    private volatile ScheduledExecutorService ticker;
    private final Map<Long, Run> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile boolean started;

    Solving(SolveJobRepository jobs, PlanRepository plans, PlanOrigins origins, PlanBases bases,
            TransactionTemplate transaction, FoodnetProperties properties, Node node, DataSource dataSource) {
        this.jobs = jobs;
        this.plans = plans;
        this.origins = origins;
        this.bases = bases;
        this.transaction = transaction;
        this.settings = properties.solver();
        this.node = node;
        this.task = Tasks.oneTime(TASK)
                .onFailure(this::attemptFailed)
                .onDeadExecution(this::nodeDied)
                .execute((instance, context) -> execute(Long.parseLong(instance.getId())));
        // scheduling joins the transaction that queues the job (both commit or neither)
        this.transactional = new TransactionAwareDataSourceProxy(dataSource);
        this.client = SchedulerClient.Builder.create(transactional, task).build();
        this.ticker = newTicker();
    }

    private static ScheduledExecutorService newTicker() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "solve-progress");
            t.setDaemon(true);
            return t;
        });
    }

    private Scheduler newScheduler() {
        return Scheduler.create(transactional, task)
                .schedulerName(new SchedulerName.Fixed(node.name()))
                .threads(node.solverThreads())
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    /** Refuses new work early when too many jobs wait for a node (503 with Retry-After). */
    void requireRoom() {
        if (stopping || jobs.countQueued() >= settings.queueCapacity()) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "the solve queue is full (" + settings.queueCapacity()
                    + " jobs waiting); try again later");
        }
    }

    /** Hands a queued job to the engine; call it in the transaction that queued the job. */
    void submit(long jobId) {
        client.schedule(task.instance(Long.toString(jobId)), Instant.now());
    }

    /** A job stopped before it ran: its execution, if no node picked it yet, goes (a node that did skips it). */
    void forget(long jobId) {
        try {
            client.cancel(TaskInstanceId.of(TASK, Long.toString(jobId)));
        } catch (RuntimeException e) {
            LOG.debug("Execution of job {} not cancelled: {}", jobId, e.toString());
        }
    }

    /** Asks a job running on this node to finish now with its best plan; false when it is not running here. */
    boolean stop(long jobId) {
        Run run = running.get(jobId);
        if (run == null) {
            return false;
        }
        run.stoppedByUser = true;
        run.control.stop();
        return true;
    }

    // --- the engine's handlers ---------------------------------------------------------------------------------

    /** The task failed on a node (an unexpected error it may not have on the next attempt): run it again soon. */
    private void attemptFailed(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        long jobId = Long.parseLong(complete.getExecution().taskInstance.getId());
        boolean active = jobs.find(jobId).map(j -> j.status().active()).orElse(false);
        if (active) {
            operations.reschedule(complete, Instant.now().plusSeconds(2));
        } else {
            operations.stop();
        }
    }

    /** Another node stopped answering while running the job: it goes back to the queue, for any node to take over. */
    private void nodeDied(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        Execution execution = complete.getExecution();
        long jobId = Long.parseLong(execution.taskInstance.getId());
        String outcome = "node " + execution.pickedBy + " stopped answering (last heartbeat " + execution.lastHeartbeat + ")";
        LOG.warn("Solve job {}: {}; it goes back to the queue", jobId, outcome);
        boolean active = jobs.requeue(jobId, outcome).map(j -> j.status().active()).orElse(false);
        if (active) {
            // due at its first due time: it keeps its place ahead of the jobs queued after it (executions are picked
            // oldest due first), so the next free worker takes it over
            operations.reschedule(complete, execution.executionTime);
        } else {
            operations.stop();
        }
    }

    /** Runs on one of the engine's threads of this node, for as long as the solve takes. */
    private void execute(long jobId) {
        if (stopping) {
            throw new IllegalStateException("node " + node.name() + " is stopping");
        }
        SolveJob job = jobs.startAttempt(jobId, node.name(), MAX_ATTEMPTS).orElse(null);
        if (job == null) {
            // ended meanwhile (stopped, cancelled) or out of attempts: the plan goes back to SOLVED or DRAFT
            jobs.find(jobId).filter(j -> !j.status().active())
                    .filter(j -> jobs.ofPlan(j.planId()).stream().noneMatch(other -> other.status().active()))
                    .ifPresent(j -> restore(j.planId()));
            return;
        }
        LOG.info("Solve job {} attempt {} on node {}", jobId, job.attempts(), node.name());
        run(job);
    }

    // --- one job ---------------------------------------------------------------------------------------------

    /** The state of a running job shared between the solver thread and the progress ticker. */
    private static final class Run {
        final SolveControl control = new SolveControl();
        final int attempt;
        volatile SolveProgress latest;
        Exported stored;
        volatile boolean stoppedByUser;
        volatile boolean feasibleSeen;
        volatile Exported exported;
        long exportedAt;
        int version;
        Score bestStored;

        Run(int attempt) {
            this.attempt = attempt;
        }
    }

    /** A best plan exported on the solver thread, waiting to be stored. */
    private record Exported(Score score, Plan plan) {
    }

    private void run(SolveJob job) {
        long jobId = job.id();
        long planId = job.planId();
        Run run = new Run(job.attempts());
        running.put(jobId, run);
        ScheduledFuture<?> tick = null;
        try {
            PlanInfo info = plans.info(planId).orElseThrow();
            PlanOrigins.Origin origin = origins.find(planId)
                    .orElse(new PlanOrigins.Origin(planId, settings.defaultTimeLimit().toMillis(), null, null));
            Plan published = origin.replanOf() == null ? null : plans.find(origin.replanOf()).orElseThrow().plan();
            Replan replan = bases.replan(info.region(), planId, info.month(), origin, published);
            run.version = info.version();
            // a resumed job, or one taken over from a node that died, keeps the best plan stored before unless it
            // finds a better one
            run.bestStored = Score.parse(info.score());
            SolveOptions options = new SolveOptions(Duration.ofMillis(origin.timeLimitMs()), weights(info),
                    settings.moveThreads(), planId);
            // stay close to what volunteers were told (a re-plan) or start from the best plan so far (warm start)
            Plan previous = run.bestStored != null ? plans.find(planId).map(p -> p.plan()).orElse(published) : published;
            if (previous != null && !previous.trips().isEmpty()) {
                options = options.withPreviousPlan(previous);
            }
            long begin = System.nanoTime();
            long every = Math.max(200, settings.storeEvery().toMillis());
            Runnable persist = () -> persist(jobId, planId, run, replan, begin, origin.timeLimitMs());
            tick = ticker.scheduleWithFixedDelay(persist, every, every, TimeUnit.MILLISECONDS);
            LOG.info("Solve job {} for plan {} ({}) started on {} (attempt {}{}): {} s, weights {}", jobId, planId,
                    info.month(), node.name(), run.attempt, run.bestStored == null ? "" : ", from the stored best " + run.bestStored,
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
                    jobs.fail(jobId, INTERRUPTED + " by a stop of node " + node.name() + "; its best plan (" + score
                            + ") is stored; resume it to go on");
                    jobs.endAttempt(jobId, run.attempt, "interrupted by a stop of the node");
                    LOG.info("Solve job {} interrupted by shutdown; best {} stored", jobId, score);
                } else {
                    jobs.succeed(jobId, score.toString());
                    jobs.endAttempt(jobId, run.attempt, run.stoppedByUser ? "stopped early" : "succeeded");
                    LOG.info("Solve job {} for plan {} done in {} ms: {} (first feasible after {} ms){}", jobId, planId,
                            result.msTotal(), score, result.msToFirstFeasible(), run.stoppedByUser ? ", stopped early" : "");
                }
            }
        } catch (RuntimeException e) {
            if (tick != null) {
                tick.cancel(false);
            }
            LOG.error("Solve job {} for plan {} failed (attempt {})", jobId, planId, run.attempt, e);
            String reason = inWords(e);
            boolean again = !stopping && run.attempt < MAX_ATTEMPTS && reason.startsWith(UNEXPECTED);
            synchronized (run) {
                try {
                    if (again) {
                        // an unexpected error may not happen on the next attempt (another node, after a restart)
                        jobs.requeue(jobId, "failed: " + reason);
                    } else {
                        jobs.fail(jobId, reason);
                        jobs.endAttempt(jobId, run.attempt, "failed");
                        restore(planId);
                    }
                } catch (RuntimeException again2) {
                    LOG.error("Could not record the failure of solve job {}", jobId, again2);
                }
            }
            if (again) {
                throw e; // the engine runs it again (attemptFailed)
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
            // the heartbeat of this attempt; a stop asked on any node is read here
            if (jobs.beat(jobId, run.attempt) && !run.stoppedByUser) {
                LOG.info("Solve job {}: stop asked; finishing with the best plan", jobId);
                run.stoppedByUser = true;
                run.control.stop();
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
        return UNEXPECTED + " (details in the server log); the best plan found so far,"
                + " if any, is kept";
    }

    private static final String UNEXPECTED = "planning stopped because of an unexpected error";


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
        return new Plan(plan.networkName(), plan.month(), score.toString(), plan.trips(), plan.allocations(),
                plan.travelSource());
    }

    static Map<String, Long> weights(PlanInfo info) {
        Map<String, Long> weights = new HashMap<>();
        for (Map.Entry<String, BigDecimal> w : info.constraintWeights().entrySet()) {
            weights.put(w.getKey(), w.getValue().longValue());
        }
        return weights;
    }

    // --- lifecycle: after JobRecovery, before the web server; stopped after the web server -----------------------

    @Override
    public void start() {
        if (ticker.isShutdown()) {
            ticker = newTicker();
        }
        stopping = false;
        if (node.worker()) {
            scheduler = newScheduler();
            scheduler.start();
        }
        LOG.info("Node {}: {}", node, node.worker() ? "claims and solves jobs" : "does not solve jobs (api only)");
        started = true;
    }

    @Override
    public void stop() {
        stopping = true;
        running.values().forEach(r -> r.control.stop());
        Scheduler current = scheduler;
        if (current != null) {
            current.stop(); // waits for the running jobs to store their best plan
            scheduler = null;
        }
        ticker.shutdownNow();
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2000;
    }
}

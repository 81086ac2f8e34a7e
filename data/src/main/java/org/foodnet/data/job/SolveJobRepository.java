package org.foodnet.data.job;

import static org.foodnet.data.jooq.Tables.SOLVE_JOB;
import static org.foodnet.data.jooq.Tables.SOLVE_JOB_ATTEMPT;
import static org.foodnet.data.jooq.Tables.SOLVE_JOB_SCORE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.jooq.tables.records.SolveJobRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Solve jobs live in the database, not in memory: their status, progress and best score over time survive a
 * restart, and a job a restart interrupted is marked failed by {@link #failInterrupted}.
 */
public final class SolveJobRepository {

    private final DSLContext dsl;

    public SolveJobRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Queues a job for a plan; the database allows one queued or running job per plan. */
    public SolveJob queue(long planId) {
        return translated(() -> {
            long id = dsl.insertInto(SOLVE_JOB).set(SOLVE_JOB.PLAN_ID, planId).returning(SOLVE_JOB.ID).fetchSingle().getId();
            return require(id);
        });
    }

    public SolveJob start(long jobId) {
        return update(jobId, SolveJobStatus.RUNNING, null, SOLVE_JOB.STARTED_AT, null);
    }

    /** Records progress (0..1) and, when it changed, the best score so far (appended to the score history). */
    public SolveJob progress(long jobId, double progress, String bestScore) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SolveJobRecord job = tx.selectFrom(SOLVE_JOB).where(SOLVE_JOB.ID.eq(jobId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NoSuchElementException("no solve job " + jobId));
            if (bestScore != null && !bestScore.equals(job.getBestScore())) {
                tx.insertInto(SOLVE_JOB_SCORE).set(SOLVE_JOB_SCORE.JOB_ID, jobId)
                        .set(SOLVE_JOB_SCORE.AT, DSL.currentOffsetDateTime()).set(SOLVE_JOB_SCORE.SCORE, bestScore).execute();
                job.setBestScore(bestScore);
            }
            job.setProgress(progress);
            job.store();
            return read(tx, SOLVE_JOB.ID.eq(jobId)).get(0);
        }));
    }

    public SolveJob succeed(long jobId, String bestScore) {
        Objects.requireNonNull(bestScore, "bestScore");
        return update(jobId, SolveJobStatus.SUCCEEDED, bestScore, SOLVE_JOB.ENDED_AT, null);
    }

    public SolveJob fail(long jobId, String error) {
        return update(jobId, SolveJobStatus.FAILED, null, SOLVE_JOB.ENDED_AT, error);
    }

    public SolveJob cancel(long jobId) {
        return update(jobId, SolveJobStatus.CANCELLED, null, SOLVE_JOB.ENDED_AT, null);
    }

    public Optional<SolveJob> find(long jobId) {
        return read(dsl, SOLVE_JOB.ID.eq(jobId)).stream().findFirst();
    }

    /** The jobs of a plan, newest first. */
    public List<SolveJob> ofPlan(long planId) {
        return read(dsl, SOLVE_JOB.PLAN_ID.eq(planId));
    }

    // --- attempts on nodes -------------------------------------------------------------------------------------

    /**
     * A node starts an attempt of a queued (or, after its node died, still running) job: closes the open attempt
     * of a node that stopped answering, counts the attempt and marks the job RUNNING on {@code node}, in one
     * transaction holding the job's row. Empty when the job is not to run: it has ended (stopped, cancelled) or it
     * used up {@code maxAttempts} (then it fails naming the last attempt's end).
     */
    public Optional<SolveJob> startAttempt(long jobId, String node, int maxAttempts) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SolveJobRecord job = tx.selectFrom(SOLVE_JOB).where(SOLVE_JOB.ID.eq(jobId)).forUpdate().fetchOptional()
                    .orElse(null);
            if (job == null || !SolveJobStatus.valueOf(job.getStatus()).active()) {
                return Optional.<SolveJob>empty();
            }
            closeOpenAttempt(tx, jobId, "its node stopped answering");
            if (job.getAttempts() >= maxAttempts) {
                String last = tx.select(SOLVE_JOB_ATTEMPT.NODE, SOLVE_JOB_ATTEMPT.OUTCOME).from(SOLVE_JOB_ATTEMPT)
                        .where(SOLVE_JOB_ATTEMPT.JOB_ID.eq(jobId)).orderBy(SOLVE_JOB_ATTEMPT.ATTEMPT.desc()).limit(1)
                        .fetchOptional(r -> "on node " + r.value1() + ": " + r.value2()).orElse("");
                tx.update(SOLVE_JOB).set(SOLVE_JOB.STATUS, SolveJobStatus.FAILED.name())
                        .set(SOLVE_JOB.ERROR, "stopped after " + job.getAttempts() + " attempts; the last ended " + last)
                        .set(SOLVE_JOB.ENDED_AT, DSL.currentOffsetDateTime()).where(SOLVE_JOB.ID.eq(jobId)).execute();
                return Optional.<SolveJob>empty();
            }
            int attempt = job.getAttempts() + 1;
            tx.insertInto(SOLVE_JOB_ATTEMPT).set(SOLVE_JOB_ATTEMPT.JOB_ID, jobId).set(SOLVE_JOB_ATTEMPT.ATTEMPT, attempt)
                    .set(SOLVE_JOB_ATTEMPT.NODE, node).set(SOLVE_JOB_ATTEMPT.STARTED_AT, DSL.currentOffsetDateTime())
                    .set(SOLVE_JOB_ATTEMPT.HEARTBEAT_AT, DSL.currentOffsetDateTime()).execute();
            tx.update(SOLVE_JOB).set(SOLVE_JOB.STATUS, SolveJobStatus.RUNNING.name()).set(SOLVE_JOB.NODE, node)
                    .set(SOLVE_JOB.ATTEMPTS, attempt)
                    .set(SOLVE_JOB.STARTED_AT, DSL.coalesce(SOLVE_JOB.STARTED_AT, DSL.currentOffsetDateTime()))
                    .where(SOLVE_JOB.ID.eq(jobId)).execute();
            return Optional.of(read(tx, SOLVE_JOB.ID.eq(jobId)).get(0));
        }));
    }

    /**
     * The running attempt is alive: its heartbeat is now. True when a stop was asked for the job (on any node)
     * and it should end now with its best plan.
     */
    public boolean beat(long jobId, int attempt) {
        return translated(() -> {
            dsl.update(SOLVE_JOB_ATTEMPT).set(SOLVE_JOB_ATTEMPT.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                    .where(SOLVE_JOB_ATTEMPT.JOB_ID.eq(jobId).and(SOLVE_JOB_ATTEMPT.ATTEMPT.eq(attempt))
                            .and(SOLVE_JOB_ATTEMPT.ENDED_AT.isNull())).execute();
            return dsl.select(SOLVE_JOB.STOP_REQUESTED).from(SOLVE_JOB).where(SOLVE_JOB.ID.eq(jobId))
                    .fetchOptional(SOLVE_JOB.STOP_REQUESTED).orElse(false);
        });
    }

    /** Ends a node's attempt (the job's status is written separately: succeed, fail). */
    public void endAttempt(long jobId, int attempt, String outcome) {
        translated(() -> dsl.update(SOLVE_JOB_ATTEMPT).set(SOLVE_JOB_ATTEMPT.ENDED_AT, DSL.currentOffsetDateTime())
                .set(SOLVE_JOB_ATTEMPT.HEARTBEAT_AT, DSL.currentOffsetDateTime())
                .set(SOLVE_JOB_ATTEMPT.OUTCOME, outcome)
                .where(SOLVE_JOB_ATTEMPT.JOB_ID.eq(jobId).and(SOLVE_JOB_ATTEMPT.ATTEMPT.eq(attempt))
                        .and(SOLVE_JOB_ATTEMPT.ENDED_AT.isNull())).execute());
    }

    /**
     * The node running a job died (or its attempt failed and will be tried again): the open attempt ends with
     * {@code outcome} and a RUNNING job goes back to QUEUED. Returns the job.
     */
    public Optional<SolveJob> requeue(long jobId, String outcome) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SolveJobRecord job = tx.selectFrom(SOLVE_JOB).where(SOLVE_JOB.ID.eq(jobId)).forUpdate().fetchOptional()
                    .orElse(null);
            if (job == null) {
                return Optional.<SolveJob>empty();
            }
            closeOpenAttempt(tx, jobId, outcome);
            if (SolveJobStatus.valueOf(job.getStatus()) == SolveJobStatus.RUNNING) {
                job.setStatus(SolveJobStatus.QUEUED.name());
                job.setProgress(0.0);
                job.store();
            }
            return Optional.of(read(tx, SOLVE_JOB.ID.eq(jobId)).get(0));
        }));
    }

    /**
     * A stop asked by a person: a queued job is cancelled at once; a running one gets {@code stop_requested}, which
     * the node running it reads with its next heartbeat ({@link #beat}). Returns the job as it is then.
     */
    public SolveJob requestStop(long jobId) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SolveJobRecord job = tx.selectFrom(SOLVE_JOB).where(SOLVE_JOB.ID.eq(jobId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NoSuchElementException("no solve job " + jobId));
            SolveJobStatus status = SolveJobStatus.valueOf(job.getStatus());
            if (status == SolveJobStatus.QUEUED) {
                closeOpenAttempt(tx, jobId, "cancelled");
                tx.update(SOLVE_JOB).set(SOLVE_JOB.STATUS, SolveJobStatus.CANCELLED.name())
                        .set(SOLVE_JOB.ENDED_AT, DSL.currentOffsetDateTime()).where(SOLVE_JOB.ID.eq(jobId)).execute();
            } else if (status == SolveJobStatus.RUNNING) {
                job.setStopRequested(true);
                job.store();
            }
            return read(tx, SOLVE_JOB.ID.eq(jobId)).get(0);
        }));
    }

    /** A job's attempts, first first. */
    public List<JobAttempt> attempts(long jobId) {
        return dsl.selectFrom(SOLVE_JOB_ATTEMPT).where(SOLVE_JOB_ATTEMPT.JOB_ID.eq(jobId)).orderBy(SOLVE_JOB_ATTEMPT.ATTEMPT)
                .fetch(a -> new JobAttempt(a.getJobId(), a.getAttempt(), a.getNode(), instant(a.getStartedAt()),
                        instant(a.getHeartbeatAt()), instant(a.getEndedAt()), a.getOutcome()));
    }

    /** Jobs waiting for a node (all nodes together). */
    public int countQueued() {
        return dsl.fetchCount(SOLVE_JOB, SOLVE_JOB.STATUS.eq(SolveJobStatus.QUEUED.name()));
    }

    private static void closeOpenAttempt(DSLContext tx, long jobId, String outcome) {
        // a node that died ends at its last heartbeat; otherwise now
        tx.update(SOLVE_JOB_ATTEMPT).set(SOLVE_JOB_ATTEMPT.ENDED_AT, SOLVE_JOB_ATTEMPT.HEARTBEAT_AT)
                .set(SOLVE_JOB_ATTEMPT.OUTCOME, outcome)
                .where(SOLVE_JOB_ATTEMPT.JOB_ID.eq(jobId).and(SOLVE_JOB_ATTEMPT.ENDED_AT.isNull())).execute();
    }

    /** Marks the given jobs, if still queued or running, failed (jobs no node will ever run: see the service). */
    public int failInterrupted(String error, Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            for (long id : jobIds) {
                closeOpenAttempt(tx, id, "interrupted");
            }
            return tx.update(SOLVE_JOB)
                    .set(SOLVE_JOB.STATUS, SolveJobStatus.FAILED.name())
                    .set(SOLVE_JOB.ERROR, error)
                    .set(SOLVE_JOB.ENDED_AT, DSL.currentOffsetDateTime())
                    .where(SOLVE_JOB.STATUS.in(SolveJobStatus.QUEUED.name(), SolveJobStatus.RUNNING.name()))
                    .and(SOLVE_JOB.ID.in(jobIds))
                    .execute();
        }));
    }

    /** On start-up: every job still queued or running was cut off by a stop; mark it failed. */
    public int failInterrupted(String error) {
        return translated(() -> dsl.update(SOLVE_JOB)
                .set(SOLVE_JOB.STATUS, SolveJobStatus.FAILED.name())
                .set(SOLVE_JOB.ERROR, error)
                .set(SOLVE_JOB.ENDED_AT, DSL.currentOffsetDateTime())
                .where(SOLVE_JOB.STATUS.in(SolveJobStatus.QUEUED.name(), SolveJobStatus.RUNNING.name()))
                .execute());
    }

    private SolveJob update(long jobId, SolveJobStatus status, String bestScore,
                            org.jooq.TableField<SolveJobRecord, OffsetDateTime> stamp, String error) {
        return translated(() -> dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var update = tx.update(SOLVE_JOB).set(SOLVE_JOB.STATUS, status.name()).set(stamp, DSL.currentOffsetDateTime());
            if (status == SolveJobStatus.SUCCEEDED) {
                update = update.set(SOLVE_JOB.PROGRESS, 1.0);
            }
            if (bestScore != null) {
                update = update.set(SOLVE_JOB.BEST_SCORE, bestScore);
            }
            if (error != null) {
                update = update.set(SOLVE_JOB.ERROR, error);
            }
            if (update.where(SOLVE_JOB.ID.eq(jobId)).execute() == 0) {
                throw new NoSuchElementException("no solve job " + jobId);
            }
            return read(tx, SOLVE_JOB.ID.eq(jobId)).get(0);
        }));
    }

    private SolveJob require(long id) {
        return find(id).orElseThrow();
    }

    private static List<SolveJob> read(DSLContext dsl, Condition where) {
        List<SolveJobRecord> jobs = dsl.selectFrom(SOLVE_JOB).where(where).orderBy(SOLVE_JOB.ID.desc()).fetch();
        Map<Long, List<ScorePoint>> scores = new HashMap<>();
        dsl.selectFrom(SOLVE_JOB_SCORE).where(SOLVE_JOB_SCORE.JOB_ID.in(jobs.stream().map(SolveJobRecord::getId).toList()))
                .orderBy(SOLVE_JOB_SCORE.ID)
                .forEach(s -> scores.computeIfAbsent(s.getJobId(), k -> new ArrayList<>())
                        .add(new ScorePoint(s.getAt().toInstant(), s.getScore())));
        return jobs.stream().map(j -> new SolveJob(j.getId(), j.getPlanId(), SolveJobStatus.valueOf(j.getStatus()),
                j.getProgress(), j.getBestScore(), scores.getOrDefault(j.getId(), List.of()), instant(j.getCreatedAt()),
                instant(j.getStartedAt()), instant(j.getEndedAt()), j.getError(), j.getNode(), j.getAttempts())).toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw ConstraintViolation.translate(e);
        }
    }
}

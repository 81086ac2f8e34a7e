package org.foodnet.data.job;

import static org.foodnet.data.jooq.Tables.SOLVE_JOB;
import static org.foodnet.data.jooq.Tables.SOLVE_JOB_SCORE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
                instant(j.getStartedAt()), instant(j.getEndedAt()), j.getError())).toList();
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

-- Solver runs: status, progress, best score over time, start/end, error.

CREATE TABLE solve_job (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id    bigint           NOT NULL REFERENCES plan,
    status     text             NOT NULL DEFAULT 'QUEUED'
        CONSTRAINT solve_job_status_known CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    progress   double precision NOT NULL DEFAULT 0
        CONSTRAINT solve_job_progress_range CHECK (progress BETWEEN 0 AND 1),
    best_score text,
    created_at timestamptz      NOT NULL DEFAULT now(),
    started_at timestamptz,
    ended_at   timestamptz,
    error      text,
    CONSTRAINT solve_job_running_has_start CHECK (status NOT IN ('RUNNING', 'SUCCEEDED') OR started_at IS NOT NULL),
    CONSTRAINT solve_job_ended_iff_finished CHECK ((status IN ('QUEUED', 'RUNNING')) = (ended_at IS NULL)),
    CONSTRAINT solve_job_ends_after_start CHECK (ended_at IS NULL OR started_at IS NULL OR started_at <= ended_at),
    CONSTRAINT solve_job_failed_has_error CHECK (status <> 'FAILED' OR btrim(coalesce(error, '')) <> '')
);

-- one queued or running job per plan
CREATE UNIQUE INDEX solve_job_one_active_per_plan ON solve_job (plan_id) WHERE status IN ('QUEUED', 'RUNNING');

CREATE FUNCTION solve_job_status_transition() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.status NOT IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED') THEN
        RETURN NEW; -- solve_job_status_known says so
    END IF;
    IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
            ('QUEUED', 'RUNNING'), ('QUEUED', 'CANCELLED'), ('QUEUED', 'FAILED'),
            ('RUNNING', 'SUCCEEDED'), ('RUNNING', 'FAILED'), ('RUNNING', 'CANCELLED')) THEN
        RAISE EXCEPTION 'solve job %: status cannot change from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'solve_job_status_transition';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER solve_job_status_transition
    BEFORE UPDATE ON solve_job
    FOR EACH ROW EXECUTE FUNCTION solve_job_status_transition();

-- the best score each time it improved
CREATE TABLE solve_job_score (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id bigint      NOT NULL REFERENCES solve_job ON DELETE CASCADE,
    at     timestamptz NOT NULL,
    score  text        NOT NULL
        CONSTRAINT solve_job_score_not_blank CHECK (btrim(score) <> '')
);

CREATE INDEX solve_job_score_job_idx ON solve_job_score (job_id, id);

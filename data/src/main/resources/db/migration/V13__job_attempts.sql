-- Solve jobs on several nodes: each run of a job on a node is an attempt. A job whose node died (no heartbeat)
-- goes back to QUEUED and runs again on another node (at most 3 attempts); a stop asked on one node reaches the
-- node that runs the job through stop_requested.

ALTER TABLE solve_job
    ADD COLUMN node           text,
    ADD COLUMN attempts       integer NOT NULL DEFAULT 0
        CONSTRAINT solve_job_attempts_range CHECK (attempts >= 0),
    ADD COLUMN stop_requested boolean NOT NULL DEFAULT false;

-- a RUNNING job may go back to QUEUED (its node died; another node takes it over)
CREATE OR REPLACE FUNCTION solve_job_status_transition() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.status NOT IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED') THEN
        RETURN NEW; -- solve_job_status_known says so
    END IF;
    IF NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
            ('QUEUED', 'RUNNING'), ('QUEUED', 'CANCELLED'), ('QUEUED', 'FAILED'),
            ('RUNNING', 'SUCCEEDED'), ('RUNNING', 'FAILED'), ('RUNNING', 'CANCELLED'), ('RUNNING', 'QUEUED')) THEN
        RAISE EXCEPTION 'solve job %: status cannot change from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'solve_job_status_transition';
    END IF;
    RETURN NEW;
END
$$;

-- one row per attempt: which node ran the job when; the attempt of a node that died ends at its last heartbeat
CREATE TABLE solve_job_attempt (
    job_id       bigint      NOT NULL REFERENCES solve_job ON DELETE CASCADE,
    attempt      integer     NOT NULL CONSTRAINT solve_job_attempt_positive CHECK (attempt >= 1),
    node         text        NOT NULL CONSTRAINT solve_job_attempt_node_not_blank CHECK (btrim(node) <> ''),
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    ended_at     timestamptz,
    outcome      text,
    PRIMARY KEY (job_id, attempt),
    CONSTRAINT solve_job_attempt_ended_has_outcome CHECK ((ended_at IS NULL) = (outcome IS NULL)),
    CONSTRAINT solve_job_attempt_order CHECK (started_at <= heartbeat_at AND (ended_at IS NULL OR started_at <= ended_at))
);

-- a job runs on one node at a time: at most one open attempt per job
CREATE UNIQUE INDEX solve_job_attempt_one_open ON solve_job_attempt (job_id) WHERE ended_at IS NULL;

-- E-mails to drivers (issue 16): written in the same transaction as the publish of a plan (one row per driver whose
-- trips are in the plan, or, after a re-plan, whose trips changed), sent afterwards by mail.MailOutbox, which takes
-- due rows with FOR UPDATE SKIP LOCKED so that two nodes or two runs never send one row twice.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    network         text        NOT NULL,
    plan_id         bigint      NOT NULL,
    driver_id       text        NOT NULL,
    -- PUBLISHED: the driver's trips of a newly published month; CHANGED: what a re-plan changed of them
    kind            text        NOT NULL CONSTRAINT mail_outbox_kind CHECK (kind IN ('PUBLISHED', 'CHANGED')),
    -- null: the volunteer has no address (status NO_ADDRESS, never sent)
    recipient       text,
    language        text        NOT NULL CONSTRAINT mail_outbox_language CHECK (language IN ('ja', 'en')),
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING'
        CONSTRAINT mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'NO_ADDRESS')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT mail_outbox_one_per_driver_and_plan UNIQUE (plan_id, driver_id),
    CONSTRAINT mail_outbox_address CHECK (status = 'NO_ADDRESS' OR recipient IS NOT NULL)
);

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX mail_outbox_network ON mail_outbox (network, id);

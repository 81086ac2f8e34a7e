-- A fresh plan made after food of its month was moved starts from the stock ledger: the plan remembers the
-- ledger row it started after (ledger_through) and its last day not planned (fixed_through, "today").
ALTER TABLE api_plan_origin
    ADD COLUMN ledger_through bigint,
    DROP CONSTRAINT api_plan_origin_replan_complete,
    ADD CONSTRAINT api_plan_origin_start_complete
        CHECK ((replan_of IS NULL AND ledger_through IS NULL) = (fixed_through IS NULL)),
    ADD CONSTRAINT api_plan_origin_one_start CHECK (replan_of IS NULL OR ledger_through IS NULL);

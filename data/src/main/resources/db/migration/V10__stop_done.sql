-- A driver ticks single stops done: the ledger rows of the food unloaded at that stop are written then.
-- A trip is done when all its stops are (or when it is confirmed done as a whole, which ticks the rest).
ALTER TABLE plan_stop
    ADD COLUMN done_at timestamptz,
    ADD COLUMN done_by text,
    ADD CONSTRAINT plan_stop_done_by CHECK ((done_at IS NULL) = (done_by IS NULL));

-- trips confirmed before stops could be ticked: all their stops are done
UPDATE plan_stop s
SET done_at = t.done_at, done_by = t.done_by
FROM plan_trip t
WHERE t.id = s.trip_id AND t.done_at IS NOT NULL;

-- A stop where food only passes (issue 11): the hub or a depot on a parcel's path, when the trip that brings
-- the food there also carries it on from the same stop. The food stays on board; the stop is on the plan and
-- the route sheet (with its service time) but writes nothing to the stock ledger.
ALTER TABLE stop_load
    DROP CONSTRAINT stop_load_kind_known,
    ADD CONSTRAINT stop_load_kind_known CHECK (kind IN ('LOAD', 'UNLOAD', 'PASS'));

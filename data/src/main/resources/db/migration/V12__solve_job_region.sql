-- Networks side by side: a solve job belongs to the network (region) of its plan, like every other row. The
-- column is filled from the plan on insert (callers name only the plan), and the composite foreign key keeps a job
-- and its plan in one region.
ALTER TABLE solve_job ADD COLUMN region_id bigint;
UPDATE solve_job j SET region_id = p.region_id FROM plan p WHERE p.id = j.plan_id;
ALTER TABLE solve_job
    ALTER COLUMN region_id SET NOT NULL,
    ADD CONSTRAINT solve_job_plan_region_fk FOREIGN KEY (region_id, plan_id) REFERENCES plan (region_id, id);
CREATE INDEX solve_job_region_idx ON solve_job (region_id, id);

CREATE FUNCTION solve_job_region() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.region_id IS NULL THEN
        SELECT p.region_id INTO NEW.region_id FROM plan p WHERE p.id = NEW.plan_id;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER solve_job_region
    BEFORE INSERT ON solve_job
    FOR EACH ROW EXECUTE FUNCTION solve_job_region();

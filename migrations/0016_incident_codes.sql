-- Incident codes without a held lock or a table scan. Codes keep their shape (YP + the China
-- date yyyymmdd + a 6-digit number, unique per day), but the number now comes from one sequence
-- (nextval takes no lock that lasts to commit) minus a per-day base fixed once, at the day's
-- first code. The 0004 counter row was locked from a report's first code to its commit, which
-- put every report of the day in single file, and it looked for the day's highest code with a
-- LIKE the C.UTF-8 collation could not take to the index: a scan of every incident.
--
-- Numbers rise in allocation order with gaps: a report that rolls back, or one refused after its
-- code was drawn, leaves its number unused (README, decisions). Two days drawing at once (around
-- midnight) also skip each other's numbers.

CREATE SEQUENCE incident_code_seq AS bigint;

-- A day's base: the sequence value its numbers count from. Written once per day, by the first
-- report of the day, and emptied with the seeded tables (api/db/seed-state.ts), so a reseed that
-- writes its own codes for today starts the day again from its highest code.
CREATE TABLE incident_code_days (
  day  text PRIMARY KEY CHECK (day ~ '^[0-9]{8}$'),
  base bigint NOT NULL
);

-- The day's highest number already used (0 for none), through the unique index on code: a
-- range on the code is an index range under any collation, where LIKE under C.UTF-8 is not.
CREATE FUNCTION incident_code_day_max(day text) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce((SELECT substr(i.code, 11)::bigint FROM incidents i
                    WHERE i.code > 'YP' || day AND i.code < 'YP' || day || ':'
                    ORDER BY i.code DESC LIMIT 1), 0)
$$;

-- The sequence value is drawn only once the day's base is visible (or by the caller that writes
-- the base, from its own draw), so every later draw lies above the base and above the day's
-- highest existing code. Callers racing to write a day's base wait for the first writer's
-- commit, once a day; everyone else reads the base and draws.
DROP FUNCTION next_incident_code(text);
CREATE FUNCTION next_incident_code(day text) RETURNS text
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  day_base bigint;
  drawn bigint;
BEGIN
  SELECT d.base INTO day_base FROM incident_code_days d WHERE d.day = next_incident_code.day;
  IF day_base IS NULL THEN
    drawn := nextval('incident_code_seq');
    INSERT INTO incident_code_days AS d (day, base)
    VALUES (next_incident_code.day, drawn - 1 - incident_code_day_max(next_incident_code.day))
    ON CONFLICT ON CONSTRAINT incident_code_days_pkey DO NOTHING
    RETURNING d.base INTO day_base;
    IF day_base IS NULL THEN
      SELECT d.base INTO STRICT day_base FROM incident_code_days d
       WHERE d.day = next_incident_code.day;
      drawn := nextval('incident_code_seq');
    END IF;
  ELSE
    drawn := nextval('incident_code_seq');
  END IF;
  IF drawn - day_base > 999999 THEN
    RAISE EXCEPTION 'incident codes of day % are used up (999,999 a day)', day
      USING ERRCODE = 'program_limit_exceeded';
  END IF;
  RETURN 'YP' || day || lpad((drawn - day_base)::text, 6, '0');
END $$;
GRANT EXECUTE ON FUNCTION next_incident_code(text) TO yiping_app;

DROP TABLE incident_code_counters;

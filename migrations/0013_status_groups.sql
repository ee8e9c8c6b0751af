-- Status groups, once (api/contract/statuses.ts): an incident is open until it is closed,
-- rejected or merged. Queries ask incident_is_open(status) instead of restating the list, and the
-- partial index of open incidents uses the same predicate. The function is a single SQL
-- expression, IMMUTABLE and neither STRICT nor SECURITY DEFINER, so the planner inlines it: row-level
-- security and index matching see a plain `status <> ALL (...)` (whose operator is leakproof),
-- not an opaque function call.
CREATE FUNCTION incident_is_open(status text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT $1 NOT IN ('closed', 'rejected', 'merged')
$$;
GRANT EXECUTE ON FUNCTION incident_is_open(text) TO yiping_app;

-- The open-deadline index of 0004, now on the shared predicate.
DROP INDEX incidents_open_deadline_idx;
CREATE INDEX incidents_open_deadline_idx ON incidents (resolve_deadline)
  WHERE incident_is_open(status);

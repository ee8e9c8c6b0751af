-- Area scopes that PostgreSQL can answer with an index, evaluating the caller's scope once.
--
-- Until now every scope policy ran `code LIKE ANY (string_to_array(current_setting(…)))` on every
-- row: the array was rebuilt per row, and the planner could neither use a btree index for it
-- (LIKE under the C.UTF-8 collation) nor estimate it, so a primary-key scan with LIMIT became a
-- scan of every row plus a sort. The scoped transaction (api/db/scoped.ts) now also sets
-- `yiping.scope_lo` and `yiping.scope_hi`, a range of codes holding every code under the caller's
-- prefixes (api/domain/scopes.ts, scopeBounds), and `yiping.scope_exact` = 'on' when that range
-- is exactly the scope (one prefix). The policy tests the range with the plain settings — the
-- planner reads their values when it estimates, so it picks the community index for a small
-- scope and the primary key for a whole district, and an index scan evaluates them once — and
-- rechecks the LIKE patterns only for a scope of several prefixes, through InitPlans `(SELECT …)`
-- evaluated once per query. Unset settings still hide every row (`code >= NULL` is not true).

-- Functions that test one row (member_contact, member_reach) get the same rule, inlined.
CREATE OR REPLACE FUNCTION yiping_in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT code >= current_setting('yiping.scope_lo', true)
     AND code < nullif(current_setting('yiping.scope_hi', true), '')
     AND (current_setting('yiping.scope_exact', true) = 'on' OR code LIKE ANY (yiping_scope_patterns()))
$$;

DO $$
DECLARE
  scoped record;
BEGIN
  FOR scoped IN SELECT * FROM (VALUES
    ('admin_areas', 'code'), ('grids', 'code'), ('grid_members', 'community_code'),
    ('grid_member_grids', 'grid_code'), ('cameras', 'community_code'),
    ('service_points', 'community_code'), ('buildings', 'grid_code'), ('incidents', 'grid_code'),
    ('incident_events', 'scope_code'), ('iot_devices', 'community_code'),
    ('scenarios', 'scope_code')) AS t (tab, col)
  LOOP
    EXECUTE format(
      $f$ALTER POLICY scope ON %1$I USING (
        %2$I >= current_setting('yiping.scope_lo', true)
        AND %2$I < nullif(current_setting('yiping.scope_hi', true), '')
        AND ((SELECT current_setting('yiping.scope_exact', true) = 'on')
             OR %2$I LIKE ANY ((SELECT yiping_scope_patterns())::text[])))$f$,
      scoped.tab, scoped.col);
  END LOOP;
END $$;

-- Grids and admin areas are scoped on their primary key; the other scope columns need an index
-- for the range to use (cameras, incident_events and scenarios have one already).
CREATE INDEX IF NOT EXISTS grid_members_community_idx ON grid_members (community_code);
CREATE INDEX IF NOT EXISTS grid_member_grids_grid_idx ON grid_member_grids (grid_code);
CREATE INDEX IF NOT EXISTS service_points_community_idx ON service_points (community_code);
CREATE INDEX IF NOT EXISTS buildings_grid_idx ON buildings (grid_code);
CREATE INDEX IF NOT EXISTS incidents_grid_idx ON incidents (grid_code);
CREATE INDEX IF NOT EXISTS iot_devices_community_idx ON iot_devices (community_code);

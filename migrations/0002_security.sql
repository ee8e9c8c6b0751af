-- Who may see what: area scopes enforced by row-level security, sessions, audit log, rate limits.
--
-- Every request that reads or writes layer data runs in a transaction that switches to the
-- role yiping_app (SET LOCAL ROLE) and sets yiping.scope_patterns (LIKE patterns of the caller's
-- admin-area codes, e.g. '370871001%' for a street). yiping_app is not the table owner and has
-- no BYPASSRLS, so the policies below apply to every query it runs, whatever the route.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yiping_app') THEN
    CREATE ROLE yiping_app NOLOGIN;
  END IF;
END $$;
-- The connecting user must be able to SET ROLE yiping_app (superusers always can).
DO $$
BEGIN
  EXECUTE format('GRANT yiping_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO yiping_app;

-- The caller's scope as LIKE patterns; empty (nothing visible) when unset.
CREATE FUNCTION yiping_scope_patterns() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('yiping.scope_patterns', true), ''), ','), '{}')
$$;

CREATE FUNCTION yiping_in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT code LIKE ANY (yiping_scope_patterns())
$$;

-- Phone numbers and contacts: shown whole only when the transaction allows it (yiping.contacts = 'full').
CREATE FUNCTION yiping_contact(value text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN value IS NULL THEN NULL
    WHEN current_setting('yiping.contacts', true) = 'full' THEN value
    WHEN value ~ '^1[0-9]{10}$' THEN left(value, 3) || '****' || right(value, 4)
    ELSE left(value, 1) || '***'
  END
$$;

-- Cameras carry their community (filled from their position) so a community scope can see them.
ALTER TABLE cameras ADD COLUMN community_code text REFERENCES admin_areas (code);
CREATE FUNCTION cameras_fill_community() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.community_code IS NULL THEN
    SELECT code INTO NEW.community_code FROM admin_areas
     WHERE level = 'community' AND geom && NEW.geom AND ST_Intersects(geom, NEW.geom)
     ORDER BY code LIMIT 1;
  END IF;
  IF NEW.community_code IS NULL THEN
    NEW.community_code := (SELECT code FROM admin_areas WHERE level = 'community'
                           ORDER BY geom <-> NEW.geom LIMIT 1);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cameras_fill_community BEFORE INSERT OR UPDATE OF geom ON cameras
  FOR EACH ROW EXECUTE FUNCTION cameras_fill_community();
UPDATE cameras SET community_code = NULL, geom = geom;
CREATE INDEX cameras_community_idx ON cameras (community_code);

-- Row-level security on every layer table.
ALTER TABLE admin_areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON admin_areas USING (yiping_in_scope(code));
ALTER TABLE grids ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON grids USING (yiping_in_scope(code));
ALTER TABLE grid_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON grid_members USING (yiping_in_scope(community_code));
ALTER TABLE grid_member_grids ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON grid_member_grids USING (yiping_in_scope(grid_code));
ALTER TABLE cameras ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON cameras USING (yiping_in_scope(community_code));
ALTER TABLE service_points ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON service_points USING (yiping_in_scope(community_code));
ALTER TABLE buildings ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON buildings USING (yiping_in_scope(grid_code));
ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON incidents USING (yiping_in_scope(grid_code));
ALTER TABLE incident_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON incident_events
  USING (EXISTS (SELECT 1 FROM incidents i WHERE i.id = incident_id));
-- Roads and water are the base map: public infrastructure, visible to every signed-in caller.
ALTER TABLE roads ENABLE ROW LEVEL SECURITY;
CREATE POLICY basemap ON roads USING (true);
ALTER TABLE water_areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY basemap ON water_areas USING (true);

-- What the scoped role may touch. Contacts (grid_members.phone) are readable only through
-- yiping_contact(), which masks them unless the caller's role needs them.
GRANT SELECT ON admin_areas, grids, grid_member_grids, cameras, service_points, buildings,
  roads, water_areas, incidents, incident_events TO yiping_app;
GRANT SELECT (id, name, role, street_code, community_code, on_duty, geom, position_at)
  ON grid_members TO yiping_app;
GRANT UPDATE (on_duty, geom, position_at) ON grid_members TO yiping_app;
GRANT INSERT, UPDATE ON incidents TO yiping_app;
GRANT INSERT ON incident_events TO yiping_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO yiping_app;

CREATE FUNCTION member_contact(member_id text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public AS $$
  SELECT yiping_contact(phone) FROM grid_members WHERE id = member_id AND yiping_in_scope(community_code)
$$;
GRANT EXECUTE ON FUNCTION member_contact(text) TO yiping_app;

-- Identities. API keys are looked up by the SHA-256 digest of the whole key.
ALTER TABLE api_keys ADD COLUMN created_by text NOT NULL DEFAULT 'system';
CREATE UNIQUE INDEX api_keys_secret_hash_idx ON api_keys (secret_hash);
ALTER TABLE users ADD COLUMN created_by text NOT NULL DEFAULT 'system';
ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Browser sessions: the cookie holds a random token; only its digest is stored.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      bigint REFERENCES users (id),
  api_key_id   bigint REFERENCES api_keys (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  CHECK ((user_id IS NULL) <> (api_key_id IS NULL))
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_key_idx ON sessions (api_key_id);

-- Audit of changes to users, keys and sessions (incident changes go to incident_events).
CREATE TABLE audit_log (
  seq    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at     timestamptz NOT NULL,
  actor  text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  ip     text
);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Fixed-window counters shared by all API instances (rate limits, log-in failures).
CREATE TABLE rate_limits (
  bucket       text NOT NULL,
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);

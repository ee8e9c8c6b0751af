-- The 15-minute life circle: versions of the analysis inputs, saved scenarios and their adoption.
--
-- Every API instance keeps the walking network and the attached buildings and facilities in
-- memory. A statement trigger bumps a layer's version whenever its table changes, whoever
-- changes it (the API, an import, a GIS user editing in QGIS), so every instance notices and
-- rebuilds what depends on it.

CREATE TABLE analysis_versions (
  layer      text PRIMARY KEY CHECK (layer IN ('roads', 'buildings', 'service_points')),
  version    bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO analysis_versions (layer) VALUES ('roads'), ('buildings'), ('service_points');

CREATE FUNCTION analysis_version_bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public AS $$
BEGIN
  UPDATE analysis_versions SET version = version + 1, changed_at = now() WHERE layer = TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER roads_analysis_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roads
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump('roads');
CREATE TRIGGER buildings_analysis_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON buildings
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump('buildings');
CREATE TRIGGER service_points_analysis_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_points
  FOR EACH STATEMENT EXECUTE FUNCTION analysis_version_bump('service_points');
GRANT SELECT ON analysis_versions TO yiping_app;

-- Scenarios (设计): facilities added, moved or removed, evaluated but never applied until a
-- commander or admin adopts one (实施), which stores the coverage before and after (评估).
-- scope_code is the area the scenario was made for; a caller sees scenarios inside their scope.
CREATE TABLE scenarios (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  author      text NOT NULL,
  scope_code  text NOT NULL REFERENCES admin_areas (code),
  area_code   text REFERENCES admin_areas (code),
  changes     jsonb NOT NULL,
  evaluation  jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  adopted_at  timestamptz,
  adopted_by  text,
  adoption    jsonb,
  CHECK ((adopted_at IS NULL) = (adopted_by IS NULL) AND (adopted_at IS NULL) = (adoption IS NULL))
);
CREATE INDEX scenarios_scope_idx ON scenarios (scope_code);
ALTER TABLE scenarios ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON scenarios USING (yiping_in_scope(scope_code));
GRANT SELECT, INSERT, DELETE ON scenarios TO yiping_app;
GRANT UPDATE (adopted_at, adopted_by, adoption) ON scenarios TO yiping_app;

-- Adoption writes service points as the caller (row-level security keeps it inside their
-- scope) and records itself in the audit log in the same transaction.
GRANT INSERT, UPDATE (name, geom, community_code, street_code), DELETE ON service_points TO yiping_app;
GRANT INSERT ON audit_log TO yiping_app;

-- The next free service point code (SP000001 …), over every row whatever the caller's scope;
-- adoption holds an advisory lock while it numbers its facilities.
CREATE FUNCTION next_service_point_code() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public AS $$
  SELECT 'SP' || lpad((coalesce(max(substr(code, 3)::int), 0) + 1)::text, 6, '0')
    FROM service_points WHERE code ~ '^SP[0-9]{6}$'
$$;
GRANT EXECUTE ON FUNCTION next_service_point_code() TO yiping_app;

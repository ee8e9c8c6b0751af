-- The incident closed loop: workflow columns, the event log as the outbox of the live stream,
-- idempotent creation, IoT devices, and accounts that act as grid members.

-- Columns the workflow state machine reads and writes (api/domain/incidents/state.ts).
ALTER TABLE incidents
  ADD COLUMN on_site_deadline timestamptz,
  ADD COLUMN started_at       timestamptz,
  ADD COLUMN overdue_clocks   text[] NOT NULL DEFAULT '{}'
    CHECK (overdue_clocks <@ ARRAY['accept', 'on_site', 'resolve']::text[]),
  ADD COLUMN photo_urls       text[] NOT NULL DEFAULT '{}' CHECK (cardinality(photo_urls) <= 9),
  ADD COLUMN reporter_name    text,
  ADD COLUMN reporter_contact text,
  ADD COLUMN device_id        text,
  ADD COLUMN alarm_type       text,
  ADD COLUMN updated_at       timestamptz;
-- Rows seeded before this migration: the start time and the missed deadlines from the event log.
UPDATE incidents i SET started_at = e.at
  FROM (SELECT incident_id, min(at) AS at FROM incident_events WHERE type = 'start' GROUP BY incident_id) e
 WHERE e.incident_id = i.id;
UPDATE incidents i SET overdue_clocks = array_remove(ARRAY[
    CASE WHEN coalesce((SELECT min(at) FROM incident_events e WHERE e.incident_id = i.id AND e.type = 'accept'),
                       now()) > i.accept_deadline THEN 'accept' END,
    CASE WHEN coalesce((SELECT min(at) FROM incident_events e WHERE e.incident_id = i.id AND e.type = 'resolve'),
                       now()) > i.resolve_deadline THEN 'resolve' END
  ], NULL)
 WHERE overdue;
CREATE INDEX incidents_open_deadline_idx ON incidents (resolve_deadline)
  WHERE status NOT IN ('closed', 'rejected', 'merged');
CREATE INDEX incidents_device_idx ON incidents (device_id, alarm_type, reported_at)
  WHERE device_id IS NOT NULL;
CREATE INDEX incidents_category_idx ON incidents (category, reported_at);

-- Incident codes: YP + local date + a per-day counter, allocated whatever the caller's scope.
CREATE TABLE incident_code_counters (
  day  text PRIMARY KEY CHECK (day ~ '^[0-9]{8}$'),
  last integer NOT NULL CHECK (last BETWEEN 1 AND 999999)
);
CREATE FUNCTION next_incident_code(day text) RETURNS text LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = public AS $$
  INSERT INTO incident_code_counters AS c (day, last)
  VALUES (day, 1 + coalesce(
    (SELECT max(substr(code, 11)::integer) FROM incidents WHERE code LIKE 'YP' || day || '%'), 0))
  ON CONFLICT (day) DO UPDATE SET last = c.last + 1
  RETURNING 'YP' || c.day || lpad(c.last::text, 6, '0')
$$;
GRANT EXECUTE ON FUNCTION next_incident_code(text) TO yiping_app;

-- Idempotent creation: one incident per caller and Idempotency-Key.
CREATE TABLE idempotency_keys (
  owner        text NOT NULL,
  key          text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  request_hash text NOT NULL,
  incident_id  bigint NOT NULL REFERENCES incidents (id),
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (owner, key)
);
GRANT SELECT, INSERT ON idempotency_keys TO yiping_app;

-- The event log carries every topic of the live stream: incidents (the audit trail of the
-- workflow), members (positions, duty), cameras (status) — one sequence, so a stream id means
-- the same thing on every topic. `scope_code` (a grid or community code) is what area scopes
-- see; `alert` marks what the operator must look at now (the `alerts` topic).
ALTER TABLE incident_events DISABLE TRIGGER incident_events_append_only;
ALTER TABLE incident_events
  ADD COLUMN topic      text NOT NULL DEFAULT 'incidents' CHECK (topic IN ('incidents', 'members', 'cameras')),
  ADD COLUMN subject    text,
  ADD COLUMN scope_code text,
  ADD COLUMN alert      boolean NOT NULL DEFAULT false,
  ADD COLUMN payload    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object');
ALTER TABLE incident_events ALTER COLUMN incident_id DROP NOT NULL;
UPDATE incident_events e SET subject = i.code, scope_code = i.grid_code,
       alert = e.type IN ('accept_overdue', 'on_site_overdue', 'resolve_overdue')
  FROM incidents i WHERE i.id = e.incident_id;
ALTER TABLE incident_events ENABLE TRIGGER incident_events_append_only;
-- Rows written without subject or scope (bulk seeding) take them from their incident.
CREATE FUNCTION incident_events_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.incident_id IS NOT NULL AND (NEW.subject IS NULL OR NEW.scope_code IS NULL) THEN
    SELECT coalesce(NEW.subject, code), coalesce(NEW.scope_code, grid_code)
      INTO NEW.subject, NEW.scope_code FROM incidents WHERE id = NEW.incident_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER incident_events_fill BEFORE INSERT ON incident_events
  FOR EACH ROW EXECUTE FUNCTION incident_events_fill();
ALTER TABLE incident_events
  ALTER COLUMN subject SET NOT NULL,
  ALTER COLUMN scope_code SET NOT NULL,
  ADD CHECK ((topic = 'incidents') = (incident_id IS NOT NULL));

-- Sequence order is commit order: a transaction that writes events takes this lock before its
-- first row gets a number and keeps it until it ends, so a reader that has seen event n never
-- later finds a committed event below n. Every commit that wrote events wakes the listeners of
-- other connections and instances.
CREATE FUNCTION incident_events_serialize() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7405921);
  RETURN NULL;
END $$;
CREATE TRIGGER incident_events_serialize BEFORE INSERT ON incident_events
  FOR EACH STATEMENT EXECUTE FUNCTION incident_events_serialize();
CREATE FUNCTION incident_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('yiping_events', '');
  RETURN NULL;
END $$;
CREATE TRIGGER incident_events_notify AFTER INSERT ON incident_events
  FOR EACH STATEMENT EXECUTE FUNCTION incident_events_notify();

DROP POLICY scope ON incident_events;
CREATE POLICY scope ON incident_events USING (yiping_in_scope(scope_code));
CREATE INDEX incident_events_scope_idx ON incident_events (scope_code, seq);

-- Accounts that act as a grid member (for `incidents:act-assigned` and position reports). No
-- foreign key: reseeding the demo truncates grid_members, and that must never cascade into
-- accounts; the generator gives members the same ids again.
ALTER TABLE users ADD COLUMN member_id text CHECK (member_id IS NULL OR length(member_id) > 0);
ALTER TABLE api_keys ADD COLUMN member_id text CHECK (member_id IS NULL OR length(member_id) > 0);

-- IoT devices with their registered location; alarms without a point use it.
CREATE TABLE iot_devices (
  id             text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  kind           text NOT NULL CHECK (kind IN ('manhole_cover', 'falling_object', 'water_meter',
    'one_key_call', 'health_bracelet', 'smoke_detector', 'ebike_charging')),
  name           text NOT NULL DEFAULT '',
  community_code text NOT NULL REFERENCES admin_areas (code),
  geom           geometry(Point, 4326) NOT NULL CHECK (ST_X(geom) BETWEEN -180 AND 180 AND ST_Y(geom) BETWEEN -90 AND 90)
);
CREATE INDEX iot_devices_geom_idx ON iot_devices USING gist (geom);
ALTER TABLE iot_devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope ON iot_devices USING (yiping_in_scope(community_code));
GRANT SELECT ON iot_devices TO yiping_app;

-- Where a reported point belongs, whatever the caller's scope (the route then checks the scope):
-- the grid containing it, or for a point on a boundary road (on or just beside a grid's or the
-- district's edge, within 50 m: GPS error and road width) the nearest grid; no row when the
-- point lies farther outside the district.
CREATE FUNCTION locate_grid(lng double precision, lat double precision)
  RETURNS TABLE (grid_code text, community_code text, street_code text, distance_m double precision)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  -- Nearest by degrees through the index, then by metres among a few candidates (a degree of
  -- longitude is shorter than one of latitude here).
  WITH pt AS (SELECT ST_SetSRID(ST_MakePoint(lng, lat), 4326) AS geom),
  candidates AS (
    SELECT g.code, g.community_code, g.street_code,
           ST_Distance(g.geom::geography, pt.geom::geography) AS distance_m
      FROM pt, grids g
     WHERE EXISTS (SELECT 1 FROM admin_areas d
                    WHERE d.level = 'district'
                      AND ST_DWithin(d.geom::geography, pt.geom::geography, 50))
     ORDER BY g.geom <-> pt.geom
     LIMIT 8)
  SELECT code, community_code, street_code, distance_m FROM candidates
   ORDER BY distance_m, code
   LIMIT 1
$$;
GRANT EXECUTE ON FUNCTION locate_grid(double precision, double precision) TO yiping_app;

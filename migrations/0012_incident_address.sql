-- Every incident has an address an operator reads at once. A report without one (a point from a
-- phone, an IoT device, a patrol, the simulator) gets "<community> <nearest road>附近", e.g.
-- "丽泉社区 杏林路附近", in the database, so every path that writes incidents is covered.

-- The nearest named road within 200 m of the point (farther, "near" would mislead: the community
-- alone is written then). Nearest by degrees through the GiST index, then by metres among a few
-- candidates (a degree of longitude is shorter than one of latitude here); ties by name.
CREATE FUNCTION incident_address(point geometry, community text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH candidates AS (
    SELECT r.name, ST_Distance(r.geom::geography, point::geography) AS distance_m
      FROM roads r
     WHERE r.name <> ''
     ORDER BY r.geom <-> point
     LIMIT 16),
  place AS (
    SELECT (SELECT a.name FROM admin_areas a WHERE a.code = community) AS community_name,
           (SELECT c.name FROM candidates c WHERE c.distance_m <= 200
             ORDER BY c.distance_m, c.name LIMIT 1) AS road_name)
  -- A road named after its community ("丽泉社区第17网格小区路") already says where it is.
  SELECT CASE
           WHEN road_name IS NULL THEN coalesce(community_name, '')
           WHEN community_name IS NULL OR starts_with(road_name, community_name)
             THEN road_name || '附近'
           ELSE community_name || ' ' || road_name || '附近'
         END
    FROM place
$$;
GRANT EXECUTE ON FUNCTION incident_address(geometry, text) TO yiping_app;

CREATE FUNCTION incidents_fill_address() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF btrim(NEW.address) = '' THEN
    NEW.address := incident_address(NEW.geom, NEW.community_code);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER incidents_fill_address BEFORE INSERT ON incidents
  FOR EACH ROW EXECUTE FUNCTION incidents_fill_address();

-- Incidents reported before this migration without an address get one the same way.
UPDATE incidents SET address = incident_address(geom, community_code) WHERE btrim(address) = '';

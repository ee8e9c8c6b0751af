-- Versions of the layers whose tiles the API caches in memory (issue 15).
--
-- Grids, admin areas, cameras, service points, buildings, roads and water change rarely, so
-- each API instance keeps their rendered tiles, keyed by these versions. A statement trigger
-- bumps a table's version whenever it changes, whoever changes it (the API, an import, the
-- seed, a GIS user editing in QGIS), so the next request misses the cache and renders the new
-- data on every instance. Live layers (incidents, members) are never cached.

CREATE TABLE tile_layer_versions (
  layer   text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1
);
INSERT INTO tile_layer_versions (layer) VALUES
  ('admin_areas'), ('grids'), ('cameras'), ('service_points'), ('buildings'), ('roads'),
  ('water_areas');

CREATE FUNCTION tile_layer_version_bump() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public AS $$
BEGIN
  UPDATE tile_layer_versions SET version = version + 1 WHERE layer = TG_TABLE_NAME;
  RETURN NULL;
END $$;

CREATE TRIGGER admin_areas_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_areas
  FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_version_bump();
CREATE TRIGGER grids_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grids
  FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_version_bump();
CREATE TRIGGER cameras_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cameras
  FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_version_bump();
CREATE TRIGGER service_points_tile_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_points
  FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_version_bump();
CREATE TRIGGER buildings_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON buildings
  FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_version_bump();
CREATE TRIGGER roads_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roads
  FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_version_bump();
CREATE TRIGGER water_areas_tile_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON water_areas
  FOR EACH STATEMENT EXECUTE FUNCTION tile_layer_version_bump();

GRANT SELECT ON tile_layer_versions TO yiping_app;

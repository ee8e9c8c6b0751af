-- Imports upsert by code (issue 16): buildings, roads and water areas get a nullable, unique code
-- so a re-imported file updates its rows instead of adding them again. A row imported without a
-- code gets one derived from its geometry; generated and hand-drawn rows may keep none.
ALTER TABLE buildings ADD COLUMN code text UNIQUE CHECK (code IS NULL OR length(code) > 0);
ALTER TABLE roads ADD COLUMN code text UNIQUE CHECK (code IS NULL OR length(code) > 0);
ALTER TABLE water_areas ADD COLUMN code text UNIQUE CHECK (code IS NULL OR length(code) > 0);

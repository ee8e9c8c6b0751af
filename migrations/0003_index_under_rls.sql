-- Row-level security evaluates a caller's conditions after the policy unless their functions are
-- LEAKPROOF, and an index condition counts as evaluated first: so under the scope policies a bbox
-- filter (`geom && box`, also inside ST_Intersects and ST_DWithin) could not use the GiST index
-- and every scoped spatial read scanned the whole table. geometry_overlaps compares bounding
-- boxes and raises no error that depends on a row's content (every `geom` column has SRID 4326),
-- so it leaks nothing. Marking it needs a superuser: without one, warn and carry on (reads stay
-- correct, only slower).
DO $$
BEGIN
  ALTER FUNCTION geometry_overlaps(geometry, geometry) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'geometry_overlaps could not be marked LEAKPROOF (needs a superuser): '
    'spatial filters under area scopes will not use the GiST index';
END $$;

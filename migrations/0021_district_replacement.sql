-- Replacing a whole district by import (issue 16). The replacement deletes every static layer
-- (admin areas, grids, members, buildings, roads, water, service points, cameras) and loads the
-- district's files in one transaction. Operational records (incidents, IoT devices, scenarios)
-- refer to admin areas, grids and members; a re-imported district usually keeps most of its
-- codes, so those records must survive when what they name comes back. Their foreign keys
-- become DEFERRABLE (still checked at once unless a transaction says otherwise): the
-- replacement defers them, finds the records whose area or member did not come back, and
-- refuses or discards them before the commit checks the keys.
DO $$
DECLARE
  fk record;
BEGIN
  FOR fk IN
    SELECT c.conname, c.conrelid::regclass AS tbl
      FROM pg_constraint c
     WHERE c.contype = 'f'
       AND c.confrelid IN ('admin_areas'::regclass, 'grids'::regclass, 'grid_members'::regclass)
       AND c.conrelid NOT IN ('admin_areas'::regclass, 'grids'::regclass,
                              'grid_members'::regclass, 'grid_member_grids'::regclass,
                              'buildings'::regclass, 'roads'::regclass, 'cameras'::regclass,
                              'service_points'::regclass, 'water_areas'::regclass)
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE',
                   fk.tbl, fk.conname);
  END LOOP;
END $$;

import { writeSeedState } from './seed-state';
import type { Queryable } from './queryable';

/** Who replaced the district by import, and when. */
export interface DistrictImportMark {
  name: string | null;
  at: Date;
  actor: string;
}

/**
 * Records that the database holds an imported district: `yiping_meta.district` says whose and
 * when, and the seed marker is set to a finished seed of scale `import`, so a server start never
 * takes the imported district for a missing or interrupted demo seed and clears it.
 */
export async function markDistrictImported(db: Queryable, mark: DistrictImportMark): Promise<void> {
  const value = {
    source: 'import',
    name: mark.name,
    replacedAt: mark.at.toISOString(),
    actor: mark.actor,
  };
  await db.query(
    `INSERT INTO yiping_meta (key, value) VALUES ('district', $1)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [JSON.stringify(value)],
  );
  await writeSeedState(db, {
    state: 'done',
    scale: 'import',
    seed: 0,
    finishedAt: mark.at.toISOString(),
  });
}

import { openDatabase } from '../../../api/db/database';

/**
 * Plants grid faults in a stopped test server's database (run as its own process, as `npm run
 * seed` is, with YIPING_DATA_DIR or DATABASE_URL): one grid shrunk so a gap opens around it,
 * another slid 15 m east so it overlaps its neighbour. Prints how many grids it changed.
 */
const PLANT = [
  `UPDATE grids SET geom = ST_Buffer(geom, -0.0002, 'join=mitre')
    WHERE code = (SELECT min(code) FROM grids)`,
  `UPDATE grids SET geom = ST_Translate(geom, 0.00017, 0)
    WHERE code = (SELECT max(code) FROM grids)`,
];

async function main(): Promise<void> {
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.YIPING_DATA_DIR ?? '',
    poolSize: 1,
  });
  try {
    let changed = 0;
    for (const statement of PLANT) changed += (await db.pool.query(statement)).rowCount ?? 0;
    process.stdout.write(`changed ${changed}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

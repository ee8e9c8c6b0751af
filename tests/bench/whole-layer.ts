/**
 * Benchmark: whole-layer GeoJSON of the district's grids and cameras, as the wall screen loads
 * them at start (`/ogc/collections/{id}/items?limit=10000`), through the real app over HTTP.
 *
 * Baseline, measured in the same run on the same data: the obvious alternative of reading the
 * rows (geometry as GeoJSON text per row) and building the document with JSON.stringify in
 * Node. The figure that matters is the ratio; absolute times vary with the machine's load.
 *
 * Uses DATABASE_URL when set, else a temporary embedded database seeded at district scale.
 */
import type { Database } from '../../api/db/database';
import { seedDemo } from '../../data/seed';
import { bootstrapKey, openBenchDatabase, startBenchServer, type BenchServer } from './support';

const ROUNDS = 7;

/** The median of `ROUNDS` timed runs of `work`, in milliseconds, after one warm-up. */
async function median(work: () => Promise<number>): Promise<{ ms: number; bytes: number }> {
  let bytes = await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const start = performance.now();
    bytes = await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(ROUNDS / 2)]!, bytes };
}

/** The baseline: rows to Node, document built with JSON.stringify. */
async function naiveLayer(db: Database, table: string, id: string): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT ${id} AS id, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6) AS g, * FROM ${table}`,
  );
  const features = rows.map(({ id: fid, g, geom: _geom, ...properties }) => ({
    type: 'Feature',
    id: fid,
    geometry: JSON.parse(g),
    properties,
  }));
  return JSON.stringify({ type: 'FeatureCollection', features }).length;
}

async function main() {
  const { db, label, stop } = await openBenchDatabase();
  let server: BenchServer | undefined;
  try {
    console.log('Seeding the district (kept if already there)…');
    await seedDemo(db, { scale: 'district', seed: 1, now: new Date('2026-06-01T08:00:00Z') });
    const key = await bootstrapKey(db);
    server = await startBenchServer(db);
    const { origin } = server;
    console.log(`Database: ${label}. Median of ${ROUNDS} runs.\n`);
    for (const [collection, table, id] of [
      ['grids', 'grids', 'code'],
      ['cameras', 'cameras', 'code'],
    ] as const) {
      const fetchLayer = (encoding: string) => async () => {
        const response = await fetch(`${origin}/ogc/collections/${collection}/items?limit=10000`, {
          headers: { Authorization: `Bearer ${key}`, 'Accept-Encoding': encoding },
        });
        const bytes = Number(response.headers.get('content-length') ?? 0);
        const text = await response.text();
        return encoding === 'gzip' && bytes ? bytes : text.length;
      };
      const plain = await median(fetchLayer('identity'));
      const gzip = await median(fetchLayer('gzip'));
      const baseline = await median(() => naiveLayer(db, table, id));
      console.log(
        `${collection}: OGC items over HTTP ${plain.ms.toFixed(0)} ms (${(plain.bytes / 1e6).toFixed(1)} MB), ` +
          `with gzip ${gzip.ms.toFixed(0)} ms; baseline rows→JSON.stringify in process ` +
          `${baseline.ms.toFixed(0)} ms; ratio ours/baseline ${(plain.ms / baseline.ms).toFixed(2)} ` +
          `(gzip ${(gzip.ms / baseline.ms).toFixed(2)})`,
      );
    }
  } finally {
    await server?.close();
    await stop();
  }
}

await main();

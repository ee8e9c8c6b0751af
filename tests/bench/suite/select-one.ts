/**
 * The ceiling of a query through node-postgres: a pg.Pool of `CONNECTIONS` connections kept
 * busy with `SELECT 1` by as many concurrent loops for `SECONDS`; prints queries per second.
 * Run as its own process (`node --import tsx select-one.ts`) with DATABASE_URL set.
 */
import pg from 'pg';

const connections = Number(process.env.CONNECTIONS ?? 8);
const seconds = Number(process.env.SECONDS ?? 3);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: connections });

async function loop(until: number): Promise<number> {
  let count = 0;
  while (performance.now() < until) {
    await pool.query('SELECT 1');
    count += 1;
  }
  return count;
}

// Open every connection before the clock starts, as wrk and pgbench do.
await Promise.all(Array.from({ length: connections }, () => pool.query('SELECT 1')));
const start = performance.now();
const counts = await Promise.all(
  Array.from({ length: connections }, () => loop(start + seconds * 1000)),
);
const elapsed = (performance.now() - start) / 1000;
await pool.end();
process.stdout.write(`${counts.reduce((a, b) => a + b, 0) / elapsed}\n`);

import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchRun } from './bench-incidents';

/**
 * The ingest workload's reference: what PostgreSQL itself takes to store a report, measured by
 * pgbench with the same number of clients — one transaction per report inserting the incident
 * (a grid picked at random), its `report` event and its idempotency key, through the same
 * triggers and constraints the API's inserts meet (the event log's serialising lock included),
 * but with none of the API's other reads (placement, duplicates, timeline). Rows carry the
 * run's tag, so the bench's cleanup removes them with its own; codes start with `ZB`, outside
 * the API's `YP` series.
 */
function script(run: BenchRun): string {
  const tag = run.tag.replaceAll("'", "''");
  return `\\set g random(0, :grids - 1)
\\set i :i + 1
BEGIN;
INSERT INTO incidents (code, category, source, severity, description, status, grid_code,
    community_code, street_code, reported_at, accept_deadline, resolve_deadline, updated_at, geom)
  SELECT 'ZB' || lpad(:tagdigits::text, 4, '0') || lpad(:client_id::text, 2, '0')
           || lpad(:i::text, 8, '0'),
         'street_order', 'patrol', 'medium', 'pgbench ${tag}', 'reported', code,
         community_code, street_code, now(), now() + interval '1 hour', now() + interval '3 days',
         now(), ST_PointOnSurface(geom)
    FROM grids ORDER BY code OFFSET :g LIMIT 1
  RETURNING id AS incident \\gset
INSERT INTO incident_events (topic, incident_id, street_code, type, to_status, actor, at)
  SELECT 'incidents', id, street_code, 'report', 'reported', 'pgbench', now()
    FROM incidents WHERE id = :incident;
INSERT INTO idempotency_keys (owner, key, request_hash, incident_id, created_at)
  VALUES ('pgbench', :client_id || '-' || :i || '-' || :tagdigits, 'ref', :incident, now());
COMMIT;
`;
}

/** One pgbench run: transactions (stored reports) per second over `seconds`. */
export async function pgbenchReports(
  databaseUrl: string,
  run: BenchRun,
  options: { clients: number; seconds: number; grids: number; round: number },
): Promise<number> {
  const file = path.join(tmpdir(), `yiping-bench-ingest-${process.pid}.sql`);
  await writeFile(file, script(run));
  const url = new URL(databaseUrl);
  const tagDigits =
    (parseInt(run.tag.replace(/\D/g, '').slice(-3) || '0', 10) * 10 + options.round) % 10_000;
  const args = [
    ...['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username)],
    ...['-n', '-f', file, '-c', String(options.clients), '-j', '2', '-T', String(options.seconds)],
    ...['-D', `grids=${options.grids}`, '-D', 'i=0', '-D', `tagdigits=${tagDigits}`],
    url.pathname.slice(1),
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}: ${text.slice(-500)}`)),
    );
  });
  const tps = /tps = ([\d.]+)/.exec(output)?.[1];
  if (!tps) throw new Error(`pgbench printed no rate: ${output.slice(-500)}`);
  return Number(tps);
}

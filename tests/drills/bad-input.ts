import { writeFile } from 'node:fs/promises';
import { retries, sendAll, type Answer } from './bad-input/answers';
import type { Document } from './bad-input/bodies';
import { operationProbes, operationsOf } from './bad-input/openapi-corpus';
import { OTHER_ROUTES, otherSurfaceProbes } from './bad-input/other-surfaces';
import type { DrillContext, Probe } from './bad-input/probe';
import {
  changedCounts,
  drillDatabase,
  readDrillOptions,
  reportDrill,
  startDrillServer,
  type DrillDatabase,
} from './support';
import type { TestServer } from '../e2e/support/server';

/**
 * The bad-input drill: a corpus of malformed requests generated from both OpenAPI documents
 * (`/api/openapi.json`, `/ogc/api`) plus the Open311, tiles and styles surfaces, sent to the
 * real server with the admin key (and forged, revoked and expired keys). Every answer must be
 * a 4xx in the surface's error shape, the process must still be up, and no table may gain or
 * lose a row. `--out <file>` writes every failure and the server's output there.
 *
 *   node --import tsx tests/drills/bad-input.ts [--short] [--db embedded|server] [--out file]
 */

/**
 * Tables that change with requests by design: the per-minute request counters, and the failed
 * log-ins the throttle records (a wrong password is not malformed input).
 */
const VOLATILE_TABLES = ['rate_limits', 'login_failures'];
/** The short form keeps every route and this share of each route's probes. */
const SHORT_SHARE = 2;

async function getJson(
  server: TestServer,
  path: string,
  init: RequestInit = {},
): Promise<Document> {
  const response = await fetch(new URL(path, server.url), {
    ...init,
    headers: {
      Authorization: `Bearer ${server.adminKey}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Document;
}

/** Real ids and keys from the server, so well-formed parts of a probe are really well-formed. */
async function gatherContext(server: TestServer): Promise<DrillContext> {
  const me = await getJson(server, '/api/v1/auth/me');
  const district = (me.scopes as string[])[0]!;
  const { collections } = (await getJson(server, '/ogc/collections')) as {
    collections: { id: string }[];
  };
  const featureIds: Record<string, string> = {};
  let point: [number, number] = [0, 0];
  for (const { id } of collections) {
    const items = await getJson(server, `/ogc/collections/${id}/items?limit=1`);
    const [feature] = items.features as {
      id: string | number;
      geometry: { coordinates: unknown };
    }[];
    if (!feature) continue;
    featureIds[id] = String(feature.id);
    if (id === 'incidents') point = feature.geometry.coordinates as [number, number];
  }
  const newKey = (name: string, expiresAt?: string) =>
    getJson(server, '/api/v1/api-keys', {
      method: 'POST',
      body: JSON.stringify({ name, role: 'admin', scopes: [district], expiresAt }),
    });
  const revoked = await newKey('drill-revoked');
  await getJson(server, `/api/v1/api-keys/${revoked.id}`, { method: 'DELETE' });
  const expiry = new Date(Date.now() + 2_000);
  const expired = await newKey('drill-expired', expiry.toISOString());
  await new Promise((resolve) => setTimeout(resolve, expiry.getTime() - Date.now() + 500));
  return {
    district,
    incidentCode: featureIds.incidents!,
    point,
    featureIds,
    revokedKey: revoked.key as string,
    expiredKey: expired.key as string,
  };
}

async function buildCorpus(server: TestServer, ctx: DrillContext, short: boolean) {
  const docs = [await getJson(server, '/api/openapi.json'), await getJson(server, '/ogc/api')];
  const operations = docs.flatMap((doc) => operationsOf(doc).map((op) => ({ doc, op })));
  const routes = [...operations.map(({ op }) => op.route), ...OTHER_ROUTES];
  let probes: Probe[] = [
    ...operations.flatMap(({ doc, op }) => operationProbes(doc, op, ctx)),
    ...otherSurfaceProbes(ctx),
  ];
  if (short) {
    const seen = new Map<string, number>();
    probes = probes.filter((probe) => {
      const n = seen.get(probe.route) ?? 0;
      seen.set(probe.route, n + 1);
      return probe.status !== undefined || n % SHORT_SHARE === 0;
    });
  }
  return { routes, probes };
}

/** Row counts: embedded ones only while the server is stopped (`halt` first). */
async function rowCounts(db: DrillDatabase, server: TestServer) {
  return db.kind === 'embedded' ? db.rowCounts(server.dataDir) : db.rowCounts();
}

async function isUp(server: TestServer): Promise<boolean> {
  try {
    const response = await fetch(new URL('healthz', server.url));
    return response.status === 200;
  } catch {
    return false;
  }
}

function describeAnswer({ probe, fault }: Answer): string {
  return `${probe.method} ${probe.target.slice(0, 100)} [${probe.label}]: ${fault}`;
}

async function main() {
  const options = readDrillOptions();
  const argv = process.argv.slice(2);
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined;
  const db = await drillDatabase(options.db);
  const server = await startDrillServer(db, {
    YIPING_RATE_LIMIT: '100000000',
    YIPING_IP_RATE_LIMIT: '100000000',
  });
  try {
    const ctx = await gatherContext(server);
    const { routes, probes } = await buildCorpus(server, ctx, options.short);
    let before: Record<string, number> = {};
    if (db.kind === 'embedded')
      await server.restart(async () => void (before = await rowCounts(db, server)));
    else before = await rowCounts(db, server);
    const answers = await sendAll(server.url, server.adminKey, ctx, probes);
    const up = await isUp(server);
    if (db.kind === 'embedded') await server.halt();
    const changed = changedCounts(before, await rowCounts(db, server), VOLATILE_TABLES);
    const failures = answers.filter((a) => a.fault).map(describeAnswer);
    if (!up) failures.unshift('the server is no longer up');
    failures.unshift(...changed.map((table) => `row count changed: ${table}`));
    const byClass = (c: number) => answers.filter((a) => Math.floor(a.status / 100) === c).length;
    const covered = new Set(answers.map((a) => a.probe.route));
    if (out) await writeFile(out, `${failures.join('\n')}\n\n${server.output()}`);
    reportDrill(
      'bad-input',
      options,
      {
        requests: answers.length,
        '2xx': byClass(2),
        '3xx': byClass(3),
        '4xx': byClass(4),
        '5xx': byClass(5),
        'no answer': byClass(0),
        resent: retries,
        routes: `${routes.filter((r) => covered.has(r)).length}/${routes.length}`,
        'tables changed': changed.length,
        ignored: VOLATILE_TABLES.join(' '),
        process: up ? 'up' : 'DOWN',
      },
      failures,
    );
  } finally {
    await server.stop();
    await db.drop();
  }
}

await main();

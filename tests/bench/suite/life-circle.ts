/**
 * The `life-circle` workload: the 15-minute life-circle analysis (issue 11) through the API
 * process over HTTP, interleaved round by round with the same computation in SQL on the server
 * (pgRouting, installed from Debian's packages where possible, and a plain-SQL Bellman–Ford) and
 * with the engine's own parts in this process: one category's coverage, all circles in one
 * request, and a scenario against a full cold computation. Issue 15 sets no target here, so it
 * reports figures; issue 11's aims are in the notes.
 *
 * It changes no data, but its no-op updates of roads and service points bump their analysis
 * versions (that is how an edit is simulated) and it builds temporary tables on one connection.
 */
import type { ServiceCategory } from '../../../api/contract/codes';
import { openDatabase } from '../../../api/db/database';
import { createAnalysisEngine } from '../../../api/use-cases/analysis/engine';
import { analysisClient, scenarioSite } from '../life-circle/app-client';
import { openSqlBaselines, type SqlBaselines } from '../life-circle/baseline';
import { coldComputation } from '../life-circle/cold-computation';
import {
  type BenchContext,
  measureCompleteness,
  measureCoverage,
  measureScenario,
} from '../life-circle/measure';
import type { BenchEnv } from './env';
import { coverageFigures, lifeCircleFigure as figure } from './life-circle-figures';
import { openRunKey, type RunKey } from './run-key';
import { ratios } from './stats';
import type { BenchOptions, Figure, WorkloadResult } from './types';

const CATEGORIES: readonly ServiceCategory[] = [
  'health_station',
  'primary_school',
  'convenience_store',
];
const DISTANCE_M = 1000;

/** Installs pgRouting into the bench database when Debian's package can be installed. */
async function preparePgRouting(env: BenchEnv, url: string, log: (l: string) => void) {
  const reason = env.ensurePackages(['postgresql-15-pgrouting']);
  if (reason) return `pgRouting left out: ${reason}`;
  const db = await openDatabase({ databaseUrl: url, dataDir: '' });
  try {
    await db.pool.query('CREATE EXTENSION IF NOT EXISTS pgrouting');
    return null;
  } catch (error) {
    log(`  pgRouting could not be created: ${(error as Error).message}`);
    return `pgRouting left out: ${(error as Error).message}`;
  } finally {
    await db.close();
  }
}

async function measureAll(ctx: BenchContext, categories: readonly ServiceCategory[], log: Log) {
  const figures: Figure[] = [];
  for (const category of categories) {
    log(`  coverage of ${category} within ${DISTANCE_M} m (${ctx.rounds} rounds)…`);
    const times = await measureCoverage(ctx, category, DISTANCE_M);
    figures.push(...coverageFigures(category, DISTANCE_M, times, ctx.sql));
  }
  const focus = categories[0]!;
  log(`  a scenario adding one ${focus}, against cold computations…`);
  const { scenario, cold } = await measureScenario(ctx, focus, await scenarioSite(ctx.pool));
  figures.push(
    figure(`scenario: one ${focus} added — Yiping`, 'ms', scenario.times, 'warm engine, HTTP'),
    figure(
      'full cold computation through the app',
      'ms',
      cold.times,
      'roads edited, all categories',
    ),
    figure(
      'scenario ÷ cold computation',
      'share',
      ratios(scenario.times, cold.times),
      'issue 11 aim < 0.2',
    ),
  );
  log('  completeness of all circles against one category, each after an edit…');
  const { all, one } = await measureCompleteness(ctx, focus, DISTANCE_M);
  figures.push(
    figure(
      'all circles (completeness) after an edit',
      'ms',
      all.times,
      `${all.result.basicCategories.length} basic categories, HTTP`,
    ),
    figure(`one category (${focus}) after an edit`, 'ms', one.times, 'HTTP'),
    figure('all circles ÷ one category', '×', ratios(all.times, one.times)),
  );
  figures.push(...(await coldPhases(ctx)));
  return figures;
}

type Log = (line: string) => void;

/** The engine's cold computation in this process, split into its phases, for context. */
async function coldPhases(ctx: BenchContext): Promise<Figure[]> {
  const runs = [];
  for (let i = 0; i < ctx.rounds; i += 1) runs.push(await coldComputation(ctx.pool));
  const { network, buildings } = runs[0]!.model;
  const size = `${network.nodeCount} nodes, ${network.edgeCount} edges, ${buildings.length} buildings`;
  return [
    figure(
      'cold, in process: read inputs',
      'ms',
      runs.map((r) => r.readMs),
      size,
    ),
    figure(
      'cold, in process: build model',
      'ms',
      runs.map((r) => r.buildMs),
    ),
    figure(
      'cold, in process: 20 Dijkstras',
      'ms',
      runs.map((r) => r.dijkstraMs),
    ),
  ];
}

async function run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult> {
  const missing = await preparePgRouting(env, env.databaseUrl, options.log);
  const api = await env.startApi();
  const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: '' });
  let sql: SqlBaselines | undefined;
  let runKey: RunKey | undefined;
  try {
    runKey = await openRunKey(api, env.adminKey, 'life-circle');
    options.log('  building the SQL walking network (once, not timed)…');
    sql = await openSqlBaselines(db.pool);
    options.log(
      `  baselines: ${sql.baselines.map((b) => b.name).join(', ')} (${Math.round(sql.setupMs)} ms to build)`,
    );
    const ctx: BenchContext = {
      pool: db.pool,
      api: analysisClient(api.origin, runKey.key),
      engine: createAnalysisEngine(db.pool),
      sql,
      rounds: options.rounds,
    };
    const figures = await measureAll(
      ctx,
      options.quick ? CATEGORIES.slice(0, 1) : CATEGORIES,
      options.log,
    );
    if (missing) figures[0] = { ...figures[0]!, note: `${figures[0]!.note ?? ''}; ${missing}` };
    return { figures, targets: [] };
  } finally {
    await runKey?.revoke();
    await sql?.close();
    await db.close();
    await api.stop();
  }
}

/** The workload as the suite registers it. */
export const lifeCircleWorkload = { name: 'life-circle', run };

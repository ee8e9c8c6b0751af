/**
 * Benchmark: the 15-minute life-circle analysis (issue 11, "Speed"), through the real app over
 * HTTP, against the same computation in SQL on the database server, in the same run:
 *
 * 1. one category's coverage for the whole district, against pgRouting (when installed) and a
 *    plain-SQL Bellman–Ford, with the covered population from both;
 * 2. a scenario adding one facility, as a share of a full cold computation of all categories;
 * 3. completeness of all circles in one request after an edit, against one category's coverage;
 * 4. the model's size and build time, for context.
 *
 * Verdicts are ratios of interleaved timings; absolute times are printed beside them and vary
 * with the machine's load. Uses DATABASE_URL when set (seeding the district if the database is
 * empty), else a temporary embedded database seeded at district scale. It changes no data, but
 * its no-op updates of roads and service points bump their analysis versions, and it adds an
 * API key (as the whole-layer benchmark does).
 */
import { createAnalysisEngine } from '../../api/use-cases/analysis/engine';
import type { ServiceCategory } from '../../api/contract/codes';
import { seedDemo } from '../../data/seed';
import { analysisClient, scenarioSite } from './life-circle/app-client';
import { openSqlBaselines } from './life-circle/baseline';
import { printEnvironment } from './life-circle/environment';
import {
  type BenchContext,
  measureColdPhases,
  measureCompleteness,
  measureCoverage,
  measureScenario,
} from './life-circle/measure';
import {
  type CoverageRow,
  printCompleteness,
  printCoverage,
  printModel,
  printScenario,
  printSummary,
} from './life-circle/report';
import { bootstrapKey, openBenchDatabase, startBenchServer } from './support';

const SEED = { scale: 'district', seed: 20240601, now: new Date('2026-06-01T08:00:00Z') } as const;
const CATEGORIES: readonly ServiceCategory[] = [
  'health_station',
  'primary_school',
  'convenience_store',
];
const DISTANCE_M = 1000;

async function run(ctx: BenchContext): Promise<void> {
  const rows: CoverageRow[] = [];
  for (const category of CATEGORIES) {
    rows.push({
      category,
      distance: DISTANCE_M,
      times: await measureCoverage(ctx, category, DISTANCE_M),
    });
  }
  printCoverage(rows, ctx.sql);
  const focus = CATEGORIES[0]!;
  const { scenario, cold } = await measureScenario(ctx, focus, await scenarioSite(ctx.pool));
  printScenario(scenario, cold, focus);
  const completeness = await measureCompleteness(ctx, focus, DISTANCE_M);
  printCompleteness(completeness, focus);
  printModel(await measureColdPhases(ctx), ctx.sql, scenario);
  printSummary({ rows, sql: ctx.sql, scenario, cold, completeness });
}

async function main(): Promise<void> {
  const { db, label, stop } = await openBenchDatabase();
  const cleanup = [stop];
  try {
    console.log('Seeding the district (kept if already there)…');
    await seedDemo(db, SEED);
    const engine = createAnalysisEngine(db.pool);
    const server = await startBenchServer(db, engine);
    cleanup.unshift(server.close);
    const sql = await openSqlBaselines(db.pool);
    cleanup.unshift(sql.close);
    await printEnvironment(db, label, sql);
    const api = analysisClient(server.origin, await bootstrapKey(db));
    await run({ pool: db.pool, api, engine, sql });
  } finally {
    for (const step of cleanup) await step();
  }
}

await main();

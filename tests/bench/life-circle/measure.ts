import type pg from 'pg';
import { type AnalysisEngine, supplyOf } from '../../../api/use-cases/analysis/engine';
import { coverageOf } from '../../../api/use-cases/analysis/coverage';
import type { AnalysisModel } from '../../../api/use-cases/analysis/model';
import type { Coverage } from '../../../api/contract/analysis';
import type { ServiceCategory } from '../../../api/contract/codes';
import { categoryDistanceM } from '../../../api/contract/life-circle';
import { walkingDistances } from '../../../api/domain/walking/shortest-paths';
import { straightLineDistances } from '../../../api/domain/walking/straight-line';
import { type AnalysisClient, touchRoads, touchServicePoints } from './app-client';
import type { SqlBaselines } from './baseline';
import type { SqlCoverage } from './sql-network';
import { type Task, type Timed, timeInterleaved } from './timing';

/** What every measurement needs: the app over HTTP, its engine, and the SQL baselines. */
export interface BenchContext {
  pool: pg.Pool;
  api: AnalysisClient;
  /** The app's own engine (shared with the app, so in-process timings see its model). */
  engine: AnalysisEngine;
  sql: SqlBaselines;
  /** Interleaved rounds of each measurement (at least three; odd keeps the median one round). */
  rounds: number;
}

/**
 * The two in-process parts of a coverage answer on the engine's current model: the
 * multi-source Dijkstra and the straight-line distances the answer also carries.
 */
function inProcessTasks(ctx: BenchContext, category: ServiceCategory, distance: number) {
  let model: AnalysisModel | undefined;
  const dijkstra: Task<number> = {
    prepare: async () => (model = await ctx.engine.model()),
    work: () => {
      const { attach } = supplyOf(model!, category);
      return walkingDistances(model!.network, attach, model!.buildingAttach).length;
    },
  };
  const straight: Task<number> = {
    work: () => {
      const { x, y } = supplyOf(model!, category);
      return straightLineDistances(model!.buildingX, model!.buildingY, x, y).length;
    },
  };
  // The answer itself from distances already computed (the warm case without HTTP).
  const answer: Task<number> = {
    work: () => {
      const everyone = {
        area: null,
        include: new Uint8Array(model!.buildings.length).fill(1),
        contains: () => true,
      };
      return coverageOf(model!, category, distance, everyone).population.covered;
    },
  };
  return [dijkstra, straight, answer] as const;
}

/**
 * Section 1, for one category: the engine over HTTP after an edit of service points
 * (facilities re-read, Dijkstra run again, network kept) and repeated (distances cached); the
 * in-process parts; the app's per-request floor; and each SQL baseline.
 */
export async function measureCoverage(
  ctx: BenchContext,
  category: ServiceCategory,
  distance: number,
): Promise<CoverageTimes> {
  const request = () => ctx.api.coverage(category, distance);
  const sql = ctx.sql.baselines.map((baseline): Task<SqlCoverage> => ({
    work: () => baseline.coverage(category, distance),
  }));
  const [recomputed, cached, dijkstra, straight, answer, floor, ...sqlTimes] =
    await timeInterleaved(
      [
        { work: request, prepare: () => touchServicePoints(ctx.pool) },
        { work: request },
        ...inProcessTasks(ctx, category, distance),
        { work: () => ctx.api.floor() },
        ...sql,
      ],
      ctx.rounds,
    );
  return { recomputed, cached, dijkstra, straight, answer, floor, sql: sqlTimes };
}

/** Section 1's timings of one category; `sql` in the order of the baselines. */
export interface CoverageTimes {
  recomputed: Timed<Coverage>;
  cached: Timed<Coverage>;
  dijkstra: Timed<number>;
  straight: Timed<number>;
  answer: Timed<number>;
  floor: Timed<number>;
  sql: Timed<SqlCoverage>[];
}

/**
 * Section 2: a scenario adding one facility on a warm engine — every category computed and the
 * category's coverage on screen, as in the planner view — interleaved with full cold
 * computations through the app (an edit of roads, then every category asked for).
 */
export async function measureScenario(
  ctx: BenchContext,
  category: ServiceCategory,
  site: { lng: number; lat: number },
) {
  const [cold, scenario] = await timeInterleaved(
    [
      { work: () => ctx.api.everyCategory(), prepare: () => touchRoads(ctx.pool) },
      {
        work: () => ctx.api.addFacility(category, site),
        prepare: () => ctx.api.coverage(category, categoryDistanceM(category)),
      },
    ],
    ctx.rounds,
  );
  return { cold, scenario };
}

/** Section 3: completeness of all circles and one category's coverage, each after an edit. */
export async function measureCompleteness(
  ctx: BenchContext,
  category: ServiceCategory,
  distance: number,
) {
  const prepare = () => touchServicePoints(ctx.pool);
  const [all, one] = await timeInterleaved(
    [
      { work: () => ctx.api.completenessAll(), prepare },
      { work: () => ctx.api.coverage(category, distance), prepare },
    ],
    ctx.rounds,
  );
  return { all, one };
}

export type CompletenessTimes = Awaited<ReturnType<typeof measureCompleteness>>;

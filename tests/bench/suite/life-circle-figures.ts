/**
 * The life-circle workload's figures: each timing's rounds as measured, and ratios per round of
 * timings taken in the same round (so a change in the machine's load falls on both sides).
 */
import type { SqlBaselines } from '../life-circle/baseline';
import type { CoverageTimes } from '../life-circle/measure';
import { ratios } from './stats';
import type { Figure } from './types';

/** The group these figures have in the report. */
const WORKLOAD = 'life circle';

/** One figure of the life-circle group. */
export function lifeCircleFigure(name: string, unit: string, rounds: number[], note?: string) {
  return { workload: WORKLOAD, name, unit, rounds, ...(note ? { note } : {}) } satisfies Figure;
}

const figure = lifeCircleFigure;

/** The faster SQL baseline in each round. */
function fastestSql(times: CoverageTimes): number[] {
  return times.sql[0]!.times.map((_, round) =>
    Math.min(...times.sql.map((timed) => timed.times[round]!)),
  );
}

/** One category from scratch in this process: Dijkstra, straight lines and the answer. */
function inProcess(times: CoverageTimes): number[] {
  return times.dijkstra.times.map(
    (ms, round) => ms + times.straight.times[round]! + times.answer.times[round]!,
  );
}

/**
 * Coverage of one category: the app over HTTP after an edit and cached, in process, the route's
 * floor, each SQL baseline; SQL ÷ app per round; covered residents against each baseline.
 */
export function coverageFigures(
  category: string,
  distance: number,
  times: CoverageTimes,
  sql: SqlBaselines,
): Figure[] {
  const label = `${category} ${distance} m`;
  const best = fastestSql(times);
  const aim = 'issue 11 aim ≥ 20×';
  const figures: Figure[] = [
    figure(`${label} after an edit — Yiping`, 'ms', times.recomputed.times, 'HTTP'),
    figure(`${label} cached — Yiping`, 'ms', times.cached.times, 'HTTP'),
    figure(
      `${label} from scratch, in process`,
      'ms',
      inProcess(times),
      'Dijkstra + straight lines + answer',
    ),
    figure(`${label} warm, in process`, 'ms', times.answer.times, 'answer from cached distances'),
    figure(
      `${label}: route floor (400, no analysis)`,
      'ms',
      times.floor.times,
      'auth, rate limit, validation',
    ),
    ...sql.baselines.map((baseline, i) =>
      figure(
        `${label} — ${baseline.name}`,
        'ms',
        times.sql[i]!.times,
        'query alone, network built once',
      ),
    ),
    figure(`${label}: SQL ÷ Yiping cached`, '×', ratios(best, times.cached.times), aim),
    figure(`${label}: SQL ÷ Yiping after an edit`, '×', ratios(best, times.recomputed.times), aim),
    figure(`${label}: SQL ÷ in process from scratch`, '×', ratios(best, inProcess(times)), aim),
  ];
  const engine = times.recomputed.result.population.covered;
  for (const [i, baseline] of sql.baselines.entries()) {
    const other = times.sql[i]!.result.covered;
    const diff = Math.abs(engine / other - 1) * 100;
    figures.push(
      figure(
        `${label}: covered residents vs ${baseline.name}`,
        '% diff',
        [diff],
        `${engine} vs ${other}; issue 11 aim ≤ 1 %`,
      ),
    );
  }
  return figures;
}

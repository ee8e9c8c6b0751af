import type { ServiceCategory } from '../../../api/contract/codes';
import type { SqlBaselines } from './baseline';
import type { ColdComputation } from './cold-computation';
import { count, formatTable, ms, percent, share, times, verdict } from './format';
import type { CompletenessTimes, CoverageTimes } from './measure';
import type { Timed } from './timing';

/**
 * The life-circle benchmark's report: every verdict is a ratio of two timings taken in this run,
 * interleaved (absolute milliseconds alongside, for context only).
 */

/** The aims of issue 11 ("Speed"). */
export const AIMS = { sqlOverEngine: 20, scenarioShare: 1 / 5, populationPercent: 1 } as const;

/** Section 1's measurements for one category. */
export interface CoverageRow {
  category: ServiceCategory;
  distance: number;
  times: CoverageTimes;
}

/** The faster SQL baseline's median for a category. */
const bestSql = (row: CoverageRow) => Math.min(...row.times.sql.map((t) => t.ms));
/** One category computed in process from scratch: Dijkstra, straight lines and the answer. */
const inProcess = (row: CoverageRow) =>
  row.times.dijkstra.ms + row.times.straight.ms + row.times.answer.ms;
const label = (row: CoverageRow) => `${row.category} ${row.distance} m`;

function coverageTable(rows: readonly CoverageRow[], sql: SqlBaselines): string {
  const head = [
    'category',
    'after edit',
    'cached',
    'Dijkstra',
    'straight',
    'answer',
    'floor',
    ...sql.baselines.map((b) => b.name),
    'SQL÷after edit',
    'SQL÷cached',
    'SQL÷in process',
    'SQL÷warm in process',
  ];
  const body = rows.map((row) => [
    label(row),
    ms(row.times.recomputed.ms),
    ms(row.times.cached.ms),
    ms(row.times.dijkstra.ms),
    ms(row.times.straight.ms),
    ms(row.times.answer.ms),
    ms(row.times.floor.ms),
    ...row.times.sql.map((t) => ms(t.ms)),
    times(bestSql(row), row.times.recomputed.ms),
    times(bestSql(row), row.times.cached.ms),
    times(bestSql(row), inProcess(row)),
    times(bestSql(row), row.times.answer.ms),
  ]);
  return formatTable([head, ...body]);
}

/** Covered residents by the engine and by each SQL baseline, and their difference in %. */
function populationDiffs(rows: readonly CoverageRow[], sql: SqlBaselines) {
  return rows.flatMap((row) =>
    row.times.sql.map((t, i) => {
      const engine = row.times.recomputed.result.population.covered;
      const other = t.result.covered;
      return { row, name: sql.baselines[i]!.name, engine, other, diff: (engine / other - 1) * 100 };
    }),
  );
}

const worstDiff = (rows: readonly CoverageRow[], sql: SqlBaselines) =>
  Math.max(...populationDiffs(rows, sql).map((d) => Math.abs(d.diff)));

const populationLine = (worst: number) =>
  `covered population, engine vs SQL: largest difference ${worst.toFixed(2)} % ` +
  `(aim ≤ ${AIMS.populationPercent} %: ${verdict(worst <= AIMS.populationPercent)})`;

/** Section 1's population table and its one prominent line. */
function printPopulations(rows: readonly CoverageRow[], sql: SqlBaselines): void {
  const body = populationDiffs(rows, sql).map((d) => [
    label(d.row),
    count(d.engine),
    d.name,
    count(d.other),
    percent(d.diff),
  ]);
  console.log(formatTable([['category', 'engine', 'baseline', 'SQL', 'difference'], ...body]));
  console.log(`\n>>> ${populationLine(worstDiff(rows, sql))} <<<\n`);
}

/** Section 1. */
export function printCoverage(rows: readonly CoverageRow[], sql: SqlBaselines): void {
  console.log('1. Coverage of one category, whole district: GET /api/v1/analysis/coverage');
  console.log(
    [
      'engine over HTTP: "after edit" is the first request after an edit of service points',
      '  (facilities re-read and attached, Dijkstra and straight lines computed, network kept);',
      '  "cached" is the same request repeated. In process: "Dijkstra" is the multi-source run,',
      '  "straight" the straight-line distances the answer also carries, "answer" the figures',
      '  from distances already computed. "floor": the same route answering 400 (auth, rate',
      '  limit, validation, no analysis). "in process": Dijkstra + straight + answer (one',
      '  category from scratch, no HTTP); "warm in process": the answer alone.',
      `SQL: the query alone, bounded at the distance, on a network built once (${ms(sql.setupMs)},`,
      `  not timed). Ratios use the faster SQL baseline.${sql.missing ? ` ${sql.missing}.` : ''}`,
    ]
      .map((line) => `   ${line}`)
      .join('\n') + '\n',
  );
  console.log(coverageTable(rows, sql));
  console.log('\nResidents covered (difference in % of the SQL figure):');
  printPopulations(rows, sql);
}

/** Section 2. */
export function printScenario(scenario: Timed<unknown>, cold: Timed<number>, category: string) {
  console.log('2. A scenario change as a share of a full computation');
  console.log(
    `   POST /api/v1/analysis/scenarios, one ${category} added, warm engine: ${ms(scenario.ms)}\n` +
      `   full cold computation through the app (an edit of roads, so the model is rebuilt; then\n` +
      `   all ${cold.result} categories asked for): ${ms(cold.ms)}\n` +
      `   share: ${share(scenario.ms, cold.ms)} — aim < 1/5: ` +
      `${verdict(scenario.ms < AIMS.scenarioShare * cold.ms)}\n`,
  );
}

/** Section 3. */
export function printCompleteness(timed: CompletenessTimes, category: string): void {
  const { all, one } = timed;
  console.log('3. All circles in one request: GET /api/v1/analysis/completeness?circle=all');
  console.log(
    `   right after an edit of service points, ${all.result.basicCategories.length} basic ` +
      `categories computed: ${ms(all.ms)} = ${times(all.ms, one.ms)} one category's coverage ` +
      `after an edit (${category}, ${ms(one.ms)})\n`,
  );
}

/** Section 4: the model, its cold computation in process, and the SQL network, for context. */
export function printModel(cold: ColdComputation, sql: SqlBaselines, scenario: Timed<unknown>) {
  const { network, buildings, facilities } = cold.model;
  const inMemory = cold.buildMs + cold.dijkstraMs;
  console.log('4. Model (context)');
  console.log(
    `   engine: ${count(network.nodeCount)} nodes, ${count(network.edgeCount)} edges, ` +
      `${count(buildings.length)} buildings, ${count(facilities.length)} service points\n` +
      `   cold, in process: read inputs ${ms(cold.readMs)}, build model ${ms(cold.buildMs)}, ` +
      `20 Dijkstras ${ms(cold.dijkstraMs)}; the scenario is ${share(scenario.ms, inMemory)} ` +
      `of build + Dijkstras\n` +
      `   SQL:    ${count(sql.network.vertices)} vertices, ${count(sql.network.edges)} edges, ` +
      `${count(sql.network.buildings)} buildings, ${count(sql.network.facilities)} service points ` +
      `attached; built in ${ms(sql.setupMs)}\n`,
  );
}

/** Everything a summary needs. */
export interface Measured {
  rows: readonly CoverageRow[];
  sql: SqlBaselines;
  scenario: Timed<unknown>;
  cold: Timed<number>;
  completeness: CompletenessTimes;
}

/** The verdicts, each a ratio from this run. */
export function printSummary(m: Measured): void {
  const worst = (pick: (row: CoverageRow) => number) =>
    Math.min(...m.rows.map((row) => bestSql(row) / pick(row)));
  const cached = worst((row) => row.times.cached.ms);
  const edited = worst((row) => row.times.recomputed.ms);
  const fresh = worst(inProcess);
  const warm = worst((row) => row.times.answer.ms);
  const aim = AIMS.sqlOverEngine;
  const { all, one } = m.completeness;
  console.log(
    [
      'Summary (ratios measured in this run)',
      `coverage of one category, faster SQL baseline ÷ engine over HTTP, worst category: ` +
        `cached ${cached.toFixed(1)}×, after an edit ${edited.toFixed(1)}× ` +
        `(aim ≥ ${aim}×: ${verdict(cached >= aim)} / ${verdict(edited >= aim)})`,
      `the same in process, without HTTP: warm ${warm.toFixed(1)}×, one category from scratch ` +
        `${fresh.toFixed(1)}× (aim ≥ ${aim}×: ${verdict(warm >= aim)} / ${verdict(fresh >= aim)})`,
      populationLine(worstDiff(m.rows, m.sql)),
      `scenario with one added facility ÷ full cold computation: ` +
        `${share(m.scenario.ms, m.cold.ms)} (aim < 1/5: ` +
        `${verdict(m.scenario.ms < AIMS.scenarioShare * m.cold.ms)})`,
      `completeness of all circles ÷ one category's coverage, each after an edit: ` +
        `${times(all.ms, one.ms)}`,
    ].join('\n  '),
  );
}

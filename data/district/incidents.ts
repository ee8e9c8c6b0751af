import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentSource,
  type Severity,
} from '../../api/contract/codes';
import { reportIncident } from '../../api/domain/incidents';
import {
  HOURLY_WEIGHTS,
  describeReport,
  INCIDENT_CATALOG,
  WEEKDAY_WEIGHTS,
} from './incident-catalog';
import { crewOf, driveLifecycle, type Lifecycle } from './incident-lifecycle';
import { planActions, type PlannedAction } from './incident-plan';
import {
  absorbRows,
  incidentTableRow,
  lastWrite,
  lifecycleEventRows,
  type IncidentFacts,
} from './incident-rows';
import type { GridPlan } from './layout';
import {
  communityOf,
  gridAt,
  samplePointInGrid,
  streetOf,
  toPoint,
  type DistrictModel,
} from './model';
import { Random } from './random';
import type { IncidentEventRow, IncidentRow } from './rows';
import { WeightedSampler } from './sampler';
import { memberId } from './staffing';
import { DAY, HOUR, localDateKey, localDayStart, localWeekday, SECOND } from './time';

/**
 * Incident history: `historyDays` days before `now`, day by day with weekly and daily rhythms,
 * clustered in hotspot grids, each with its lifecycle cut at `now`. Streamed: only one day's
 * incidents are in memory at a time; ids run 1…N in report order.
 */

/** An incident row together with its events. */
export interface IncidentDraft {
  readonly row: IncidentRow;
  readonly events: IncidentEventRow[];
}

const CATEGORY_WEIGHTS = INCIDENT_CATEGORIES.map((c) => INCIDENT_CATALOG[c].weight);
/** Window in which a new report may duplicate an earlier one in the same community. */
const DUPLICATE_WINDOW_MS = 72 * HOUR;

interface Samplers {
  residential: WeightedSampler;
  commercial: WeightedSampler;
}

/** Where incidents happen: people and shops, times a per-grid hotspot factor. */
function gridSamplers(model: DistrictModel): Samplers {
  const rng = new Random(model.seed, 'incident-hotspots');
  const hot = model.layout.grids.map(() => Math.exp(rng.normal(0, 0.5)));
  const grids = model.layout.grids;
  return {
    residential: new WeightedSampler(grids.map((g, k) => (g.population + 20) * (hot[k] as number))),
    commercial: new WeightedSampler(
      grids.map((g, k) => (g.population * 0.3 + g.shops * 8 + 20) * (hot[k] as number)),
    ),
  };
}

/** Number of reports on the local day starting at `dayStart` (its own stream, so countable). */
function dayCount(model: DistrictModel, days: Random, dayStart: number): number {
  const weekday = WEEKDAY_WEIGHTS[localWeekday(dayStart)] as number;
  return Math.max(0, Math.round(model.config.incidentsPerDay * weekday * days.normal(1, 0.08)));
}

function reportTimes(rng: Random, dayStart: number, count: number): number[] {
  const times: number[] = [];
  for (let k = 0; k < count; k++) {
    const hour = rng.weightedIndex(HOURLY_WEIGHTS);
    times.push(dayStart + hour * HOUR + Math.floor(rng.next() * 3600) * SECOND);
  }
  return times.sort((a, b) => a - b);
}

function reporterOf(source: IncidentSource, patrolMember: string): string {
  const actors: Record<IncidentSource, string> = {
    resident_app: 'resident',
    hotline: 'hotline-12345',
    patrol: patrolMember,
    iot: 'iot-platform',
    video: 'video-ai',
  };
  return actors[source];
}

/** An earlier incident a later report in the same community may duplicate. */
interface Original {
  readonly facts: IncidentFacts;
  readonly life: Lifecycle;
  readonly reportedMs: number;
}

interface DayContext {
  readonly model: DistrictModel;
  readonly rng: Random;
  readonly samplers: Samplers;
  /** Per community, the last incident that was neither rejected nor merged. */
  readonly originals: (Original | undefined)[];
}

function chooseGrid(ctx: DayContext, category: IncidentCategory): GridPlan {
  const sampler = INCIDENT_CATALOG[category].residential
    ? ctx.samplers.residential
    : ctx.samplers.commercial;
  return gridAt(ctx.model, sampler.sample(ctx.rng));
}

/** Where and what the report is: its grid, words and point. */
function factsOf(ctx: DayContext, id: number, source: IncidentSource, grid: GridPlan) {
  const { model, rng } = ctx;
  const community = communityOf(model, grid);
  const street = streetOf(model, grid);
  return {
    id,
    source,
    address: `${street.name}${community.name}${model.network.rowStems[grid.j] ?? ''}路附近`,
    gridCode: grid.code,
    communityCode: community.code,
    streetCode: street.code,
    geom: toPoint(model, samplePointInGrid(model, rng, grid, 8)),
  };
}

/** What is drawn for a report: kind, grid, the member who handles it, a possible original. */
interface Drawn {
  readonly category: IncidentCategory;
  readonly source: IncidentSource;
  readonly severity: Severity;
  readonly grid: GridPlan;
  /** The grid's responsible member (the report's first assignee) and the member dispatched. */
  readonly responsible: string;
  readonly handler: string;
  readonly original: Original | undefined;
}

function drawReport(ctx: DayContext, reportedMs: number): Drawn {
  const { model, rng } = ctx;
  const category = INCIDENT_CATEGORIES[rng.weightedIndex(CATEGORY_WEIGHTS)] as IncidentCategory;
  const spec = INCIDENT_CATALOG[category];
  const source = rng.weightedKey(spec.sources as Record<IncidentSource, number>);
  const severity = rng.weightedKey(spec.severities as Record<Severity, number>);
  const grid = chooseGrid(ctx, category);
  const handlers = model.staffing.handlersOf[grid.index] as number[];
  const handler = memberId(rng.chance(0.85) ? (handlers[0] as number) : rng.pick(handlers));
  const candidate = ctx.originals[grid.communityIndex];
  const recent = candidate && reportedMs - candidate.reportedMs < DUPLICATE_WINDOW_MS;
  const responsible = memberId(handlers[0] as number);
  return {
    category,
    source,
    severity,
    grid,
    responsible,
    handler,
    original: recent ? candidate : undefined,
  };
}

/** Reports the incident through the workflow and drives it along the plan up to now. */
function liveHistory(
  model: DistrictModel,
  report: { id: number; code: string; reportedMs: number; geom: IncidentFacts['geom'] },
  drawn: Drawn,
  plan: readonly PlannedAction[],
): Lifecycle {
  const { category, severity, source, original, grid } = drawn;
  const first = reportIncident(
    { code: report.code, category, severity, assigneeId: drawn.responsible },
    reporterOf(source, drawn.handler),
    new Date(report.reportedMs),
  );
  const merging = plan.some((p) => p.action.action === 'merge');
  const [lng, lat] = report.geom.coordinates;
  const payload = {
    lng,
    lat,
    gridCode: grid.code,
    source,
    probableDuplicates: merging && original ? [original.life.state.code] : [],
  };
  return driveLifecycle(first, payload, plan, crewOf(drawn.handler), model.nowMs);
}

function draftIncident(
  ctx: DayContext,
  id: number,
  code: string,
  reportedMs: number,
): IncidentDraft {
  const { model, rng } = ctx;
  const drawn = drawReport(ctx, reportedMs);
  const { category, severity, source, grid, original } = drawn;
  const place = factsOf(ctx, id, source, grid);
  const description = describeReport(rng, category, source);
  const plan = planActions(rng, {
    category,
    severity,
    reportedMs,
    nowMs: model.nowMs,
    handlerId: drawn.handler,
    duplicateOf: original?.life.state.code ?? null,
  });
  const life = liveHistory(model, { id, code, reportedMs, geom: place.geom }, drawn, plan);
  const merged = life.state.status === 'merged' && original !== undefined;
  const facts: IncidentFacts = {
    ...place,
    description,
    duplicateId: merged ? original.facts.id : null,
  };
  const events = lifecycleEventRows(facts, life);
  if (merged) {
    events.push(...absorbRows(original.facts, original.life, life, crewOf(drawn.handler).operator));
  }
  if (life.state.status !== 'rejected' && life.state.status !== 'merged') {
    ctx.originals[grid.communityIndex] = { facts, life, reportedMs };
  }
  return { row: incidentTableRow(facts, life.state, lastWrite(life)), events };
}

/** First local day of the history window and the window's start. */
function historyWindow(model: DistrictModel): { start: number; firstDay: number } {
  const start = model.nowMs - model.config.historyDays * DAY;
  return { start, firstDay: localDayStart(start) };
}

/** Every incident of the history window with its events, in report order. */
export function* incidentDrafts(model: DistrictModel): Generator<IncidentDraft> {
  const days = new Random(model.seed, 'incident-days');
  const ctx: DayContext = {
    model,
    rng: new Random(model.seed, 'incidents'),
    samplers: gridSamplers(model),
    originals: new Array(model.layout.communities.length),
  };
  const { start, firstDay } = historyWindow(model);
  let id = 0;
  for (let day = firstDay; day < model.nowMs; day += DAY) {
    let seq = 0;
    for (const t of reportTimes(ctx.rng, day, dayCount(model, days, day))) {
      if (t < start || t >= model.nowMs) continue;
      const code = `YP${localDateKey(t)}${String(++seq).padStart(6, '0')}`;
      yield draftIncident(ctx, ++id, code, t);
    }
  }
}

/** Expected number of incidents: exact day counts, prorated for the two partial days. */
export function estimateIncidents(model: DistrictModel): number {
  const days = new Random(model.seed, 'incident-days');
  const { start, firstDay } = historyWindow(model);
  const totalWeight = HOURLY_WEIGHTS.reduce((s, w) => s + w, 0);
  const share = (from: number, to: number) =>
    HOURLY_WEIGHTS.reduce((s, w, h) => s + w * overlap(from, to, h), 0) / totalWeight;
  let expected = 0;
  for (let day = firstDay; day < model.nowMs; day += DAY) {
    const count = dayCount(model, days, day);
    expected +=
      count * share(Math.max(0, (start - day) / HOUR), Math.min(24, (model.nowMs - day) / HOUR));
  }
  return Math.round(expected);
}

function overlap(from: number, to: number, hour: number): number {
  return Math.max(0, Math.min(to, hour + 1) - Math.max(from, hour));
}

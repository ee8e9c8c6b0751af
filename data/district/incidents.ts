import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentSource,
  type Severity,
} from '../../api/contract/codes';
import {
  HOURLY_WEIGHTS,
  INCIDENT_CATALOG,
  IOT_DESCRIPTIONS,
  WEEKDAY_WEIGHTS,
} from './incident-catalog';
import { planLifecycle, type Lifecycle } from './incident-lifecycle';
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
import { DAY, HOUR, isoTime, localDateKey, localDayStart, localWeekday, SECOND } from './time';

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

function describe(rng: Random, category: IncidentCategory, source: IncidentSource): string {
  const words = rng.pick(INCIDENT_CATALOG[category].descriptions);
  if (source === 'iot') return rng.pick(IOT_DESCRIPTIONS[category] ?? [`物联感知：${words}`]);
  if (source === 'video') return `视频AI识别：${words}`;
  return words;
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

interface DayContext {
  readonly model: DistrictModel;
  readonly rng: Random;
  readonly samplers: Samplers;
  /** Last open-or-closed (not rejected/merged) incident id and time per community. */
  readonly lastId: Int32Array;
  readonly lastAt: Float64Array;
}

function chooseGrid(ctx: DayContext, category: IncidentCategory): GridPlan {
  const sampler = INCIDENT_CATALOG[category].residential
    ? ctx.samplers.residential
    : ctx.samplers.commercial;
  return gridAt(ctx.model, sampler.sample(ctx.rng));
}

interface Report {
  id: number;
  code: string;
  reportedMs: number;
  category: IncidentCategory;
  source: IncidentSource;
  severity: Severity;
  grid: GridPlan;
}

function incidentRow(ctx: DayContext, report: Report, life: Lifecycle): IncidentRow {
  const { model, rng } = ctx;
  const { grid, category, source } = report;
  const community = communityOf(model, grid);
  const street = streetOf(model, grid);
  return {
    id: report.id,
    code: report.code,
    category,
    source,
    severity: report.severity,
    description: describe(rng, category, source),
    address: `${street.name}${community.name}${model.network.rowStems[grid.j] ?? ''}路附近`,
    status: life.status,
    escalation_level: life.escalationLevel,
    grid_code: grid.code,
    community_code: community.code,
    street_code: street.code,
    assignee_id: life.assigneeId,
    duplicate_of: life.duplicateOf,
    reported_at: isoTime(report.reportedMs),
    accept_deadline: isoTime(life.acceptDeadline),
    resolve_deadline: isoTime(life.resolveDeadline),
    closed_at: life.closedAt === null ? null : isoTime(life.closedAt),
    overdue: life.overdue,
    overdue_clocks: life.overdueClocks,
    started_at: life.startedAt === null ? null : isoTime(life.startedAt),
    satisfaction: life.satisfaction,
    version: life.events.length,
    geom: toPoint(model, samplePointInGrid(model, rng, grid, 8)),
  };
}

/** Plans the report's lifecycle and remembers it as a possible original for later duplicates. */
function lifecycleOf(ctx: DayContext, report: Report): Lifecycle {
  const { model, rng } = ctx;
  const { grid, reportedMs } = report;
  const community = grid.communityIndex;
  const handlers = model.staffing.handlersOf[grid.index] as number[];
  const handler = memberId(rng.chance(0.85) ? (handlers[0] as number) : rng.pick(handlers));
  const recent = reportedMs - (ctx.lastAt[community] as number) < DUPLICATE_WINDOW_MS;
  const life = planLifecycle(rng, {
    category: report.category,
    severity: report.severity,
    reportedMs,
    nowMs: model.nowMs,
    reporter: reporterOf(report.source, handler),
    assigneeId: handler,
    leaderId: memberId(model.staffing.leaderOf[grid.index] as number),
    duplicateCandidate: recent ? (ctx.lastId[community] as number) : null,
  });
  if (life.status !== 'rejected' && life.status !== 'merged') {
    ctx.lastId[community] = report.id;
    ctx.lastAt[community] = reportedMs;
  }
  return life;
}

function draftIncident(
  ctx: DayContext,
  id: number,
  code: string,
  reportedMs: number,
): IncidentDraft {
  const { rng } = ctx;
  const category = INCIDENT_CATEGORIES[rng.weightedIndex(CATEGORY_WEIGHTS)] as IncidentCategory;
  const spec = INCIDENT_CATALOG[category];
  const source = rng.weightedKey(spec.sources as Record<IncidentSource, number>);
  const severity = rng.weightedKey(spec.severities as Record<Severity, number>);
  const report: Report = {
    id,
    code,
    reportedMs,
    category,
    source,
    severity,
    grid: chooseGrid(ctx, category),
  };
  const life = lifecycleOf(ctx, report);
  const row = incidentRow(ctx, report, life);
  const events = life.events.map((e) => ({
    ...e,
    incident_id: id,
    street_code: row.street_code,
    at: isoTime(e.at),
  }));
  return { row, events };
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
    lastId: new Int32Array(model.layout.communities.length),
    lastAt: new Float64Array(model.layout.communities.length).fill(Number.NEGATIVE_INFINITY),
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

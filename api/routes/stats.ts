import { Hono } from 'hono';
import {
  type DutyRoster,
  DutyQuerySchema,
  OverviewQuerySchema,
  type Overview,
} from '../contract/stats';
import { dutyRoster } from '../db/duty-roster';
import type { ScopedClient, ScopedRunner } from '../db/scoped';
import {
  findArea,
  hourlySeries,
  overviewFigures,
  type MemorySlot,
  type OverviewMemory,
} from '../db/stats';
import { createFiguresCache, type EventHead } from '../db/stats-cache';
import { baselineFigures, hotGrids } from '../db/stats-trends';
import type { Clock } from '../domain/clock';
import { NotFoundError } from '../domain/errors';
import { overviewWindow, type OverviewWindow } from '../domain/overview-window';
import { scopePatterns, scopePrefix } from '../domain/scopes';
import { baselineWindows } from '../domain/stats-baselines';
import type { AppEnv } from '../http/env';
import { allow, requirePrincipal } from '../http/policy';
import { readQuery } from '../http/validate';

/** Days of the SLA compliance and median windows. */
const SLA_WINDOW_DAYS = 30;

/** Overviews (scope × area) kept; each wall screen asks for one or two. */
const CACHED_OVERVIEWS = 256;

/**
 * A cached overview serves until the event log grows or this much time passes: the baselines
 * (yesterday and last week up to this time of day) and the 30-day window move with the clock.
 */
const OVERVIEW_TIME_STEP_MS = 5_000;

/** Every figure of the overview for one scope and area, in one scoped transaction. */
async function computeOverview(
  client: ScopedClient,
  q: { area: Area; prefix: string | null; window: OverviewWindow; slot: MemorySlot },
): Promise<Overview> {
  const { area, prefix, window } = q;
  const baselines = baselineWindows(window);
  return {
    area,
    generatedAt: window.now.toISOString(),
    ...(await overviewFigures(client, prefix, window, q.slot)),
    baselines: {
      yesterday: await baselineFigures(client, prefix, baselines.yesterday),
      lastWeek: await baselineFigures(client, prefix, baselines.lastWeek),
    },
    hotGrids: await hotGrids(client, prefix),
    hourly: await hourlySeries(client, prefix, window),
  };
}

/**
 * The overview's memory per scope and area, the oldest dropped first. Concurrent overviews
 * may both advance a part: the one with the newer head is kept.
 */
function memorySlots(entries: number): (key: string) => MemorySlot {
  const kept = new Map<string, OverviewMemory>();
  const newer = <T extends { head: number }>(a: T | null, b: T | null) =>
    a === null || (b !== null && b.head > a.head) ? b : a;
  return (key) => ({
    get: () => kept.get(key) ?? { tally: null, handled: null },
    set(memory) {
      const before = kept.get(key);
      kept.delete(key);
      kept.set(key, {
        tally: newer(before?.tally ?? null, memory.tally),
        handled: newer(before?.handled ?? null, memory.handled),
      });
      if (kept.size > entries) kept.delete(kept.keys().next().value!);
    },
  });
}

type Area = Awaited<ReturnType<typeof findArea>>;

/**
 * The area asked for (null for the caller's whole scope) and its code prefix. An area the scope
 * does not show is a 404, exactly like an unknown code, so a scope tells nothing about areas
 * outside it.
 */
async function areaOf(
  client: ScopedClient,
  code: string | undefined,
): Promise<{ area: Area; prefix: string | null }> {
  if (code === undefined) return { area: null, prefix: null };
  const area = await findArea(client, code);
  if (area === null) throw new NotFoundError(`There is no admin area ${code} in your scope.`);
  return { area, prefix: scopePrefix(area.code) };
}

/**
 * `GET /api/v1/stats/overview?area=<code>`: counts by status, category, source, street and
 * community; today's reported and closed with yesterday's and last week's up to the same time
 * of day; open overdue; SLA compliance and median minutes to accept and to close over the last
 * 30 days; the grids with the most open incidents; reports and closures per hour for the last
 * 24 hours. `GET /api/v1/stats/duty?area=<code>`: leaders and members on duty per street.
 * Everything is computed in SQL under the caller's area scope. An overview is kept per scope
 * and area until the event log grows (or five seconds pass), so wall screens asking as events
 * arrive share one computation; the counts of final incidents are advanced, not recounted.
 */
export function statsRoutes(deps: {
  scoped: ScopedRunner;
  clock: Clock;
  head: EventHead;
}): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const cache = createFiguresCache({ head: deps.head, entries: CACHED_OVERVIEWS });
  const memory = memorySlots(CACHED_OVERVIEWS);
  routes.get('/stats/overview', allow('incidents:read'), async (c) => {
    const code = readQuery(c, OverviewQuerySchema).area;
    const window = overviewWindow(deps.clock.now(), SLA_WINDOW_DAYS);
    const principal = requirePrincipal(c);
    const question = [code ?? '', window.dayStart.getTime(), window.firstHour.getTime()]
      .concat(Math.floor(window.now.getTime() / OVERVIEW_TIME_STEP_MS))
      .join('|');
    const body = await cache.get(principal, question, () =>
      deps.scoped(principal, async (client) => {
        const { area, prefix } = await areaOf(client, code);
        const slot = memory(`${scopePatterns(principal.scopes).join(',')}|${prefix ?? ''}`);
        return computeOverview(client, { area, prefix, window, slot });
      }),
    );
    return c.json(body);
  });
  routes.get('/stats/duty', allow('incidents:read'), async (c) => {
    const code = readQuery(c, DutyQuerySchema).area;
    const body = await deps.scoped(requirePrincipal(c), async (client) => {
      const { prefix } = await areaOf(client, code);
      return {
        generatedAt: deps.clock.now().toISOString(),
        streets: await dutyRoster(client, prefix),
      } satisfies DutyRoster;
    });
    return c.json(body);
  });
  return routes;
}

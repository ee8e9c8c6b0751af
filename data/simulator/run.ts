import type pg from 'pg';
import type { IncidentSettings } from '../../api/config';
import type { ScopedRunner } from '../../api/db/scoped';
import { isConnectionFailure } from '../../api/db/unavailable';
import type { Clock } from '../../api/domain/clock';
import { actorName, type Principal } from '../../api/domain/principal';
import { createIncident } from '../../api/use-cases/incidents/create';
import { transitionIncident } from '../../api/use-cases/incidents/transition';
import type { Logger } from '../../api/log';
import { reportPosition } from '../../api/use-cases/members/report-position';
import { standing, startPatrol, walk, WALKING_SPEED, type Patrol } from './patrol';
import { districtCode, gridPopulations, openIncidents, patrolAreas, pointInGrid } from './queries';
import { createRandom, type Random } from '../district/random';
import { draftReport, gridPicker, reportsDue } from './reports';
import { MIN_DWELL_SECONDS, nextAction } from './workflow';

export interface SimulatorOptions {
  pool: pg.Pool;
  scoped: ScopedRunner;
  clock: Clock;
  settings: IncidentSettings;
  log: Logger;
  onEvents?: () => void;
  incidentsPerMinute: number;
  /** How many on-duty members patrol. */
  patrols: number;
  /** Seconds between position reports of one patrolling member. */
  reportEverySeconds: number;
  seed: number;
}

/** What one tick did. */
export interface TickSummary {
  reported: string[];
  actions: number;
  positions: number;
  /** Actions the use cases refused (someone else changed the incident first, say). */
  refused: number;
}

/** Workflow actions a minute per new incident a minute: six steps each, with some slack. */
const ACTIONS_PER_REPORT = 7;
/** Metres around a member's grid whose roads they patrol. */
const PATROL_RADIUS_M = 600;
/** A longer pause (the machine slept) is simulated as this many seconds, not as a burst. */
const MAX_STEP_SECONDS = 60;

/**
 * The live demo: residents, patrols, the hotline and video patrols report incidents at
 * `incidentsPerMinute`; a simulated command center moves its own reports along the closed loop
 * (some are neglected and run late); grid members walk the roads around their grids and report
 * their positions. Every change goes through the use cases the HTTP API uses
 * (`createIncident`, `transitionIncident`, `reportPosition`), as the principal `key:simulator`,
 * so it is validated, scoped and in the event log like any other. `tick()` advances it to the
 * clock's time; randomness comes from `seed`.
 */
export class Simulator {
  private lastTick: Date;
  private readonly untilReport = new Map<string, number>();

  private constructor(
    private readonly options: SimulatorOptions,
    private readonly random: Random,
    private readonly operator: Principal,
    private readonly pickGrid: (random: Random) => string,
    private patrols: Patrol[],
  ) {
    this.lastTick = options.clock.now();
    // Staggered, so the members' reports spread over the interval instead of arriving together.
    for (const patrol of patrols) {
      this.untilReport.set(patrol.memberId, random.next() * options.reportEverySeconds);
    }
  }

  static async create(options: SimulatorOptions): Promise<Simulator> {
    const district = await districtCode(options.pool);
    const operator: Principal = {
      kind: 'api_key',
      id: 0,
      name: 'simulator',
      role: 'commander',
      scopes: [district],
    };
    const pickGrid = gridPicker(await gridPopulations(options.pool));
    const areas = await patrolAreas(options.pool, {
      count: options.patrols,
      seed: options.seed,
      radiusM: PATROL_RADIUS_M,
    });
    const patrols = areas.map((area) => startPatrol(area.memberId, area.roads, area.home));
    return new Simulator(
      options,
      createRandom(options.seed, 'simulator'),
      operator,
      pickGrid,
      patrols,
    );
  }

  /** Advances the simulation to the clock's time. */
  async tick(): Promise<TickSummary> {
    const now = this.options.clock.now();
    const elapsed = (now.getTime() - this.lastTick.getTime()) / 1000;
    const seconds = Math.min(Math.max(elapsed, 0), MAX_STEP_SECONDS);
    this.lastTick = now;
    const summary: TickSummary = { reported: [], actions: 0, positions: 0, refused: 0 };
    await this.report(seconds, summary);
    await this.advance(now, seconds, summary);
    await this.patrol(seconds, summary);
    return summary;
  }

  private deps() {
    const { scoped, clock, settings, onEvents } = this.options;
    return { scoped, clock, settings, onEvents };
  }

  private async report(seconds: number, summary: TickSummary): Promise<void> {
    const count = reportsDue(this.options.incidentsPerMinute, seconds, this.random);
    for (let i = 0; i < count; i += 1) {
      const draft = draftReport(this.random);
      const grid = this.pickGrid(this.random);
      const seed = 1 + Math.floor(this.random.next() * 2 ** 30);
      const created = await this.attempt(summary, async () => {
        const point = await pointInGrid(this.options.pool, grid, seed);
        const location = { type: 'Point' as const, coordinates: point };
        return createIncident(this.deps(), this.operator, { ...draft, location, photoUrls: [] });
      });
      if (created) summary.reported.push(created.body.incident.code);
    }
  }

  private async advance(now: Date, seconds: number, summary: TickSummary): Promise<void> {
    const budget = Math.ceil((this.options.incidentsPerMinute * ACTIONS_PER_REPORT * seconds) / 60);
    if (budget === 0) return;
    const open = await openIncidents(this.options.pool, {
      actor: actorName(this.operator),
      since: new Date(now.getTime() - 3 * 86_400_000),
      before: new Date(now.getTime() - MIN_DWELL_SECONDS * 1000),
      limit: budget * 2,
    });
    let taken = 0;
    for (const incident of open) {
      if (taken >= budget) break;
      const action = nextAction(incident, now, this.random);
      if (!action) continue;
      taken += 1;
      const code = incident.code;
      const done = await this.attempt(summary, () =>
        transitionIncident(this.deps(), this.operator, code, action, null),
      );
      if (done) summary.actions += 1;
    }
  }

  private async patrol(seconds: number, summary: TickSummary): Promise<void> {
    const every = this.options.reportEverySeconds;
    this.patrols = this.patrols.map((p) => walk(p, WALKING_SPEED * seconds, this.random));
    for (const patrol of this.patrols) {
      const due = (this.untilReport.get(patrol.memberId) ?? 0) - seconds;
      this.untilReport.set(patrol.memberId, due > 0 ? due : Math.max(due + every, 0));
      if (due > 0) continue;
      const [lng, lat] = standing(patrol);
      const member: Principal = {
        ...this.operator,
        role: 'grid_member',
        memberId: patrol.memberId,
      };
      const done = await this.attempt(summary, () =>
        reportPosition(this.deps(), member, { lng, lat, onDuty: true }),
      );
      if (done) summary.positions += 1;
    }
  }

  /** Runs one action; a refusal is counted and logged, never fatal. */
  private async attempt<T>(summary: TickSummary, work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      summary.refused += 1;
      if (summary.refused === 1) {
        this.options.log.warn('simulator action refused', { error: String(error) });
      }
      return null;
    }
  }
}

/**
 * Runs the simulator every `tickSeconds` until the returned stop is called (which waits for a
 * running tick). Failures are logged and never end the process; a simulator that could not
 * start (the database not reachable, say) tries again half a minute later.
 */
export function startSimulator(options: SimulatorOptions, tickSeconds = 2): () => Promise<void> {
  let stopped = false;
  let wake = () => {};
  const pause = (seconds: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, seconds * 1000);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = async () => {
    let simulator: Simulator | null = null;
    while (!stopped) {
      try {
        simulator ??= await Simulator.create(options);
        await simulator.tick();
      } catch (error) {
        const message = simulator ? 'simulator tick failed' : 'simulator could not start';
        // A database that is away is waited out (next tick, or a start half a minute later).
        const level = isConnectionFailure(error) ? 'warn' : 'error';
        options.log[level](message, { error: String(error) });
      }
      if (!stopped) await pause(simulator ? tickSeconds : 30);
    }
  };
  const running = loop();
  return async () => {
    stopped = true;
    wake();
    await running;
  };
}

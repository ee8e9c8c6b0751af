import type pg from 'pg';
import type { IncidentSettings } from '../config';
import type { CreateIncident } from '../contract/incident-records';
import type { ScopedRunner } from '../db/scoped';
import type { Clock } from '../domain/clock';
import type { Principal } from '../domain/principal';
import { createIncident } from '../incidents/create';
import { transitionIncident } from '../incidents/transition';
import type { Logger } from '../log';
import { reportPosition } from '../members/report-position';
import { CATEGORY_WEIGHTS, DESCRIPTIONS, SEVERITY_WEIGHTS, SOURCE_WEIGHTS } from './catalog';
import { standing, walk, WALKING_SPEED, type Patrol } from './patrol';
import { createRandom, type Random } from './random';
import { nextAction, type OpenIncident } from './workflow';
import { districtCode, openIncidents, patrolRoutes, reportPoint } from './queries';

export interface SimulatorOptions {
  pool: pg.Pool;
  scoped: ScopedRunner;
  clock: Clock;
  settings: IncidentSettings;
  log: Logger;
  onEvents?: () => void;
  incidentsPerMinute: number;
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
}

/**
 * The live demo: residents, patrols, hotlines and cameras report incidents at
 * `incidentsPerMinute`; the command center moves open incidents along the closed loop (some
 * are neglected and run late); grid members patrol their roads and report positions. Every
 * change goes through the same use cases as the HTTP API (`createIncident`,
 * `transitionIncident`, `reportPosition`), so it is validated, scoped and logged like any other.
 */
export class Simulator {
  private patrolState: Patrol[] = [];
  private lastTick: Date | null = null;
  private sinceReport = new Map<string, number>();

  private constructor(
    private readonly options: SimulatorOptions,
    private readonly random: Random,
    private readonly operator: Principal,
  ) {}

  static async create(options: SimulatorOptions): Promise<Simulator> {
    const district = await districtCode(options.pool);
    const operator: Principal = {
      kind: 'api_key',
      id: 0,
      name: 'simulator',
      role: 'commander',
      scopes: [district],
    };
    const simulator = new Simulator(options, createRandom(options.seed), operator);
    const routes = await patrolRoutes(options.pool, options.patrols, options.seed);
    simulator.patrolState = routes.map((r) => ({
      memberId: r.memberId,
      route: r.route,
      position: 0,
      direction: 1,
    }));
    return simulator;
  }

  /** One step of the simulation at the clock's time. */
  async tick(): Promise<TickSummary> {
    const now = this.options.clock.now();
    const seconds = this.lastTick === null ? 2 : (now.getTime() - this.lastTick.getTime()) / 1000;
    this.lastTick = now;
    const reported = await this.report(seconds);
    const actions = await this.advance();
    const positions = await this.patrol(seconds);
    return { reported, actions, positions };
  }

  private deps() {
    const { scoped, clock, settings, onEvents } = this.options;
    return { scoped, clock, settings, onEvents };
  }

  private async report(seconds: number): Promise<string[]> {
    const expected = (this.options.incidentsPerMinute * Math.max(0, seconds)) / 60;
    const count = Math.floor(expected) + (this.random.chance(expected % 1) ? 1 : 0);
    const codes: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const category = this.random.weighted(CATEGORY_WEIGHTS);
      const point = await reportPoint(this.options.pool, Math.floor(this.random.next() * 2 ** 31));
      const input: CreateIncident = {
        category,
        description: this.random.pick(DESCRIPTIONS[category]),
        location: { type: 'Point', coordinates: point },
        source: this.random.weighted(SOURCE_WEIGHTS),
        severity: this.random.weighted(SEVERITY_WEIGHTS),
        photoUrls: [],
      };
      const created = await this.attempt(() => createIncident(this.deps(), this.operator, input));
      if (created) codes.push(created.body.incident.code);
    }
    return codes;
  }

  private async advance(): Promise<number> {
    const since = new Date(this.options.clock.now().getTime() - 3 * 86_400_000);
    const open: OpenIncident[] = await openIncidents(this.options.pool, since, 4);
    let actions = 0;
    for (const incident of open) {
      const action = nextAction(incident, this.random);
      if (!action) continue;
      const done = await this.attempt(() =>
        transitionIncident(this.deps(), this.operator, incident.code, action, null),
      );
      if (done) actions += 1;
    }
    return actions;
  }

  private async patrol(seconds: number): Promise<number> {
    let reports = 0;
    this.patrolState = this.patrolState.map((p) => walk(p, WALKING_SPEED * seconds));
    for (const patrol of this.patrolState) {
      const waited = (this.sinceReport.get(patrol.memberId) ?? Infinity) + seconds;
      if (waited < this.options.reportEverySeconds) {
        this.sinceReport.set(patrol.memberId, waited);
        continue;
      }
      this.sinceReport.set(patrol.memberId, 0);
      const [lng, lat] = standing(patrol);
      const member: Principal = {
        ...this.operator,
        role: 'grid_member',
        memberId: patrol.memberId,
      };
      const done = await this.attempt(() =>
        reportPosition(this.deps(), member, { lng, lat, onDuty: true }),
      );
      if (done) reports += 1;
    }
    return reports;
  }

  /** Runs one action; a refusal (someone else got there first, say) is logged, not fatal. */
  private async attempt<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      this.options.log.warn('simulator action refused', { error: String(error) });
      return null;
    }
  }
}

/** Runs the simulator every `tickSeconds` until the returned stop is called. */
export function startSimulator(options: SimulatorOptions, tickSeconds = 2): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Simulator.create(options).then(
    (simulator) => {
      const loop = async (): Promise<void> => {
        while (!stopped) {
          await simulator
            .tick()
            .catch((error: unknown) =>
              options.log.error('simulator tick failed', { error: String(error) }),
            );
          await new Promise((resolve) => setTimeout(resolve, tickSeconds * 1000).unref());
        }
      };
      running = loop();
    },
    (error: unknown) => options.log.error('simulator could not start', { error: String(error) }),
  );
  return async () => {
    stopped = true;
    await running;
  };
}

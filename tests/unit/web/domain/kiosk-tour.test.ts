import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type KioskTourConfig,
  type KioskTourState,
  type QueuedIncident,
  type VisitStatus,
  UNKNOWN_GRACE_MS,
  enqueueIncident,
  startKioskTour,
  stepKioskTour,
  tourStopsOf,
} from '../../../../web/domain/kiosk-tour';

const T0 = Date.UTC(2026, 11, 7, 2, 0);
const CONFIG: KioskTourConfig = { stopCount: 4, dwellMs: 10_000, gapSteps: 2, queueLimit: 3 };
const ALWAYS_OPEN = (_code: string): VisitStatus => 'open';

const incident = (code: string, severity: 'high' | 'critical', at = T0): QueuedIncident => ({
  code,
  severity,
  at,
});

/** Ticks once per second from `state.since` for `ms`, recording every step the map shows. */
function run(state: KioskTourState, ms: number, config = CONFIG, statusOf = ALWAYS_OPEN) {
  const shown: string[] = [];
  let current = state;
  for (let now = current.since + 1_000; now <= state.since + ms; now += 1_000) {
    const next = stepKioskTour(current, { type: 'tick', now, statusOf }, config);
    if (next.step !== current.step) {
      shown.push(next.view.kind === 'stop' ? `stop ${next.view.stop}` : `visit ${next.view.code}`);
    }
    current = next;
  }
  return { state: current, shown };
}

describe('the kiosk tour', () => {
  it('shows the district, each street, and the district again, a dwell each', () => {
    const { shown } = run(startKioskTour(CONFIG, T0), 80_000);
    expect(shown).toEqual([
      'stop 1',
      'stop 2',
      'stop 3',
      'stop 0',
      'stop 1',
      'stop 2',
      'stop 3',
      'stop 0',
    ]);
  });

  it('stays on a step for its whole dwell', () => {
    const start = startKioskTour(CONFIG, T0);
    const early = stepKioskTour(
      start,
      { type: 'tick', now: T0 + 9_999, statusOf: ALWAYS_OPEN },
      CONFIG,
    );
    expect(early.step).toBe(0);
    const due = stepKioskTour(
      start,
      { type: 'tick', now: T0 + 10_000, statusOf: ALWAYS_OPEN },
      CONFIG,
    );
    expect(due.step).toBe(1);
  });

  it('visits a new incident at the end of the step, then the district, then goes on', () => {
    const start = startKioskTour(CONFIG, T0);
    const queued = stepKioskTour(
      start,
      { type: 'report', incident: incident('A', 'high') },
      CONFIG,
    );
    expect(run(queued, 40_000).shown).toEqual(['visit A', 'stop 0', 'stop 1', 'stop 2']);
  });

  it('keeps an incident its lists have not caught up with, and visits it once they have', () => {
    const queued = stepKioskTour(
      startKioskTour(CONFIG, T0),
      { type: 'report', incident: incident('A', 'high') },
      CONFIG,
    );
    // The alert came a render before the incident reached the wall's lists.
    const waiting = run(queued, 12_000, CONFIG, () => 'unknown');
    expect(waiting.state.queue.map((q) => q.code)).toEqual(['A']);
    expect(waiting.shown).toEqual(['stop 1']);
    expect(run(waiting.state, 10_000).shown).toEqual(['visit A']);
  });

  it('drops an incident that never reaches its lists, once the grace has passed', () => {
    const queued = stepKioskTour(
      startKioskTour(CONFIG, T0),
      { type: 'report', incident: incident('A', 'high') },
      CONFIG,
    );
    const { state, shown } = run(queued, UNKNOWN_GRACE_MS + 1_000, CONFIG, () => 'unknown');
    expect(state.queue).toEqual([]);
    expect(shown.every((view) => view.startsWith('stop'))).toBe(true);
  });

  it('makes a second incident wait until the tour has shown `gapSteps` steps', () => {
    let state = startKioskTour(CONFIG, T0);
    for (const code of ['A', 'B']) {
      state = stepKioskTour(state, { type: 'report', incident: incident(code, 'high') }, CONFIG);
    }
    expect(run(state, 60_000).shown).toEqual([
      'visit A',
      'stop 0',
      'stop 1',
      'visit B',
      'stop 0',
      'stop 2',
    ]);
  });

  it('visits critical incidents before high ones, each in order of arrival', () => {
    let state = startKioskTour({ ...CONFIG, queueLimit: 5 }, T0);
    const reports = [
      incident('H1', 'high', T0 + 1),
      incident('C1', 'critical', T0 + 2),
      incident('H2', 'high', T0 + 3),
      incident('C2', 'critical', T0 + 4),
    ];
    for (const report of reports) state = enqueueIncident(state, report, 5);
    expect(state.queue.map((q) => q.code)).toEqual(['C1', 'C2', 'H1', 'H2']);
  });

  it('keeps the most urgent and most recent incidents when a burst overflows the queue', () => {
    let state = startKioskTour(CONFIG, T0);
    const burst = [
      incident('C-old', 'critical', T0 + 1),
      incident('H-old', 'high', T0 + 2),
      incident('H-new', 'high', T0 + 3),
      incident('C-new', 'critical', T0 + 4),
    ];
    for (const report of burst) state = enqueueIncident(state, report, 3);
    expect(state.queue.map((q) => q.code)).toEqual(['C-old', 'C-new', 'H-new']);
  });

  it('skips an incident closed while it waited', () => {
    let state = startKioskTour(CONFIG, T0);
    for (const code of ['A', 'B']) {
      state = stepKioskTour(state, { type: 'report', incident: incident(code, 'high') }, CONFIG);
    }
    const closedA = (code: string): VisitStatus => (code === 'A' ? 'finished' : 'open');
    expect(run(state, 30_000, CONFIG, closedA).shown).toEqual(['visit B', 'stop 0', 'stop 1']);
  });

  it('ignores a report of an incident already waiting or on screen', () => {
    let state = startKioskTour(CONFIG, T0);
    const report = { type: 'report', incident: incident('A', 'high') } as const;
    state = stepKioskTour(state, report, CONFIG);
    expect(stepKioskTour(state, report, CONFIG)).toBe(state);
    const visiting = run(state, 10_000).state;
    expect(visiting.view).toEqual({ kind: 'visit', code: 'A' });
    expect(stepKioskTour(visiting, report, CONFIG).queue).toEqual([]);
  });
});

describe('tourStopsOf', () => {
  const place = (code: string, level: 'district' | 'street' | 'community') => ({ code, level });

  it('tours the district and its streets', () => {
    const places = [
      place('d', 'district'),
      place('s1', 'street'),
      place('s2', 'street'),
      place('c1', 'community'),
    ];
    expect(tourStopsOf(places).map((p) => p.code)).toEqual(['d', 's1', 's2']);
  });

  it("tours a one-street district's communities", () => {
    const places = [
      place('d', 'district'),
      place('s1', 'street'),
      place('c1', 'community'),
      place('c2', 'community'),
    ];
    expect(tourStopsOf(places).map((p) => p.code)).toEqual(['d', 'c1', 'c2']);
  });
});

const configArb = fc.record({
  stopCount: fc.integer({ min: 1, max: 6 }),
  dwellMs: fc.integer({ min: 5_000, max: 60_000 }),
  gapSteps: fc.integer({ min: 1, max: 5 }),
  queueLimit: fc.integer({ min: 1, max: 4 }),
});

const eventArb = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), dt: fc.integer({ min: 0, max: 90_000 }) }),
  fc.record({
    kind: fc.constant('report' as const),
    code: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
    severity: fc.constantFrom('high' as const, 'critical' as const),
  }),
  fc.record({ kind: fc.constant('close' as const), code: fc.constantFrom('A', 'B', 'C', 'D') }),
);

interface Shown {
  at: number;
  view: KioskTourState['view'];
  /** The queue just before this step began, and which codes were closed then. */
  queueBefore: QueuedIncident[];
  closed: ReadonlySet<string>;
}

type RandomEvent = typeof eventArb extends fc.Arbitrary<infer E> ? E : never;

/** Plays random events through the reducer, recording each step and every state. */
function simulate(config: KioskTourConfig, events: RandomEvent[]) {
  let now = T0;
  let state = startKioskTour(config, now);
  const closed = new Set<string>();
  const shown: Shown[] = [{ at: now, view: state.view, queueBefore: [], closed: new Set() }];
  const states = [state];
  for (const event of events) {
    if (event.kind === 'close') closed.add(event.code);
    if (event.kind === 'report' && closed.has(event.code)) continue;
    if (event.kind === 'report') {
      const report = incident(event.code, event.severity, now);
      state = stepKioskTour(state, { type: 'report', incident: report }, config);
    }
    if (event.kind === 'tick') {
      now += event.dt;
      const before = state;
      const statusOf = (code: string): VisitStatus => (closed.has(code) ? 'finished' : 'open');
      state = stepKioskTour(state, { type: 'tick', now, statusOf }, config);
      if (state.step !== before.step) {
        shown.push({
          at: now,
          view: state.view,
          queueBefore: before.queue,
          closed: new Set(closed),
        });
      }
    }
    states.push(state);
  }
  return { shown, states };
}

describe('the kiosk tour, for any config and any events', () => {
  it('never visits twice within `gapSteps` tour steps, nor within (gapSteps + 1) dwells', () => {
    fc.assert(
      fc.property(configArb, fc.array(eventArb, { maxLength: 120 }), (config, events) => {
        const visits = simulate(config, events)
          .shown.map((s, index) => ({ ...s, index }))
          .filter((s) => s.view.kind === 'visit');
        for (const [a, b] of visits.slice(1).map((v, i) => [visits[i]!, v] as const)) {
          expect(b.index - a.index - 1).toBeGreaterThanOrEqual(config.gapSteps);
          expect(b.at - a.at).toBeGreaterThanOrEqual((config.gapSteps + 1) * config.dwellMs);
        }
      }),
    );
  });

  it('keeps the queue within its limit', () => {
    fc.assert(
      fc.property(configArb, fc.array(eventArb, { maxLength: 120 }), (config, events) => {
        for (const state of simulate(config, events).states) {
          expect(state.queue.length).toBeLessThanOrEqual(config.queueLimit);
        }
      }),
    );
  });

  it('reaches every stop in order, and comes back to the district after each visit', () => {
    fc.assert(
      fc.property(configArb, fc.array(eventArb, { maxLength: 120 }), (config, events) => {
        const { shown } = simulate(config, events);
        let expected = 0;
        for (const [index, step] of shown.entries()) {
          const previous = shown[index - 1];
          if (previous?.view.kind === 'visit') {
            expect(step.view).toEqual({ kind: 'stop', stop: 0 });
            if (expected === 0) expected = 1 % config.stopCount;
            continue;
          }
          if (step.view.kind === 'visit') continue;
          expect(step.view.stop).toBe(expected);
          expected = (expected + 1) % config.stopCount;
        }
      }),
    );
  });

  it('visits the most urgent open incident waiting, and never a closed one', () => {
    const rank = { critical: 0, high: 1 } as Record<string, number>;
    fc.assert(
      fc.property(configArb, fc.array(eventArb, { maxLength: 120 }), (config, events) => {
        for (const step of simulate(config, events).shown) {
          if (step.view.kind !== 'visit') continue;
          const { code } = step.view;
          expect(step.closed.has(code)).toBe(false);
          const visited = step.queueBefore.find((q) => q.code === code)!;
          for (const other of step.queueBefore.filter((q) => !step.closed.has(q.code))) {
            expect(rank[visited.severity]!).toBeLessThanOrEqual(rank[other.severity]!);
          }
        }
      }),
    );
  });

  it('keeps every step on screen for at least its dwell', () => {
    fc.assert(
      fc.property(configArb, fc.array(eventArb, { maxLength: 120 }), (config, events) => {
        const { shown } = simulate(config, events);
        for (const [index, step] of shown.slice(1).entries()) {
          expect(step.at - shown[index]!.at).toBeGreaterThanOrEqual(config.dwellMs);
        }
      }),
    );
  });
});

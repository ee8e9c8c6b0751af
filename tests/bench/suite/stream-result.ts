import { median, ratios } from './stats';
import type { Figure, Target, WorkloadResult } from './types';

/** One subscriber count's figures, one value per round. */
export interface StepRounds {
  p50: number[];
  p99: number[];
  missed: number[];
  reportP50: number[];
  /** Reports not acknowledged (an error or no answer) while the subscribers were connected. */
  failedReports: number[];
}

/** What the stream workload measured, round by round. */
export interface StreamRounds {
  /** Report latency p50 with no subscriber, per round. */
  baseline: number[];
  steps: Map<number, StepRounds>;
  /** Most reconnections seen in one round (the server ended a subscriber's stream). */
  reconnects: number;
  /** Failed subscriber connections over the run, by status (`error`: no answer). */
  refusals: Record<string, number>;
}

/** How much slower reports may get with the subscribers connected and still count unchanged. */
export const UNCHANGED_FACTOR = 1.2;
const TARGET_SUBSCRIBERS = 1000;

/** The stream workload's figures and its two targets (delivery p99, report latency). */
export function streamResult(
  rounds: StreamRounds,
  load: { seconds: number; rate: number },
): WorkloadResult {
  const figures: Figure[] = [
    {
      workload: 'stream',
      name: 'report p50, no subscribers',
      unit: 'ms',
      rounds: rounds.baseline,
      note: `${load.rate} reports/s for ${load.seconds} s`,
    },
  ];
  for (const [total, step] of rounds.steps) {
    const name = (what: string) => `${total} subscribers: ${what}`;
    figures.push(
      { workload: 'stream', name: name('delivery p50'), unit: 'ms', rounds: step.p50 },
      { workload: 'stream', name: name('delivery p99'), unit: 'ms', rounds: step.p99 },
      {
        workload: 'stream',
        name: name('missed events'),
        unit: 'events',
        rounds: step.missed,
        note: 'acknowledged reports whose event a subscriber had not got 15 s after the last report',
      },
      {
        workload: 'stream',
        name: name('reports failed'),
        unit: 'reports',
        rounds: step.failedReports,
      },
      {
        workload: 'stream',
        name: name('report p50 / alone'),
        unit: '×',
        rounds: ratios(step.reportP50, rounds.baseline),
      },
    );
  }
  return { figures, targets: streamTargets(rounds) };
}

function streamTargets(rounds: StreamRounds): Target[] {
  const step = rounds.steps.get(TARGET_SUBSCRIBERS);
  if (!step) {
    const detail = 'the 1,000-subscriber step did not run';
    return [
      {
        name: 'stream: delivery p99, 1,000 subscribers',
        target: '≤ 250 ms',
        value: null,
        met: null,
        detail,
      },
      {
        name: 'stream: report latency, 1,000 subscribers',
        target: 'unchanged',
        value: null,
        met: null,
        detail,
      },
    ];
  }
  const p99 = median(step.p99);
  const missed = step.missed.reduce((a, b) => a + b, 0);
  const slowdown = median(ratios(step.reportP50, rounds.baseline));
  const failed = step.failedReports.reduce((a, b) => a + b, 0);
  return [
    {
      name: 'stream: delivery p99, 1,000 subscribers',
      target: '≤ 250 ms, none missed',
      value: p99,
      met: p99 <= 250 && missed === 0,
      detail: `delay from the report's acknowledgement to its event at each subscriber; missed ${missed}; ${rounds.reconnects} reconnections${refusalText(rounds.refusals)}`,
    },
    {
      name: 'stream: report latency, 1,000 subscribers',
      target: `p50 ≤ ${UNCHANGED_FACTOR}× without`,
      value: slowdown,
      met: slowdown <= UNCHANGED_FACTOR && failed === 0,
      detail: `"unchanged": the median over rounds of report p50 with 1,000 subscribers / p50 with none, same round; ${failed} reports failed`,
    },
  ];
}

function refusalText(refusals: Record<string, number>): string {
  const entries = Object.entries(refusals);
  if (entries.length === 0) return '';
  return `; connections refused: ${entries.map(([why, n]) => `${n}× ${why}`).join(', ')}`;
}

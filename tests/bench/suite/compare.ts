/**
 * Interleaved comparisons: in round i every case measures its contenders one after another
 * (ours first, then each reference), so load on the machine hits all of them alike; figures
 * keep one value per round and targets are judged on the median of per-round ratios.
 */
import { median, ratios } from './stats';
import type { BenchOptions, Figure, Target } from './types';

/** One measured party of a case: Yiping, pgbench, MapServer … */
export interface Contender {
  name: string;
  /** One throughput measurement (req/s). */
  measure(): Promise<number>;
  /** Asks once for what will be measured (first-request costs stay out of round 1). */
  warm?(): Promise<void>;
}

/** One comparison, e.g. `z14 cameras hot tile`. */
export interface Case {
  label: string;
  contenders: Contender[];
  note?: string;
}

/** Per case, per contender, the value of each round (NaN where the round failed). */
export type Measured = Map<string, Map<string, number[]>>;

/**
 * Warms every contender, then runs `options.rounds` rounds over all cases; a failing
 * contender records NaN and its reason.
 */
export async function measureRounds(cases: readonly Case[], options: BenchOptions) {
  const measured: Measured = new Map();
  const failures = new Map<string, string>();
  for (const contender of cases.flatMap((item) => item.contenders)) {
    await contender.warm?.().catch(() => undefined);
  }
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const item of cases) {
      const byContender = measured.get(item.label) ?? new Map<string, number[]>();
      measured.set(item.label, byContender);
      const values: string[] = [];
      for (const contender of item.contenders) {
        const rounds = byContender.get(contender.name) ?? [];
        byContender.set(contender.name, rounds);
        const value = await contender.measure().catch((error: Error) => {
          failures.set(`${item.label}/${contender.name}`, error.message.split('\n')[0]!);
          return Number.NaN;
        });
        rounds.push(value);
        values.push(`${contender.name} ${value.toFixed(0)}`);
      }
      options.log(`  round ${round}: ${item.label}: ${values.join(', ')} req/s`);
    }
  }
  return { measured, failures };
}

/** The figures of measured cases, one per contender. */
export function figuresOf(
  workload: string,
  cases: readonly Case[],
  measured: Measured,
  unit = 'req/s',
): Figure[] {
  return cases.flatMap((item) =>
    item.contenders.map((contender) => ({
      workload,
      name: `${item.label} — ${contender.name}`,
      unit,
      rounds: measured.get(item.label)?.get(contender.name) ?? [],
      ...(item.note ? { note: item.note } : {}),
    })),
  );
}

/** Options of a ratio target. */
export interface RatioTarget {
  name: string;
  /** The target in words, e.g. `≥ 2× MapServer`. */
  target: string;
  ours: number[];
  reference: number[];
  /** The least ratio ours/reference that meets it. */
  atLeast: number;
  /** Shown when the ratio could not be measured. */
  missing?: string;
}

/** A target judged on the median of per-round ratios ours/reference (failed rounds left out). */
export function ratioTarget(options: RatioTarget): Target {
  const valid = ratios(options.ours, options.reference).filter(Number.isFinite);
  if (valid.length === 0) {
    return {
      name: options.name,
      target: options.target,
      value: null,
      met: null,
      detail: options.missing ?? 'not measured',
    };
  }
  const value = median(valid);
  return {
    name: options.name,
    target: options.target,
    value: Math.round(value * 100) / 100,
    met: value >= options.atLeast,
    ...(valid.length < options.ours.length
      ? { detail: `${options.ours.length - valid.length} round(s) failed` }
      : {}),
  };
}

import type { BenchEnv } from './env';

/**
 * The benchmark suite's shapes (`npm run bench`). A workload measures our figures and their
 * references interleaved in the same run, round by round, and states its targets as ratios or
 * figures measured in that run — never against a remembered number.
 */

/** What every workload receives. */
export interface BenchOptions {
  /** `--quick`: fewer rounds and shorter loads; the same workloads. */
  quick: boolean;
  /** Rounds per figure: at least 3. */
  rounds: number;
  /** Seconds of load per round for throughput figures (wrk `-d`). */
  seconds: number;
  /** Prints a progress line (stderr), so a long run shows where it is. */
  log(line: string): void;
}

/** One figure: its value in each round (the report shows the median and the spread). */
export interface Figure {
  /** The group in the table: `tiles`, `features`, `ingest` … */
  workload: string;
  /** What was measured, e.g. `z14 cameras hot tile — Yiping`. */
  name: string;
  /** `req/s`, `ms`, `KB`, `events/s` … */
  unit: string;
  /** One value per round. */
  rounds: number[];
  /** Context for the reader (concurrency, sizes, what the reference is). */
  note?: string;
}

/** One target of issue 15, met or not, as the JSON report's `targets` array holds it. */
export interface Target {
  /** e.g. `tiles: z14 cameras vs MapServer`. */
  name: string;
  /** The target in words, e.g. `≥ 2× MapServer`. */
  target: string;
  /** The measured value the target is judged on (a median ratio or figure); null when not measured. */
  value: number | null;
  /** Whether it is met; null when it could not be measured (see `detail`). */
  met: boolean | null;
  /** Why it was not measured, or what holds it back. */
  detail?: string;
}

/** What a workload brings back. */
export interface WorkloadResult {
  figures: Figure[];
  targets: Target[];
  /** Set when the whole workload was skipped, with the reason a person can act on. */
  skipped?: string;
}

/** One workload of the suite. */
export interface Workload {
  /** Short name for `--only`, e.g. `tiles`. */
  name: string;
  run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult>;
}

/**
 * Timing for the life-circle benchmark. Tasks compared with each other run interleaved —
 * round 1 of each, then round 2 of each … — so a change in the machine's load (other jobs on a
 * shared CI machine) falls on all of them alike and their ratio stays meaningful.
 */

/** One measured task: its median and range in milliseconds, and its last result. */
export interface Timed<T> {
  ms: number;
  min: number;
  max: number;
  rounds: number;
  /** Each round's milliseconds, in the order the rounds ran (for per-round ratios). */
  times: number[];
  result: T;
}

/** Work to time, with an optional untimed step before each round (and before the warm-up). */
export interface Task<T> {
  work: () => Promise<T> | T;
  prepare?: () => Promise<unknown>;
}

type Results<T extends readonly Task<unknown>[]> = {
  [K in keyof T]: Timed<Awaited<ReturnType<T[K]['work']>>>;
};

async function runOnce(task: Task<unknown>): Promise<{ ms: number; result: unknown }> {
  await task.prepare?.();
  const start = performance.now();
  const result = await task.work();
  return { ms: performance.now() - start, result };
}

function summarise<T>(times: number[], result: T): Timed<T> {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    ms: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    rounds: sorted.length,
    times,
    result,
  };
}

/**
 * Medians of `rounds` interleaved rounds of every task, after one warm-up round of each; the
 * results in the order of the tasks.
 */
export async function timeInterleaved<T extends readonly Task<unknown>[]>(
  tasks: readonly [...T],
  rounds: number,
): Promise<Results<T>> {
  const times = tasks.map(() => [] as number[]);
  const last: unknown[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    for (const [i, task] of tasks.entries()) {
      const { ms, result } = await runOnce(task);
      last[i] = result;
      if (round > 0) times[i]!.push(ms);
    }
  }
  return tasks.map((_, i) => summarise(times[i]!, last[i])) as Results<T>;
}

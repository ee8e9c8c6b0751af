/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order.
 * The live stream runs its reads through one, so a thousand subscribers catching up together
 * hold a bounded share of the connection pool and writers (report POSTs) are never starved.
 */
export interface Budget {
  /** Runs `task` once a slot is free; the slot is returned however `task` settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  active(): number;
  /** Tasks waiting for a slot. */
  waiting(): number;
}

/** A budget of `limit` concurrent tasks (at least one). */
export function createBudget(limit: number): Budget {
  const slots = Math.max(1, Math.floor(limit));
  let running = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const nextTask = queue.shift();
    if (nextTask) nextTask();
    else running -= 1;
  };
  const acquire = (): Promise<void> => {
    if (running < slots) {
      running += 1;
      return Promise.resolve();
    }
    // The slot passes straight from the releasing task to the next waiter.
    return new Promise((resolve) => queue.push(resolve));
  };
  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    active: () => running,
    waiting: () => queue.length,
  };
}

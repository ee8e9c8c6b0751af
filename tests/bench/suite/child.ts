import { fork, type ChildProcess } from 'node:child_process';

/**
 * Load generators run as their own Node processes, apart from the bench (and from the API, which
 * runs in its own process too), so their CPU shows as the client's, not the measurer's. The
 * parent talks to a child over Node's IPC channel: one request, one answer, in turn.
 */
export interface LoadChild {
  /** Sends `message` and resolves with the child's answer to it. */
  ask<T>(message: unknown): Promise<T>;
  /** Ends the child (it should exit on its own after its last answer). */
  stop(): Promise<void>;
}

/** Starts `file` (TypeScript, run with tsx) as a child process with an IPC channel. */
export function startLoadChild(file: string): LoadChild {
  const child: ChildProcess = fork(file, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let failed: Error | null = null;
  const waiting: { resolve(value: unknown): void; reject(error: Error): void }[] = [];
  child.on('message', (message) => {
    const pending = waiting.shift();
    const error = (message as { childError?: string }).childError;
    if (error) pending?.reject(new Error(`the load child ${file} failed: ${error}`));
    else pending?.resolve(message);
  });
  child.on('exit', (code) => {
    failed = new Error(`the load child ${file} exited (${code})`);
    for (const pending of waiting.splice(0)) pending.reject(failed);
  });
  return {
    ask<T>(message: unknown): Promise<T> {
      if (failed) return Promise.reject(failed);
      return new Promise<T>((resolve, reject) => {
        waiting.push({ resolve: resolve as (value: unknown) => void, reject });
        child.send(message as object);
      });
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The child's side: answers each message from the parent with `handle`'s result (or its
 * failure), one at a time.
 */
export function serveParent(handle: (message: unknown) => Promise<unknown>): void {
  let queue = Promise.resolve();
  process.on('message', (message) => {
    queue = queue.then(async () => {
      try {
        process.send!((await handle(message)) as object);
      } catch (error) {
        process.send!({ childError: (error as Error).stack ?? String(error) });
      }
    });
  });
}

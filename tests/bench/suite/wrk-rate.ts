import { spawn } from 'node:child_process';

/** Requests a second wrk measured, and how many answers were not 2xx/3xx. */
export interface WrkRate {
  rate: number;
  failures: number;
}

/**
 * Runs wrk (`-t2 -c8`, the suite's equal concurrency) against one URL with an API key for
 * `seconds`, and reads its requests per second and failed answers.
 */
export function wrkRate(url: string, key: string, seconds: number): Promise<WrkRate> {
  const args = ['-t2', '-c8', `-d${seconds}s`, '-H', `Authorization: Bearer ${key}`, url];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const rate = /Requests\/sec:\s+([\d.]+)/.exec(text)?.[1];
      if (code !== 0 || !rate)
        return reject(new Error(`wrk failed (${code}): ${text.slice(-400)}`));
      const failures = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0);
      resolve({ rate: Number(rate), failures });
    });
  });
}

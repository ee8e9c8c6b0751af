/**
 * HTTP load with wrk (Debian's `wrk`), a separate process from the server it loads: a Lua
 * script cycles through the given paths with the given headers; the figure is requests per
 * second, refused when any answer was not 2xx/3xx or a socket failed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One wrk run. */
export interface WrkLoad {
  origin: string;
  /** Paths (with query) cycled in order by each wrk thread. */
  paths: readonly string[];
  headers?: Record<string, string>;
  seconds: number;
  /** Open connections (`-c`); 8 for equal-concurrency comparisons. */
  connections?: number;
  threads?: number;
}

/** What a wrk run measured. */
export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  /** Answers other than 2xx/3xx plus socket errors. */
  failures: number;
}

const lua = (string: string) => JSON.stringify(string);

function script(load: WrkLoad): string {
  const headers = Object.entries(load.headers ?? {})
    .map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(value)}`)
    .join('\n');
  return `${headers}
local paths = { ${load.paths.map(lua).join(', ')} }
local i = math.random(#paths) - 1
request = function()
  i = (i % #paths) + 1
  return wrk.format("GET", paths[i])
end
`;
}

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** Parses wrk's summary: throughput, request count, and failed answers or sockets. */
export function parseWrk(out: string): WrkResult {
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const total = /(\d+) requests in/.exec(out);
  if (!rate || !total) throw new Error(`wrk gave no summary:\n${out}`);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requestsPerSecond: Number(rate[1]),
    requests: Number(total[1]),
    failures: non2xx + socketErrors,
  };
}

/** Runs wrk; throws when any request failed, so a broken endpoint never passes as fast. */
export async function runWrk(load: WrkLoad): Promise<WrkResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'yp-wrk-'));
  try {
    const file = path.join(dir, 'load.lua');
    await writeFile(file, script(load));
    const connections = load.connections ?? 8;
    const { code, out } = await run([
      `-c${connections}`,
      `-t${Math.min(load.threads ?? 2, connections)}`,
      `-d${load.seconds}s`,
      '--timeout',
      '60s',
      '-s',
      file,
      `${load.origin}${load.paths[0]}`,
    ]);
    if (code !== 0) throw new Error(`wrk exited ${code}:\n${out}`);
    const result = parseWrk(out);
    if (result.failures > 0) {
      const sample = await fetch(`${load.origin}${load.paths[0]}`, { headers: load.headers }).then(
        async (response) => `HTTP ${response.status} ${(await response.text()).slice(0, 200)}`,
        (error: Error) => error.message,
      );
      throw new Error(
        `${result.failures} of ${result.requests} requests failed (${load.paths[0]} now: ${sample})`,
      );
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

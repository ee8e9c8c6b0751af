import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Runs the drills — every `tests/drills/<name>.ts` but this runner and `support.ts` — one after
 * another, each as its own process: on the embedded database always, and on the PostgreSQL
 * server too when `DATABASE_URL` is set. Their output streams through as it comes; at the end
 * every drill's summary line (and the failures listed under it) is printed again, and the exit
 * code is non-zero when any drill failed or ended without its summary line. Whether a drill has
 * anything to do on a database is the drill's own business.
 *
 *   npm run drill [-- --short] [-- <name> …]      e.g. npm run drill -- --short load
 */
const DRILLS_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(DRILLS_DIR, '..', '..');
const NOT_DRILLS = ['run.ts', 'support.ts'];

interface Outcome {
  /** The summary line and the failure lines printed under it. */
  lines: string[];
  passed: boolean;
}

function availableDrills(): string[] {
  return readdirSync(DRILLS_DIR)
    .filter((file) => file.endsWith('.ts') && !NOT_DRILLS.includes(file))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

function runDrill(name: string, db: string, short: boolean): Promise<Outcome> {
  const args = ['--import', 'tsx', join(DRILLS_DIR, `${name}.ts`), '--db', db];
  if (short) args.push('--short');
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let inSummary = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    if (/^drill \S+ \[/.test(line)) {
      lines.push(line);
      inSummary = true;
    } else if (inSummary && /^ {2}[✗…]/.test(line)) {
      lines.push(line);
    } else {
      inSummary = false;
    }
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const summary = lines.find((line) => line.startsWith('drill '));
      if (!summary) {
        const form = short ? ' short' : '';
        lines.unshift(
          `drill ${name} [${db}${form}]: FAIL — ended (${code ?? signal}) without its summary line`,
        );
      }
      const passed = code === 0 && !!summary && !summary.includes(': FAIL');
      resolve({ lines, passed });
    });
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const short = args.includes('--short');
  const available = availableDrills();
  const asked = args.filter((arg) => !arg.startsWith('--'));
  const unknown = asked.filter((name) => !available.includes(name));
  if (unknown.length) {
    process.stderr.write(`No drill named ${unknown.join(', ')}; drills: ${available.join(', ')}\n`);
    return 2;
  }
  const drills = asked.length ? asked : available;
  const databases = process.env.DATABASE_URL ? ['embedded', 'server'] : ['embedded'];
  const outcomes: Outcome[] = [];
  for (const name of drills) {
    for (const db of databases) {
      const started = Date.now();
      process.stdout.write(`\n=== drill ${name} on ${db}${short ? ' (short)' : ''}\n`);
      const outcome = await runDrill(name, db, short);
      const took = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(
        `=== drill ${name} on ${db}: ${outcome.passed ? 'passed' : 'FAILED'} in ${took} s\n`,
      );
      outcomes.push(outcome);
    }
  }
  process.stdout.write('\n=== drill summaries\n');
  for (const outcome of outcomes) process.stdout.write(`${outcome.lines.join('\n')}\n`);
  return outcomes.every((outcome) => outcome.passed) ? 0 : 1;
}

process.exitCode = await main();

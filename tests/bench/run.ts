/**
 * The benchmark suite: `npm run bench [-- --quick] [--json FILE] [--only tiles,ingest]`.
 * Every workload runs on the district data, interleaved with its references in the same run, in
 * at least three rounds; the report gives medians with spreads and each target met or not.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openBenchEnv } from './suite/env';
import { formatReport } from './suite/report';
import type { BenchOptions, Figure, Target, Workload } from './suite/types';
import { WORKLOADS } from './suite/workloads';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
  },
});

const log = (line: string) => process.stderr.write(line + '\n');
const options: BenchOptions = {
  quick: values.quick,
  rounds: 3,
  seconds: values.quick ? 2 : 5,
  log,
};
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !WORKLOADS.some((workload) => workload.name === name));
if (unknown?.length) {
  log(`Unknown workload ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  process.exit(2);
}
const chosen: Workload[] = WORKLOADS.filter((workload) => !only || only.includes(workload.name));

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)} at start`;
log(`一屏 Yiping benchmark${options.quick ? ' (quick)' : ''}: ${machine}`);
const env = await openBenchEnv(log);
// Interrupted (Ctrl+C, a CI timeout): stop the API processes and servers the bench started.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping what the bench started…`);
    void env.close().finally(() => process.exit(130));
  });
}
const figures: Figure[] = [];
const targets: Target[] = [];
const skipped: { workload: string; reason: string }[] = [];
try {
  for (const workload of chosen) {
    log(`\n== ${workload.name}`);
    try {
      const result = await workload.run(env, options);
      figures.push(...result.figures);
      targets.push(...result.targets);
      if (result.skipped) skipped.push({ workload: workload.name, reason: result.skipped });
    } catch (error) {
      const reason = `failed: ${(error as Error).stack ?? String(error)}`;
      log(`  ${workload.name} ${reason}`);
      skipped.push({ workload: workload.name, reason });
    }
  }
} finally {
  await env.close();
}

const table = formatReport(figures, targets);
process.stdout.write(`\nMachine: ${machine}\n${table}\n`);
for (const { workload, reason } of skipped)
  process.stdout.write(`skipped ${workload}: ${reason}\n`);
if (values.json) {
  const report = {
    machine,
    quick: options.quick,
    date: new Date().toISOString(),
    figures,
    targets,
    skipped,
  };
  await writeFile(values.json, JSON.stringify(report, null, 2) + '\n');
  log(`Report written to ${values.json}`);
}

import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config';
import { openDatabase } from '../api/db/database';
import { systemClock } from '../api/domain/clock';
import { replaceDistrict } from '../api/use-cases/imports/district';
import {
  DistrictManifestSchema,
  type DistrictManifest,
} from '../api/use-cases/imports/district-manifest';
import { describeOutcome } from '../api/use-cases/imports/district-report';

const USAGE = `Usage: npm run import:district -- [--discard-operational] manifest.json

Replaces the whole district (admin areas, grids, members, buildings, roads, water, service
points, cameras) with the files listed in manifest.json (paths relative to it), in one
transaction: any missing, unreadable or invalid file changes nothing. Incidents, IoT devices and
scenarios that refer to areas or members the new district lacks make it refuse, listing them;
--discard-operational deletes them (audited). Stop running API instances first when discarding.`;

/** Reads the manifest and every file it lists (a file that is not there is simply left out). */
async function readDistrictFolder(
  manifestPath: string,
): Promise<{ manifest: DistrictManifest; files: Map<string, Uint8Array> }> {
  const text = await readFile(manifestPath, 'utf8');
  const parsed = DistrictManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`清单无效 / ${manifestPath} is not a valid manifest:\n${issues.join('\n')}`);
  }
  const files = new Map<string, Uint8Array>();
  for (const f of parsed.data.files) {
    const bytes = await readFile(path.resolve(path.dirname(manifestPath), f.file)).catch(
      () => null,
    );
    if (bytes) files.set(f.file, new Uint8Array(bytes));
  }
  return { manifest: parsed.data, files };
}

/** `npm run import:district`: replaces the district from a folder of files. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'discard-operational': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(USAGE + '\n');
  if (positionals.length !== 1) throw new Error('Give exactly one manifest.json.');
  const { manifest, files } = await readDistrictFolder(positionals[0]!);
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const outcome = await replaceDistrict(db.pool, manifest, files, `cli:${userInfo().username}`, {
      now: systemClock.now(),
      discardOperational: values['discard-operational'],
      onProgress: (file, p) => {
        if (p.stage === 'writing' && p.done === p.total) {
          process.stdout.write(`  ${file.file}: ${p.total} 条 rows\n`);
        }
      },
    });
    process.stdout.write(describeOutcome(outcome).join('\n') + '\n');
    if (outcome.status !== 'replaced') process.exitCode = outcome.status === 'refused' ? 3 : 2;
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  process.exit(1);
});

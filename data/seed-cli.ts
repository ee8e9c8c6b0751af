import { parseArgs } from 'node:util';
import { loadConfig } from '../api/config';
import { SEED_SCALES, type SeedScale } from '../api/contract/codes';
import { openDatabase } from '../api/db/database';
import { systemClock } from '../api/domain/clock';
import { createProgressPrinter } from './progress';
import { seedDemo } from './seed';

const USAGE = `Usage: npm run seed -- [--scale small|district|city] [--seed N] [--force]

Seeds the synthetic demo district into the configured database (DATABASE_URL, or the embedded
database in YIPING_DATA_DIR). Without --force an existing finished seed is kept.`;

/** `npm run seed`: (re)generates the demo district outside the server. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(USAGE + '\n');
  const config = loadConfig();
  const scale = (values.scale ?? config.seedScale) as SeedScale;
  if (!SEED_SCALES.includes(scale))
    throw new Error(`--scale must be one of ${SEED_SCALES.join(', ')}`);
  const seed = values.seed === undefined ? config.seed : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const started = performance.now();
    const result = await seedDemo(db, {
      scale,
      seed,
      now: systemClock.now(),
      force: values.force,
      onProgress: createProgressPrinter(),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      result === 'kept'
        ? 'A finished seed is already there; use --force to replace it.\n'
        : `Seeded the ${scale} district (seed ${seed}) in ${seconds} s.\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  process.exit(1);
});

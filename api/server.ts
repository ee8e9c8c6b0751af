import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
// The process entry point is the one place in api/ allowed to reach data/: it seeds the demo
// district on first start (README, decision 4).
import { createProgressPrinter } from '../data/progress';
import { seedDemo } from '../data/seed';
import { warmAnalysis, createAnalysisEngine } from './use-cases/analysis/engine';
import { createApp, systemClock, type Clock } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { ensureBootstrapKey } from './db/api-keys';
import { ensureFirstAdmin } from './db/first-admin';
import { openDatabase, type Database } from './db/database';
import { hasEmbeddedData } from './db/embedded';
import { startSlaSweeper } from './use-cases/incidents/sla-sweep';
import { createStreamHub } from './stream/hub';
import { startSimulator } from '../data/simulator/run';
import { scopedRunner } from './db/scoped';
import { createLogger } from './log';
import type { Readiness } from './routes/health';
import { ensureWebBuilt, WEB_DIST } from './web-build';

const say = (line: string) => process.stdout.write(line + '\n');

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const clock = systemClock;
  const log = createLogger(config.log, clock);
  const where = config.databaseUrl
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PostGIS in ${config.dataDir}`;
  say(`一屏 Yiping — starting with the ${where}`);
  const webBuilt = config.serveWeb
    ? ensureWebBuilt(() => say('  构建前端 Building the web app…'))
    : Promise.resolve();
  const fresh = !config.databaseUrl && !hasEmbeddedData(config.dataDir);
  say(
    fresh
      ? '  创建数据库 Creating the embedded PostgreSQL + PostGIS database (first start, about 15 s)…'
      : '  启动数据库 Opening the database and applying migrations…',
  );
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    queryTimeoutMs: config.databaseQueryTimeoutMs,
  });
  say(
    `  数据库就绪 Database ready (PostGIS ${db.capabilities.postgisVersion}, ST_AsMVT ${db.capabilities.mvt ? 'yes' : 'no: JS tile encoder'})`,
  );
  await webBuilt;

  const readiness: Readiness = { phase: 'starting' };
  // On a server, LISTEN brings other instances' events at once; the poll is the safety net.
  const hub = createStreamHub({
    pool: db.pool,
    listen: db.kind === 'server',
    pollMs: db.kind === 'server' ? 2000 : 500,
    log,
  });
  const analysis = createAnalysisEngine(db.pool);
  const app = createApp({
    db,
    config,
    clock,
    log,
    readiness,
    hub,
    analysis,
    webDir: config.serveWeb ? WEB_DIST : undefined,
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const seeding = new AbortController();
  let firstPassword: string | null = null;
  const work = (async () => {
    await seedIfNeeded(db, config, clock, seeding.signal);
    if (config.bootstrapAdminKey) await ensureBootstrapKey(db.pool, config.bootstrapAdminKey);
    firstPassword = await ensureFirstAdmin(db.pool, clock.now());
  })();
  const jobs: (() => Promise<void>)[] = [];
  jobs.push(() => hub.stop());
  const stop = installShutdown({ server, db, readiness, seeding, work, jobs, log });
  try {
    await work;
  } catch (error) {
    if (seeding.signal.aborted) return;
    throw Object.assign(error as Error, { stop });
  }
  // Ahead of the first planner; if it fails, the first request builds it (and reports why).
  await warmAnalysis(analysis).then(
    (built) => say(`  生活圈分析 Life-circle analysis: ${built}`),
    (error: unknown) => log.warn(`life-circle analysis not warmed: ${(error as Error).message}`),
  );
  jobs.push(
    startSlaSweeper({
      pool: db.pool,
      clock,
      seconds: config.incidents.slaSweepSeconds,
      log,
      onEvents: hub.wake,
    }),
  );
  if (config.simulator) {
    jobs.push(
      startSimulator({
        pool: db.pool,
        scoped: scopedRunner(db.pool),
        clock,
        settings: config.incidents,
        log,
        onEvents: hub.wake,
        incidentsPerMinute: config.simulatorIncidentsPerMinute,
        patrols: 40,
        reportEverySeconds: 20,
        seed: config.seed,
      }),
    );
    say(
      `  模拟器 Simulator on: about ${config.simulatorIncidentsPerMinute} new incidents a minute, 40 patrolling members (YIPING_SIMULATOR=off to stop it).`,
    );
  }
  readiness.phase = 'ready';
  const port = (server.address() as AddressInfo).port;
  say(`\n  一屏 Yiping is ready: http://${config.host}:${port}/`);
  say(signInHelp(config, firstPassword));
  say('  Stop with Ctrl+C (the database is closed cleanly).\n');
}

/** How to sign in, shown at every start; a first admin's password appears only once. */
function signInHelp(config: Config, firstPassword: string | null): string {
  const lines = firstPassword
    ? [
        `  登录 Sign in as  admin  with password  ${firstPassword}`,
        '  (shown only this once: note it, then add accounts with `npm run user -- add …`).',
      ]
    : [
        '  登录 Sign in with your account (`npm run user -- list`; add one with `npm run user -- add …`).',
      ];
  if (config.bootstrapAdminKey) {
    lines.push(
      '  Or use the API key in YIPING_BOOTSTRAP_ADMIN_KEY (log-in page → API 密钥, or Bearer).',
    );
  }
  return lines.join('\n');
}

async function seedIfNeeded(
  db: Database,
  config: Config,
  clock: Clock,
  signal: AbortSignal,
): Promise<void> {
  const started = performance.now();
  const result = await seedDemo(db, {
    scale: config.seedScale,
    seed: config.seed,
    now: clock.now(),
    signal,
    onProgress: createProgressPrinter(),
  });
  if (result === 'reseeded') {
    say('  上次生成被中断 The previous seed was interrupted; it was cleared and redone.');
  }
  if (result === 'kept') {
    say(
      '  已有演示数据 Reusing the seeded data (run `npm run seed -- --scale … --force` to reseed).',
    );
  } else {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(`  演示数据已生成 Seeded the synthetic ${config.seedScale} demo district in ${seconds} s.`);
  }
}

interface Running {
  server: ReturnType<typeof serve>;
  db: Database;
  readiness: Readiness;
  seeding: AbortController;
  /** Start-up work that must settle before the database closes. */
  work: Promise<void>;
  /** Background jobs started after start-up (SLA sweep, simulator): each returns its stop. */
  jobs: (() => Promise<void>)[];
  log: ReturnType<typeof createLogger>;
}

/**
 * SIGINT/SIGTERM: stop accepting, let requests and an interrupted seed batch finish, then close
 * the pool and PGlite so the data directory is never left half-written.
 */
function installShutdown({
  server,
  db,
  readiness,
  seeding,
  work,
  jobs,
  log,
}: Running): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      readiness.phase = 'stopping';
      seeding.abort();
      await work.catch(() => undefined);
      await Promise.all(jobs.map((stopJob) => stopJob()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const force = setTimeout(
        () => (server as { closeAllConnections?: () => void }).closeAllConnections?.(),
        5000,
      );
      await closed;
      clearTimeout(force);
      await db.close();
      log.info('stopped cleanly');
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`\n  ${signal}: stopping — finishing requests and closing the database…`);
      stop().then(
        () => process.exit(0),
        (error: Error) => {
          process.stderr.write(`Shutdown failed: ${error.message}\n`);
          process.exit(1);
        },
      );
    });
  }
  return stop;
}

main().catch((error: Error & { stop?: () => Promise<void> }) => {
  process.stderr.write(`\n一屏 Yiping could not start: ${error.message}\n`);
  const done = error.stop ? error.stop() : Promise.resolve();
  void done.finally(() => process.exit(1));
});

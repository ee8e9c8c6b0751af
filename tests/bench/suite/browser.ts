/**
 * The `browser` workload: the wall screen in headless Debian Chromium (SwiftShader, no GPU) with
 * 10,000 and 100,000 incidents — milliseconds from navigation to the first frame with every
 * panel, layer and basemap tile in place, and one status-filter change — interleaved round by
 * round with a bare deck.gl page drawing the same points over MapLibre without basemap tiles.
 * The app runs as its own API process on its own database (`<bench database>_wall`), so the
 * synthetic incidents never reach the shared one. Issue 15 names no target here: figures only.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../e2e/support/browser';
import { bareRound, type PageRound, wallRound, wallSession } from './browser/measure';
import { buildPages, serveBarePage, wallWindowItems, type BarePage } from './browser/pages';
import {
  prepareWallDatabase,
  setSyntheticIncidents,
  wallDatabaseUrl,
} from './browser/wall-database';
import type { BenchEnv } from './env';
import { ratios } from './stats';
import type { BenchOptions, Figure, WorkloadResult } from './types';

const SIZES = [10_000, 100_000] as const;
const CHROMIUM = '/usr/bin/chromium';
const WEB = { YIPING_SERVE_WEB: 'on' };

const figure = (name: string, unit: string, rounds: number[], note?: string): Figure => ({
  workload: 'browser',
  name,
  unit,
  rounds,
  ...(note ? { note } : {}),
});

function sizeFigures(size: number, ours: PageRound[], bare: PageRound[], total: number): Figure[] {
  const label = `${size / 1000}k incidents`;
  const pick = (rounds: PageRound[], key: 'loadMs' | 'dataMs' | 'filterMs') =>
    rounds.map((r) => r[key]);
  const drawn = `wall layer ${ours[0]!.before} → ${ours[0]!.after} points, bare ${bare[0]!.before} → ${bare[0]!.after}; ${total} incidents in the database`;
  return [
    figure(
      `first full render, ${label} — Yiping`,
      'ms',
      pick(ours, 'loadMs'),
      'wall screen, fresh cache',
    ),
    figure(
      `  of which until the wall has its data, ${label}`,
      'ms',
      pick(ours, 'dataMs'),
      'layers, incidents, overview loaded and the district drawn; tiles and points later',
    ),
    figure(
      `first full render, ${label} — bare deck.gl`,
      'ms',
      pick(bare, 'loadMs'),
      'same points, no basemap',
    ),
    figure(
      `first full render, ${label}: Yiping ÷ bare`,
      '×',
      ratios(pick(ours, 'loadMs'), pick(bare, 'loadMs')),
    ),
    figure(
      `filter change, ${label} — Yiping`,
      'ms',
      pick(ours, 'filterMs'),
      'status → 未办结, to the 2nd frame',
    ),
    figure(
      `filter change, ${label} — bare deck.gl`,
      'ms',
      pick(bare, 'filterMs'),
      'open points only',
    ),
    figure(
      `filter change, ${label}: Yiping ÷ bare`,
      '×',
      ratios(pick(ours, 'filterMs'), pick(bare, 'filterMs')),
      drawn,
    ),
  ];
}

/** One size: incidents in place, a fresh API on them, rounds of the wall then the bare page. */
async function measureSize(
  env: BenchEnv,
  options: BenchOptions,
  setup: { url: string; browser: Browser; bare: BarePage; size: number },
): Promise<Figure[]> {
  const { url, browser, bare, size } = setup;
  options.log(`  ${size} synthetic incidents in ${new URL(url).pathname.slice(1)}…`);
  const total = await setSyntheticIncidents(url, size);
  const api = await env.startApi({ databaseUrl: url, env: WEB });
  try {
    bare.setPoints(await wallWindowItems(api.origin, env.adminKey));
    const session = await wallSession(browser, api.origin, env.adminKey);
    const ours: PageRound[] = [];
    const reference: PageRound[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      ours.push(await wallRound(browser, api.origin, session));
      reference.push(await bareRound(browser, bare.origin));
      const [o, b] = [ours.at(-1)!, reference.at(-1)!];
      options.log(
        `  round ${round + 1}: wall ${Math.round(o.loadMs)} ms, bare ${Math.round(b.loadMs)} ms`,
      );
    }
    return sizeFigures(size, ours, reference, total);
  } finally {
    await api.stop();
  }
}

async function run(env: BenchEnv, options: BenchOptions): Promise<WorkloadResult> {
  if (!existsSync(CHROMIUM)) {
    const reason = env.ensurePackages(['chromium']);
    if (reason)
      return { figures: [], targets: [], skipped: `no Chromium at ${CHROMIUM}: ${reason}` };
  }
  options.log('  building the app and the bare deck.gl page with Vite…');
  await buildPages();
  const url = wallDatabaseUrl(env.databaseUrl);
  await prepareWallDatabase(url);
  options.log('  first start on the wall database (seeds the district when it is new)…');
  await (await env.startApi({ databaseUrl: url })).stop();
  const browser = await launchChromium();
  const bare = await serveBarePage();
  try {
    const figures: Figure[] = [];
    for (const size of SIZES) {
      figures.push(...(await measureSize(env, options, { url, browser, bare, size })));
    }
    return { figures, targets: [] };
  } finally {
    await bare.close();
    await browser.close();
    await setSyntheticIncidents(url, 0).catch((error: Error) =>
      options.log(`  removing the synthetic incidents failed: ${error.message}`),
    );
  }
}

/** The workload as the suite registers it. */
export const browserWorkload = { name: 'browser', run };

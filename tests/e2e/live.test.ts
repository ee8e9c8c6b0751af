import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedPage } from './support/browser';
import { openWall, type WallSession } from './support/open-wall';
import type { TestServer } from './support/server';
import { deckLayer, jumpTo, pickedCount } from './support/wall';

let wall: WallSession;
let server: TestServer;
let visit: RecordedPage;

/** Codes of the incidents the feed lists right now. */
function listedIncidents(): Promise<string[]> {
  return visit.page
    .locator('.incident-feed [data-incident-code]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident-code') ?? ''));
}

beforeAll(async () => {
  wall = await openWall({
    name: 'live',
    env: { YIPING_SIMULATOR: 'on', YIPING_SIMULATOR_INCIDENTS_PER_MINUTE: '60' },
  });
  ({ server, visit } = wall);
});

afterAll(() => wall?.close());

describe('the wall screen with the simulator on', () => {
  it('lists incidents as they are reported, without reloading the page', async () => {
    const first = new Set(await listedIncidents());
    await visit.page.waitForFunction(
      (known) =>
        [...document.querySelectorAll('.incident-feed [data-incident-code]')].filter(
          (row) => !known.includes(row.getAttribute('data-incident-code') ?? ''),
        ).length >= 2,
      [...first],
      { timeout: 120_000, polling: 1_000 },
    );
    const live = await visit.page.evaluate(() => window.yipingLive);
    expect(live?.events).toBeGreaterThan(0);
    expect(visit.page.url()).toBe(server.url);
  });

  it('draws patrolling members with the trails their reports leave', async () => {
    // A trail needs two reports of a member since the page opened (one every 20 s).
    await expect
      .poll(async () => (await deckLayer(visit.page, 'deck-member-trails'))?.length ?? 0, {
        timeout: 120_000,
        interval: 2_000,
      })
      .toBeGreaterThan(0);
    // Trails are street detail (at district zoom members are sparse dots): go where one walks.
    const head = await visit.page.evaluate(() => {
      const overlay = window.yipingOverlay as unknown as {
        _deck: { props: { layers: unknown[] } };
      };
      const layers = overlay._deck.props.layers.flat(Infinity) as {
        id: string;
        props: { data: { path: [number, number][] }[] };
      }[];
      return layers.find((l) => l.id === 'deck-member-trails')?.props.data[0]?.path.at(-1);
    });
    if (!head) throw new Error('no trail');
    await jumpTo(visit.page, head, 16);
    expect(await deckLayer(visit.page, 'deck-member-trails')).toMatchObject({ visible: true });
    expect(await pickedCount(visit.page, 'deck-members')).toBeGreaterThan(0);
  });
});

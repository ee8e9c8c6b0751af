import { area, centroid, difference, featureCollection, intersect } from '@turf/turf';
import type { Polygon } from 'geojson';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../../api/contract/quality';
import { checkGridTopology } from '../../../api/db/grid-quality';
import { useTestDatabase } from '../support/db';
import {
  asFeature,
  moveGrid,
  neighboursAcross,
  neighboursWithin,
  readCommunity,
  readGrids,
  shrinkGrid,
  strand,
  straddle,
} from './plant';

const db = useTestDatabase();

/** Runs `work` on planted faults inside a transaction that is always rolled back. */
async function withPlanted<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db().pool.connect();
  await client.query('BEGIN');
  try {
    return await work(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

const community = (gridCode: string) => gridCode.slice(0, 12);

/** turf's area of a report geometry (a polygon or several). */
const areaOf = (geometry: AreaGeometry) =>
  area({ type: 'Feature', properties: {}, geometry } as Parameters<typeof area>[0]);

/** Moves grid `a` 15 m towards grid `b` (a neighbour in another community). */
async function slideInto(client: pg.PoolClient, a: Polygon, b: Polygon, code: string) {
  const [ax, ay] = centroid(asFeature({ geometry: a })).geometry.coordinates as [number, number];
  const [bx, by] = centroid(asFeature({ geometry: b })).geometry.coordinates as [number, number];
  const length = Math.hypot(bx - ax, by - ay);
  const step = 0.00015 / length;
  return moveGrid(client, code, (bx - ax) * step, (by - ay) * step);
}

/** Plants every kind of fault in four different communities and returns what was planted. */
async function plantFaults(client: pg.PoolClient) {
  const before = await readGrids(client);
  const geometryOf = (code: string) => before.find((grid) => grid.code === code)!.geometry;
  const across = await neighboursAcross(client);
  const within = await neighboursWithin(client, [across.a, across.b]);
  const busy = new Set([across.a, across.b, within.a].map(community));
  const shrunk = before.find((grid) => !busy.has(grid.community))!;
  const moved = await slideInto(client, geometryOf(across.a), geometryOf(across.b), across.a);
  const shrunkTo = await shrinkGrid(client, shrunk.code, 0.0002);
  return {
    before,
    across,
    within,
    moved,
    shrunk,
    gapArea: area(asFeature(shrunk)) - area(asFeature({ geometry: shrunkTo })),
    stranded: await strand(client, shrunk.code, shrunk.geometry),
    straddling: await straddle(client, within.a, within.b),
  };
}

describe('grid topology check', () => {
  it('reports the seeded district clean', async () => {
    const report = await checkGridTopology(db().pool);
    expect(report).toEqual({ gaps: [], overlaps: [], outside: [], buildings: [], clean: true });
  });

  it('finds a planted gap with its community and area', async () => {
    await withPlanted(async (client) => {
      const planted = await plantFaults(client);
      const report = await checkGridTopology(client);
      expect(report.clean).toBe(false);
      const gap = report.gaps.find((item) => item.communityCode === planted.shrunk.community);
      expect(gap).toBeDefined();
      expect(gap!.areaM2).toBeGreaterThan(planted.gapArea * 0.99);
      expect(gap!.areaM2).toBeLessThan(planted.gapArea * 1.01);
      expect(Math.abs(areaOf(gap!.geometry) / planted.gapArea - 1)).toBeLessThan(0.01);
    });
  });

  it('finds every overlap of a moved grid, across communities, with turf’s areas', async () => {
    await withPlanted(async (client) => {
      const planted = await plantFaults(client);
      const report = await checkGridTopology(client);
      const expected = planted.before
        .filter((grid) => grid.code !== planted.across.a)
        .map((grid) => {
          const shared = intersect(
            featureCollection([asFeature(grid), asFeature({ geometry: planted.moved })]),
          );
          return { code: grid.code, area: shared ? area(shared) : 0 };
        })
        .filter((pair) => pair.area >= 2);
      expect(expected.map((pair) => pair.code)).toContain(planted.across.b);
      for (const pair of expected) {
        const found = report.overlaps.find((o) => o.gridCodes.includes(pair.code));
        expect(found, pair.code).toBeDefined();
        expect(found!.gridCodes).toEqual([planted.across.a, pair.code].sort());
        expect(Math.abs(found!.areaM2 / pair.area - 1)).toBeLessThan(0.01);
      }
      expect(report.overlaps.every((o) => o.gridCodes.includes(planted.across.a))).toBe(true);
    });
  });

  it('finds the part of a moved grid outside its community', async () => {
    await withPlanted(async (client) => {
      const planted = await plantFaults(client);
      const outline = await readCommunity(client, community(planted.across.a));
      const beyond = difference(
        featureCollection([
          asFeature({ geometry: planted.moved }),
          asFeature({ geometry: outline }),
        ]),
      );
      const report = await checkGridTopology(client);
      expect(report.outside.map((item) => item.gridCode)).toEqual([planted.across.a]);
      expect(report.outside[0]!.communityCode).toBe(community(planted.across.a));
      expect(Math.abs(report.outside[0]!.areaM2 / area(beyond!) - 1)).toBeLessThan(0.01);
    });
  });

  it('finds a building in no grid and one across two grids', async () => {
    await withPlanted(async (client) => {
      const planted = await plantFaults(client);
      const { buildings } = await checkGridTopology(client);
      const stranded = buildings.find((b) => b.buildingId === planted.stranded);
      expect(stranded).toMatchObject({ problem: 'no_grid', gridCodes: [] });
      const straddling = buildings.find((b) => b.buildingId === planted.straddling);
      expect(straddling?.problem).toBe('several_grids');
      expect(straddling?.gridCodes).toEqual(
        expect.arrayContaining([planted.within.a, planted.within.b]),
      );
    });
  });

  it('checks only the communities asked for, and pairs reaching into them', async () => {
    await withPlanted(async (client) => {
      const planted = await plantFaults(client);
      const shrunkOnly = await checkGridTopology(client, {
        communityCodes: [planted.shrunk.community],
      });
      expect(shrunkOnly.gaps.length).toBeGreaterThan(0);
      expect(shrunkOnly.gaps.every((gap) => gap.communityCode === planted.shrunk.community)).toBe(
        true,
      );
      expect(shrunkOnly.outside).toEqual([]);
      const neighbour = await checkGridTopology(client, {
        communityCodes: [community(planted.across.b)],
      });
      expect(neighbour.overlaps.map((o) => o.gridCodes)).toContainEqual(
        [planted.across.a, planted.across.b].sort(),
      );
      expect(neighbour.outside).toEqual([]);
    });
  });
});

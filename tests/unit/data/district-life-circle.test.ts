import { describe, expect, it } from 'vitest';
import { completenessOf } from '../../../api/use-cases/analysis/completeness';
import { coverageOf } from '../../../api/use-cases/analysis/coverage';
import { buildModel, projectPoints } from '../../../api/use-cases/analysis/model';
import { SERVICE_CATEGORIES } from '../../../api/contract/codes';
import { categoryDistanceM } from '../../../api/contract/life-circle';
import { attachPoints } from '../../../api/domain/walking/attach';
import { walkingDistances } from '../../../api/domain/walking/shortest-paths';
import { adminAreaRows, gridRows } from '../../../data/district/admin-areas';
import { buildingRows } from '../../../data/district/buildings';
import { buildModel as buildDistrict } from '../../../data/district/model';
import { roadRows } from '../../../data/district/roads';
import { planServicePoints, servicePointRows } from '../../../data/district/service-points';

/**
 * The walking analysis on the generated demo district itself (district scale, the default seed),
 * built in memory from the generator's rows exactly as the API builds it from the tables.
 */
const district = buildDistrict(20240601, 'district', new Date('2026-06-01T00:00:00Z'));
const areas = [...adminAreaRows(district)];
const communityOfGrid = new Map([...gridRows(district)].map((g) => [g.code, g.community_code]));
const model = buildModel({
  versions: { roads: 1, buildings: 1, service_points: 1 },
  roads: [...roadRows(district)].map((r) => r.geom.coordinates as [number, number][]),
  buildings: [...buildingRows(district)].map((b) => {
    const ring = b.geom.coordinates[0]!.slice(0, -1);
    return {
      id: b.id,
      name: b.name,
      gridCode: b.grid_code,
      communityCode: communityOfGrid.get(b.grid_code)!,
      population: b.population,
      households: b.households,
      lng: ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
      lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length,
    };
  }),
  facilities: [...servicePointRows(district, planServicePoints(district))].map((p) => ({
    code: p.code,
    name: p.name,
    category: p.category,
    communityCode: p.community_code,
    lng: p.geom.coordinates[0]!,
    lat: p.geom.coordinates[1]!,
  })),
  areas: areas.map((a) => ({ code: a.code, name: a.name, level: a.level })),
});
const everyone = {
  area: null,
  include: new Uint8Array(model.buildings.length).fill(1),
  contains: () => true,
};

describe('the demo district’s life circle', () => {
  it('never covers more residents on foot than in a straight line', () => {
    for (const category of SERVICE_CATEGORIES) {
      for (const distance of [categoryDistanceM(category), 1000]) {
        const coverage = coverageOf(model, category, distance, everyone);
        expect(coverage.population.covered).toBeLessThanOrEqual(
          coverage.straightLine.population.covered,
        );
      }
    }
  });

  it('walks about 1.2–1.45 times the straight line, like a real city', () => {
    const ratios: number[] = [];
    const facilities = model.facilities.filter((_, i) => i % 10 === 0);
    const { x, y } = projectPoints(model.network, facilities);
    for (let f = 0; f < facilities.length; f++) {
      const source = attachPoints(model.network, [x[f]!], [y[f]!]);
      const walk = walkingDistances(model.network, source, model.buildingAttach, 2500);
      for (let b = 0; b < walk.length; b++) {
        const straight = Math.hypot(model.buildingX[b]! - x[f]!, model.buildingY[b]! - y[f]!);
        if (straight >= 300 && straight <= 2000 && Number.isFinite(walk[b]!))
          ratios.push(walk[b]! / straight);
      }
    }
    ratios.sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)]!;
    expect(ratios.length).toBeGreaterThan(10_000);
    expect(median).toBeGreaterThan(1.2);
    expect(median).toBeLessThan(1.45);
  });

  it('shows the thinly served villages as the gaps', () => {
    const villages = new Set(areas.filter((a) => a.kind === 'village').map((a) => a.code));
    const result = completenessOf(model, { circle: 'all', by: 'community' }, everyone);
    const reach = (row: (typeof result.rows)[number]) => {
      const shares = Object.values(row.categories);
      return shares.reduce((a, b) => a + b, 0) / shares.length;
    };
    const sorted = [...result.rows].sort((a, b) => reach(a) - reach(b));
    // Thin villages were left with few services; the ten worst-served communities are villages
    // bar at most one (a sprawling urban edge community can be as badly off).
    expect(
      sorted.slice(0, 10).filter((row) => villages.has(row.code)).length,
    ).toBeGreaterThanOrEqual(9);
    const mean = (rows: typeof result.rows) => rows.reduce((s, r) => s + reach(r), 0) / rows.length;
    const village = result.rows.filter((row) => villages.has(row.code));
    const urban = result.rows.filter((row) => !villages.has(row.code));
    expect(mean(village)).toBeLessThan(mean(urban) / 2);
  });
});

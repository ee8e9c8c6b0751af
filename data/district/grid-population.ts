import type { CommunityPlan, GridPlan, Layout } from './layout';
import { clamp } from './plane';
import type { Random } from './random';
import type { ScaleConfig } from './scales';

/**
 * Grid kinds and the demand side: which urban grids are shop grids (clustered around a few
 * commercial centres), and households, population and shops per grid.
 */

/** How close a grid is to the district centre, 1 at the centre falling to ~0.1 at the edge. */
export function centrality(grid: GridPlan): number {
  return Math.exp(-(grid.radius * grid.radius) / (2 * 0.45 * 0.45));
}

interface Centre {
  i: number;
  j: number;
  sigma: number;
}

/** The district centre plus one commercial centre per street, on an urban cell. */
function commercialCentres(config: ScaleConfig, layout: Layout, rng: Random): Centre[] {
  const centres: Centre[] = [{ i: config.columns / 2, j: config.rows / 2, sigma: 3 }];
  for (const street of layout.streets) {
    const urban = street.communityIndexes
      .map((c) => layout.communities[c])
      .filter((c): c is CommunityPlan => c !== undefined && c.kind === 'urban');
    if (urban.length === 0) continue;
    const { block } = rng.pick(urban);
    centres.push({
      i: rng.float(block.i0, block.i1),
      j: rng.float(block.j0, block.j1),
      sigma: rng.float(1.5, 2.5),
    });
  }
  return centres;
}

/** Marks the `config.shopGrids` urban grids nearest to a commercial centre as shop grids. */
export function assignShopGrids(config: ScaleConfig, layout: Layout, rng: Random): void {
  const centres = commercialCentres(config, layout, rng);
  const scored = layout.grids
    .filter((g) => g.kind === 'residential')
    .map((grid) => {
      let score = 0;
      for (const c of centres) {
        const d2 = (grid.i + 0.5 - c.i) ** 2 + (grid.j + 0.5 - c.j) ** 2;
        score = Math.max(score, Math.exp(-d2 / (2 * c.sigma * c.sigma)));
      }
      return { grid, score: score + rng.float(0, 0.15) };
    })
    .sort((a, b) => b.score - a.score || a.grid.index - b.grid.index);
  const count = Math.min(config.shopGrids, Math.floor(scored.length / 3));
  for (const { grid } of scored.slice(0, count)) grid.kind = 'shop';
}

function denseResidents(rng: Random): [number, number] {
  const households = rng.int(300, 500);
  const population = clamp(Math.round(households * rng.float(2.7, 3.3)), 1000, 1500);
  return [households, population];
}

function sparseResidents(config: ScaleConfig, rng: Random, grid: GridPlan): [number, number] {
  const mean = config.residentsPerResidentialGrid * (0.75 + 0.5 * centrality(grid));
  const population = Math.max(40, Math.round(mean * Math.exp(rng.normal(0, 0.25))));
  return [Math.max(1, Math.round(population / rng.float(2.5, 3))), population];
}

function villageResidents(config: ScaleConfig, rng: Random): [number, number] {
  const population = Math.max(
    25,
    Math.round(config.residentsPerVillageGrid * Math.exp(rng.normal(0, 0.3))),
  );
  return [Math.max(1, Math.round(population / rng.float(2.8, 3.4))), population];
}

function shopResidents(config: ScaleConfig, rng: Random): [number, number] {
  const households = config.denseGrids ? rng.int(30, 120) : rng.int(3, 24);
  return [households, Math.round(households * rng.float(2.3, 2.9))];
}

/** Fills households, population and shops for every grid. */
export function assignResidents(config: ScaleConfig, layout: Layout, rng: Random): void {
  for (const grid of layout.grids) {
    let figures: [number, number];
    if (grid.kind === 'shop') figures = shopResidents(config, rng);
    else if (grid.kind === 'village') figures = villageResidents(config, rng);
    else if (config.denseGrids) figures = denseResidents(rng);
    else figures = sparseResidents(config, rng, grid);
    [grid.households, grid.population] = figures;
    const mean = config.meanShopsPerShopGrid;
    grid.shops =
      grid.kind === 'shop' ? Math.round(clamp(rng.normal(mean, mean * 0.3), 10, mean * 3)) : 0;
  }
}

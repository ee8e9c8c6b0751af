/**
 * Coverage arithmetic over buildings, the demand side: who lives within a distance, in total
 * and per grid. Pure: distances in, figures out.
 */

/** Buildings as the analysis sees them (parallel arrays, one entry per building). */
export interface Demand {
  readonly count: number;
  readonly population: Int32Array;
  readonly households: Int32Array;
  /** Index into `gridCodes` (sorted) of each building's grid. */
  readonly gridIndex: Int32Array;
  readonly gridCodes: readonly string[];
}

export interface CoverageFigures {
  population: { total: number; covered: number };
  households: { total: number; covered: number };
  uncoveredBuildings: number;
  byGrid: { code: string; population: number; covered: number; share: number }[];
}

/** Share with three decimals; 1 when nobody lives there (nobody is left out). */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 1000) / 1000;
}

/** Figures for the buildings where `include` is 1, covered when `distance[b] ≤ limit`. */
export function summariseCoverage(
  demand: Demand,
  distance: Float64Array,
  limit: number,
  include: Uint8Array,
): CoverageFigures {
  const gridTotal = new Float64Array(demand.gridCodes.length).fill(-1);
  const gridCovered = new Float64Array(demand.gridCodes.length);
  let population = 0,
    covered = 0,
    households = 0,
    coveredHouseholds = 0,
    uncovered = 0;
  for (let b = 0; b < demand.count; b++) {
    if (!include[b]) continue;
    const people = demand.population[b]!;
    const g = demand.gridIndex[b]!;
    population += people;
    households += demand.households[b]!;
    gridTotal[g] = Math.max(0, gridTotal[g]!) + people;
    if (distance[b]! <= limit) {
      covered += people;
      coveredHouseholds += demand.households[b]!;
      gridCovered[g]! += people;
    } else {
      uncovered++;
    }
  }
  const byGrid: CoverageFigures['byGrid'] = [];
  // gridCodes are sorted, so the rows come out in code order; -1 marks grids not asked about.
  demand.gridCodes.forEach((code, g) => {
    const total = gridTotal[g]!;
    if (total < 0) return;
    byGrid.push({
      code,
      population: total,
      covered: gridCovered[g]!,
      share: shareOf(gridCovered[g]!, total),
    });
  });
  return {
    population: { total: population, covered },
    households: { total: households, covered: coveredHouseholds },
    uncoveredBuildings: uncovered,
    byGrid,
  };
}

/** Residents of included buildings with `distance ≤ limit`. */
export function coveredPopulation(
  demand: Demand,
  distance: Float64Array,
  limit: number,
  include: Uint8Array,
): number {
  let covered = 0;
  for (let b = 0; b < demand.count; b++) {
    if (include[b] && distance[b]! <= limit) covered += demand.population[b]!;
  }
  return covered;
}

/**
 * Which buildings reach every one of `required` (each a distance array and its limit):
 * 1 where all are within their limits.
 */
export function reachesAll(
  count: number,
  required: readonly { distance: Float64Array; limit: number }[],
): Uint8Array {
  const out = new Uint8Array(count).fill(1);
  for (const { distance, limit } of required) {
    for (let b = 0; b < count; b++) if (distance[b]! > limit) out[b] = 0;
  }
  return out;
}

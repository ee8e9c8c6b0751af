import type { ServiceCategory } from '../../contract/codes';
import { reachesAll, shareOf } from './coverage';

/**
 * Life-circle completeness (生活圈完整度): the share of residents who reach every required
 * (basic) category within its circle's distance, per community or grid, and which categories
 * fall short where — the checklist planners otherwise fill in by hand.
 */

export interface Requirement {
  readonly category: ServiceCategory;
  readonly limit: number;
  readonly distance: Float64Array;
}

export interface CompletenessGroup {
  code: string;
  population: number;
  complete: number;
  share: number;
  categories: Record<string, number>;
  missing: ServiceCategory[];
}

/** A category is "missing" in a group when fewer than this share of its residents reach it. */
export const MISSING_BELOW = 0.5;

/** Completeness per group (`groupOf[b]` is building b's group) over the included buildings. */
export function completenessByGroup(
  population: Int32Array,
  groupOf: readonly string[],
  include: Uint8Array,
  required: readonly Requirement[],
): { population: number; complete: number; groups: CompletenessGroup[] } {
  const complete = reachesAll(population.length, required);
  const groups = new Map<string, { population: number; complete: number; reached: number[] }>();
  let total = 0,
    totalComplete = 0;
  for (let b = 0; b < population.length; b++) {
    if (!include[b]) continue;
    const people = population[b]!;
    const group = groups.get(groupOf[b]!) ?? {
      population: 0,
      complete: 0,
      reached: required.map(() => 0),
    };
    group.population += people;
    if (complete[b]) group.complete += people;
    required.forEach((r, k) => {
      if (r.distance[b]! <= r.limit) group.reached[k]! += people;
    });
    groups.set(groupOf[b]!, group);
    total += people;
    if (complete[b]) totalComplete += people;
  }
  const rows = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    population: total,
    complete: totalComplete,
    groups: rows.map(([code, g]) => {
      const shares = required.map(
        (r, k) => [r.category, shareOf(g.reached[k]!, g.population)] as const,
      );
      return {
        code,
        population: g.population,
        complete: g.complete,
        share: shareOf(g.complete, g.population),
        categories: Object.fromEntries(shares),
        missing: shares.filter(([, share]) => share < MISSING_BELOW).map(([category]) => category),
      };
    }),
  };
}

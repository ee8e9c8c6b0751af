import type { IncidentCategory, Severity } from '../../api/contract/codes';
import { REPORT_CATALOG, SOURCE_PREFIXES, type SimulatedSource } from './catalog';
import type { Random } from './random';

/** What a simulated reporter says, before the report is placed on the map. */
export interface ReportDraft {
  category: IncidentCategory;
  source: SimulatedSource;
  severity: Severity;
  description: string;
}

const CATEGORY_WEIGHTS = Object.fromEntries(
  Object.entries(REPORT_CATALOG).map(([category, spec]) => [category, spec.weight]),
) as Record<IncidentCategory, number>;

/** A report of a category drawn by the catalog's weights, its source and severity by the category's. Pure. */
export function draftReport(random: Random): ReportDraft {
  const category = random.weighted(CATEGORY_WEIGHTS);
  const spec = REPORT_CATALOG[category];
  const source = random.weighted(spec.sources);
  return {
    category,
    source,
    severity: random.weighted(spec.severities),
    description: SOURCE_PREFIXES[source] + random.pick(spec.descriptions),
  };
}

/** How many reports fall in `seconds` at `perMinute`: the whole part, plus one by chance for the rest. */
export function reportsDue(perMinute: number, seconds: number, random: Random): number {
  const expected = (perMinute * Math.max(0, seconds)) / 60;
  const whole = Math.floor(expected);
  return whole + (random.chance(expected - whole) ? 1 : 0);
}

/** A grid and how many people live in it (incidents happen where people are). */
export interface GridPopulation {
  code: string;
  population: number;
}

/**
 * Picks grids in proportion to their population (every grid at least a little: shop grids have
 * few residents but plenty of incidents). Pure: the randomness is a parameter.
 */
export function gridPicker(grids: readonly GridPopulation[]): (random: Random) => string {
  if (grids.length === 0) throw new Error('the simulator needs grids to report in');
  const cumulative: number[] = [];
  let total = 0;
  for (const grid of grids) {
    total += Math.max(grid.population, 50);
    cumulative.push(total);
  }
  return (random) => {
    const roll = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) > roll) high = mid;
      else low = mid + 1;
    }
    return (grids[low] as GridPopulation).code;
  };
}

import {
  INCIDENT_CATEGORIES,
  type IncidentCategory,
  type IncidentSource,
  type Severity,
} from '../../api/contract/codes';
import { describeReport, INCIDENT_CATALOG } from '../district/incident-catalog';
import type { Random } from '../district/random';

/** People report; IoT alarms come through their own façade (`POST /api/v1/iot/alarms`). */
export type SimulatedSource = Exclude<IncidentSource, 'iot'>;

/** What a simulated reporter says, before the report is placed on the map. */
export interface ReportDraft {
  category: IncidentCategory;
  source: SimulatedSource;
  severity: Severity;
  description: string;
}

const CATEGORY_WEIGHTS = INCIDENT_CATEGORIES.map((c) => INCIDENT_CATALOG[c].weight);

/** The catalogue's channels of a category without IoT, which the simulator does not play. */
function peopleSources(category: IncidentCategory): Record<SimulatedSource, number> {
  const sources = Object.entries(INCIDENT_CATALOG[category].sources);
  return Object.fromEntries(sources.filter(([source]) => source !== 'iot')) as Record<
    SimulatedSource,
    number
  >;
}

/**
 * A report drawn from the seeded history's catalogue (`data/district/incident-catalog.ts`): the
 * category by its weight, the source (a person's channel) and severity by the category's,
 * worded as its channel words it. Pure: the randomness is a parameter.
 */
export function draftReport(random: Random): ReportDraft {
  const category = INCIDENT_CATEGORIES[random.weightedIndex(CATEGORY_WEIGHTS)] as IncidentCategory;
  const spec = INCIDENT_CATALOG[category];
  const source = random.weightedKey(peopleSources(category));
  return {
    category,
    source,
    severity: random.weightedKey(spec.severities as Record<Severity, number>),
    description: describeReport(random, category, source),
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

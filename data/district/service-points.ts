import { SERVICE_CATEGORIES, type ServiceCategory } from '../../api/contract/codes';
import { centrality } from './grid-population';
import type { CommunityPlan, GridPlan, StreetPlan } from './layout';
import { gridAt, samplePointInGrid, streetOf, toPoint, type DistrictModel } from './model';
import { Random } from './random';
import type { ServicePointRow } from './rows';
import { SERVICE_CATALOG, THIN_VILLAGE_SHARE, type CategorySpec } from './service-catalog';

/**
 * Service points of the 15-minute life circle: counts planned per community (or per street for
 * hospitals and schools) from population and centrality, then placed in the community's grids.
 */

/** One planned service point: its category, community and number within both. */
export interface ServicePointPlan {
  readonly category: ServiceCategory;
  readonly communityIndex: number;
  readonly ordinal: number;
}

function communityPopulation(model: DistrictModel, community: CommunityPlan): number {
  return community.gridIndexes.reduce((sum, g) => sum + gridAt(model, g).population, 0);
}

function communityCentrality(model: DistrictModel, community: CommunityPlan): number {
  const grids = community.gridIndexes.map((g) => gridAt(model, g));
  return grids.reduce((sum, g) => sum + centrality(g), 0) / Math.max(1, grids.length);
}

/** Rounds an expectation up or down at random, keeping the mean and a small spread. */
function stochasticRound(rng: Random, expected: number): number {
  const whole = Math.floor(expected);
  return whole + (rng.chance(expected - whole) ? 1 : 0);
}

function communityCount(
  rng: Random,
  spec: CategorySpec,
  community: CommunityPlan,
  people: number,
  density: number,
  thin: boolean,
): number {
  if (spec.street) return 0;
  const base = community.kind === 'urban' ? spec.urban : thin ? spec.thin : spec.village;
  if (thin) return stochasticRound(rng, base);
  const extra = (spec.perTenThousand * people) / 10_000;
  return stochasticRound(rng, base + extra * (spec.commerce ? density : 1));
}

/** Street-level services go to the street's urban communities, weighted by population. */
function planStreet(
  model: DistrictModel,
  rng: Random,
  street: StreetPlan,
  people: number[],
  out: ServicePointPlan[],
): void {
  const members = street.communityIndexes;
  const urban = members.filter((c) => model.layout.communities[c]?.kind === 'urban');
  const hosts = urban.length > 0 ? urban : members;
  const streetPeople = members.reduce((sum, c) => sum + (people[c] ?? 0), 0);
  for (const category of SERVICE_CATEGORIES) {
    const spec = SERVICE_CATALOG[category];
    if (!spec.street) continue;
    const count = stochasticRound(rng, spec.urban + (spec.perTenThousand * streetPeople) / 10_000);
    for (let k = 0; k < count; k++) {
      const communityIndex = rng.weighted(
        hosts,
        hosts.map((c) => (people[c] ?? 0) + 1),
      );
      out.push({ category, communityIndex, ordinal: k + 1 });
    }
  }
}

/** Plans every service point; every category appears at least once. */
export function planServicePoints(model: DistrictModel): ServicePointPlan[] {
  const rng = new Random(model.seed, 'service-plan');
  const people = model.layout.communities.map((c) => communityPopulation(model, c));
  const out: ServicePointPlan[] = [];
  for (const community of model.layout.communities) {
    const thin = community.kind === 'village' && rng.chance(THIN_VILLAGE_SHARE);
    const density = 0.6 + 0.8 * communityCentrality(model, community);
    for (const category of SERVICE_CATEGORIES) {
      const spec = SERVICE_CATALOG[category];
      const count = communityCount(
        rng,
        spec,
        community,
        people[community.index] ?? 0,
        density,
        thin,
      );
      for (let k = 0; k < count; k++)
        out.push({ category, communityIndex: community.index, ordinal: k + 1 });
    }
  }
  for (const street of model.layout.streets) planStreet(model, rng, street, people, out);
  const busiest = people.indexOf(Math.max(...people));
  for (const category of SERVICE_CATEGORIES) {
    if (!out.some((p) => p.category === category))
      out.push({ category, communityIndex: busiest, ordinal: 1 });
  }
  return out;
}

function shortName(community: CommunityPlan): string {
  return community.name.replace(/(社区|村)$/, '');
}

function pointName(model: DistrictModel, plan: ServicePointPlan, community: CommunityPlan): string {
  const spec = SERVICE_CATALOG[plan.category];
  const label = community.kind === 'village' ? (spec.villageLabel ?? spec.label) : spec.label;
  const number = plan.ordinal > 1 ? String(plan.ordinal) : '';
  if (plan.category === 'middle_school' || plan.category === 'health_center') {
    const street = streetOf(model, community).name.replace(/街道$/, '');
    return `${street}${number ? `第${number}` : ''}${label}`;
  }
  if (plan.category === 'party_service_center') return `${community.name}${label}`;
  return `${shortName(community)}${label}${number}`;
}

function hostGrid(
  model: DistrictModel,
  rng: Random,
  community: CommunityPlan,
  commerce: boolean,
): GridPlan {
  const grids = community.gridIndexes.map((g) => gridAt(model, g));
  return rng.weighted(
    grids,
    grids.map((g) => g.population + (commerce ? g.shops * 20 : 0) + 10),
  );
}

/** Service point rows for a plan, codes `SP000001`…, in plan order. */
export function* servicePointRows(
  model: DistrictModel,
  plans: readonly ServicePointPlan[],
): Generator<ServicePointRow> {
  const rng = new Random(model.seed, 'service-points');
  let serial = 0;
  for (const plan of plans) {
    const community = model.layout.communities[plan.communityIndex] as CommunityPlan;
    const spec = SERVICE_CATALOG[plan.category];
    const grid = hostGrid(model, rng, community, spec.commerce === true);
    yield {
      code: `SP${String(++serial).padStart(6, '0')}`,
      name: pointName(model, plan, community),
      category: plan.category,
      street_code: streetOf(model, community).code,
      community_code: community.code,
      capacity: spec.capacity ? rng.int(spec.capacity[0], spec.capacity[1]) : null,
      opening_hours: spec.hours,
      geom: toPoint(model, samplePointInGrid(model, rng, grid, 20)),
    };
  }
}

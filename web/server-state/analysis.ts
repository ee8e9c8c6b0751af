import { queryOptions } from '@tanstack/react-query';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import {
  type BuildingAccessProperties,
  type Completeness,
  CompletenessSchema,
  type Coverage,
  CoverageSchema,
  type Demands,
  DemandsSchema,
  type SiteSuggestions,
  SiteSuggestionsSchema,
} from '../../api/contract/analysis';
import type { ServiceCategory } from '../../api/contract/codes';
import type { LifeCircle } from '../../api/contract/life-circle';
import { fetchJson, isRecord } from './http';
import { queryKeys } from './query-keys';

export type { BuildingAccessProperties, Completeness, Coverage, Demands, SiteSuggestions };

/** Where the analysis API lives. */
export const ANALYSIS_PATH = '/api/v1/analysis';

/** Facilities change only when a scenario is adopted, which invalidates every answer. */
const ANALYSIS_STALE_MS = 5 * 60_000;

/** What a coverage-like request asks: a category, a walking distance and an area (null: scope). */
export interface ReachParams {
  category: ServiceCategory;
  distance: number;
  area: string | null;
}

/** A building centroid with its walking distance to the nearest facility of the category. */
export type BuildingAccess = Feature<Point, BuildingAccessProperties>;
/** A reach polygon of a facility or point, `properties.distance` metres walked. */
export type ReachPolygon = Feature<Polygon | MultiPolygon, { distance: number }>;

/** A path under the analysis API with its query string; null and undefined values are left out. */
export function analysisUrl(
  path: string,
  params: Record<string, string | number | null | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) query.set(name, String(value));
  }
  const text = query.toString();
  return `${ANALYSIS_PATH}/${path}${text ? `?${text}` : ''}`;
}

/** Checks the outer shape of a GeoJSON answer; features are trusted to follow the contract. */
export function parseFeatureCollection<F extends Feature>(what: string, body: unknown): F[] {
  if (!isRecord(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new TypeError(`${what}: not a GeoJSON FeatureCollection`);
  }
  return body.features as F[];
}

const reachQuery = ({ category, distance, area }: ReachParams) => ({ category, distance, area });

/** `GET /analysis/coverage`: who lives within walking distance of the category. */
export function coverageQuery(params: ReachParams) {
  return queryOptions({
    queryKey: queryKeys.analysisPart('coverage', params),
    queryFn: async ({ signal }): Promise<Coverage> =>
      CoverageSchema.parse(
        await fetchJson(analysisUrl('coverage', reachQuery(params)), { signal }),
      ),
    staleTime: ANALYSIS_STALE_MS,
  });
}

/** `GET /analysis/coverage/buildings`: every building with its walking distance. */
export function coverageBuildingsQuery(params: ReachParams) {
  return queryOptions({
    queryKey: queryKeys.analysisPart('buildings', params),
    queryFn: async ({ signal }): Promise<BuildingAccess[]> =>
      parseFeatureCollection<BuildingAccess>(
        'coverage buildings',
        await fetchJson(analysisUrl('coverage/buildings', reachQuery(params)), {
          signal,
          accept: 'application/geo+json, application/json',
        }),
      ),
    staleTime: ANALYSIS_STALE_MS,
  });
}

/** Parameters of `GET /analysis/completeness`. */
export interface CompletenessParams {
  circle: LifeCircle | 'all';
  by: 'community' | 'grid';
  area: string | null;
}

/** `GET /analysis/completeness`: share of residents reaching every basic category. */
export function completenessQuery(params: CompletenessParams) {
  return queryOptions({
    queryKey: queryKeys.analysisPart('completeness', params),
    queryFn: async ({ signal }): Promise<Completeness> =>
      CompletenessSchema.parse(
        await fetchJson(analysisUrl('completeness', { ...params }), { signal }),
      ),
    staleTime: ANALYSIS_STALE_MS,
  });
}

/** Parameters of `GET /analysis/isochrones`: a facility's code, or a point. */
export interface IsochroneParams {
  facility?: string;
  point?: [number, number];
  distances: readonly number[];
}

/** `GET /analysis/isochrones`: the area reached within each distance, largest first. */
export function isochronesQuery(params: IsochroneParams) {
  const { facility, point, distances } = params;
  return queryOptions({
    queryKey: queryKeys.analysisPart('isochrones', params),
    queryFn: async ({ signal }): Promise<ReachPolygon[]> => {
      const url = analysisUrl('isochrones', {
        facility,
        point: point ? point.join(',') : undefined,
        distances: distances.join(','),
      });
      const features = parseFeatureCollection<ReachPolygon>(
        'isochrones',
        await fetchJson(url, { signal, accept: 'application/geo+json, application/json' }),
      );
      return [...features].sort((a, b) => b.properties.distance - a.properties.distance);
    },
    staleTime: ANALYSIS_STALE_MS,
  });
}

/** `GET /analysis/site-suggestions`: where `k` new facilities would cover most residents. */
export function siteSuggestionsQuery(params: ReachParams & { k: number }) {
  return queryOptions({
    queryKey: queryKeys.analysisPart('site-suggestions', params),
    queryFn: async ({ signal }): Promise<SiteSuggestions> =>
      SiteSuggestionsSchema.parse(
        await fetchJson(analysisUrl('site-suggestions', { ...reachQuery(params), k: params.k }), {
          signal,
        }),
      ),
    staleTime: ANALYSIS_STALE_MS,
  });
}

/** `GET /analysis/demands`: residents' demand incidents per grid over `days`. */
export function demandsQuery(params: { area: string | null; days: number }) {
  return queryOptions({
    queryKey: queryKeys.analysisPart('demands', params),
    queryFn: async ({ signal }): Promise<Demands> =>
      DemandsSchema.parse(await fetchJson(analysisUrl('demands', { ...params }), { signal })),
    staleTime: ANALYSIS_STALE_MS,
  });
}

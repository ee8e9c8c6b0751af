import type { AdminLevel } from '../../api/contract/codes';

/** Every TanStack Query key the app uses, in one place so invalidation stays consistent. */
export const queryKeys = {
  me: () => ['auth', 'me'] as const,
  readyz: () => ['readyz'] as const,
  adminAreas: (level: AdminLevel | 'all') => ['ogc', 'admin-areas', level] as const,
  mapStyle: (name: string) => ['styles', name] as const,
  wallLayer: (collection: 'grids' | 'cameras' | 'service-points' | 'members') =>
    ['ogc', 'wall', collection] as const,
  /** Without a window: the prefix of every window's incidents. */
  wallIncidents: (window?: string) =>
    window === undefined
      ? (['ogc', 'wall', 'incidents'] as const)
      : (['ogc', 'wall', 'incidents', window] as const),
  memberTrails: () => ['live', 'member-trails'] as const,
  addressSearch: (text: string) => ['ogc', 'address-search', text] as const,
  roadSearch: (text: string) => ['ogc', 'road-search', text] as const,
  overview: (areaCode: string | null) => ['stats', 'overview', areaCode ?? 'scope'] as const,
  dutyRoster: (areaCode: string | null) => ['stats', 'duty', areaCode ?? 'scope'] as const,
  incident: (code: string) => ['incidents', 'detail', code] as const,
  gridQuality: () => ['quality', 'grids'] as const,
  incidentNearby: (code: string) => ['incidents', 'nearby', code] as const,
  /** Every life-circle analysis answer lives under this prefix (invalidated on adoption). */
  analysis: () => ['analysis'] as const,
  analysisPart: (part: string, params: object = {}) => ['analysis', part, params] as const,
  /** Import jobs: the history (`imports()`), one job, or one dry run's preview. */
  imports: (id?: number, part?: 'job' | 'preview') => ['imports', id, part] as const,
};

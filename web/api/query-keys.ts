import type { AdminLevel } from '../../api/contract/codes';

/** Every TanStack Query key the app uses, in one place so invalidation stays consistent. */
export const queryKeys = {
  me: () => ['auth', 'me'] as const,
  readyz: () => ['readyz'] as const,
  adminAreas: (level: AdminLevel | 'all') => ['ogc', 'admin-areas', level] as const,
  mapStyle: (name: string) => ['styles', name] as const,
};

/** The planner's view. */
export const PLANNING_PATH = '/planning';

/** What the app shows for a path and a signed-in caller. */
export type AppRoute =
  | { page: 'wall' }
  | { page: 'planning' }
  | { page: 'no-access'; denied: 'planning' }
  /** Go there instead (replacing the history entry). */
  | { page: 'redirect'; to: string };

/** True for `/planning` and anything under it. */
export function isPlanningPath(path: string): boolean {
  return path === PLANNING_PATH || path.startsWith(`${PLANNING_PATH}/`);
}

/**
 * Path-based routing: `/planning` is the planner's view for callers who may run analyses
 * (planner, commander, admin) and 无权限 for others; everything else is the wall screen, except
 * for callers who cannot read incidents but may plan (planners), who are sent to `/planning`.
 */
export function routeFor(path: string, permissions: readonly string[]): AppRoute {
  const mayPlan = permissions.includes('analysis:run');
  if (isPlanningPath(path))
    return mayPlan ? { page: 'planning' } : { page: 'no-access', denied: 'planning' };
  if (!permissions.includes('incidents:read') && mayPlan)
    return { page: 'redirect', to: PLANNING_PATH };
  return { page: 'wall' };
}

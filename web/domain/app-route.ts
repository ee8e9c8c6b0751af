/** The planner's view. */
export const PLANNING_PATH = '/planning';
/** The admin's page for loading a district's own files. */
export const IMPORTS_PATH = '/admin/imports';
/** What an admin page requires: the admin role's own permission. */
export const ADMIN_PERMISSION = 'admin:manage';

/** A page a caller may be refused. */
export type GuardedPage = 'planning' | 'imports';

/** What the app shows for a path and a signed-in caller. */
export type AppRoute =
  | { page: 'wall' }
  | { page: 'planning' }
  | { page: 'imports' }
  | { page: 'no-access'; denied: GuardedPage }
  /** Go there instead (replacing the history entry). */
  | { page: 'redirect'; to: string };

/** True for `/planning` and anything under it. */
export function isPlanningPath(path: string): boolean {
  return path === PLANNING_PATH || path.startsWith(`${PLANNING_PATH}/`);
}

/** True for `/admin/imports` and anything under it. */
export function isImportsPath(path: string): boolean {
  return path === IMPORTS_PATH || path.startsWith(`${IMPORTS_PATH}/`);
}

/** True when the caller may open the admin pages (imports). */
export function mayAdminister(permissions: readonly string[]): boolean {
  return permissions.includes(ADMIN_PERMISSION);
}

/**
 * Path-based routing: `/planning` is the planner's view for callers who may run analyses
 * (planner, commander, admin) and 无权限 for others; `/admin/imports` is the import page for
 * admins and 无权限 for others; everything else is the wall screen, except for callers who
 * cannot read incidents but may plan (planners), who are sent to `/planning`.
 */
export function routeFor(path: string, permissions: readonly string[]): AppRoute {
  const mayPlan = permissions.includes('analysis:run');
  if (isPlanningPath(path))
    return mayPlan ? { page: 'planning' } : { page: 'no-access', denied: 'planning' };
  if (isImportsPath(path))
    return mayAdminister(permissions)
      ? { page: 'imports' }
      : { page: 'no-access', denied: 'imports' };
  if (!permissions.includes('incidents:read') && mayPlan)
    return { page: 'redirect', to: PLANNING_PATH };
  return { page: 'wall' };
}

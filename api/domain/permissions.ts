import type { UserRole } from '../contract/codes';

/**
 * What a route may require. `public` needs no credentials; every other permission needs a
 * signed-in caller whose role grants it (README: "Roles and permissions").
 */
export const PERMISSIONS = [
  'public',
  'session',
  'layers:read',
  'incidents:read',
  'incidents:report',
  'incidents:act',
  'incidents:act-assigned',
  'incidents:escalate',
  'incidents:close-escalated',
  'members:report-position',
  'analysis:run',
  'analysis:adopt',
  'stream:read',
  'contacts:read',
  'admin:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['session', 'layers:read', 'incidents:read', 'stream:read'];

/** The fixed role table. `admin` holds every permission. */
export const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== 'public'),
  commander: [
    ...READ_ALL,
    'incidents:report',
    'incidents:act',
    'incidents:act-assigned',
    'incidents:escalate',
    'incidents:close-escalated',
    'analysis:run',
    'analysis:adopt',
    'contacts:read',
  ],
  operator: [
    ...READ_ALL,
    'incidents:report',
    'incidents:act',
    'incidents:act-assigned',
    'contacts:read',
  ],
  grid_member: [
    ...READ_ALL,
    'incidents:report',
    'incidents:act-assigned',
    'members:report-position',
  ],
  planner: ['session', 'layers:read', 'analysis:run'],
  display: [...READ_ALL],
  api_consumer: ['session', 'layers:read', 'incidents:report'],
};

/** True when `role` grants `permission` (everyone has `public`). */
export function roleAllows(role: UserRole, permission: Permission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
}

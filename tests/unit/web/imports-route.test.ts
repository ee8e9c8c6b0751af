import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../api/domain/permissions';
import { routeFor } from '../../../web/domain/app-route';

const as = (role: keyof typeof ROLE_PERMISSIONS) => ROLE_PERMISSIONS[role];

describe('routeFor /admin/imports', () => {
  it('shows the import page to admins', () => {
    expect(routeFor('/admin/imports', as('admin'))).toEqual({ page: 'imports' });
  });

  it('refuses it (无权限) to every other role, planners included', () => {
    const others = ['commander', 'operator', 'grid_member', 'planner', 'display', 'api_consumer'];
    for (const role of others as (keyof typeof ROLE_PERMISSIONS)[]) {
      expect(routeFor('/admin/imports', as(role)), role).toEqual({
        page: 'no-access',
        denied: 'imports',
      });
    }
  });

  it('does not take paths that only begin with the same letters', () => {
    expect(routeFor('/admin/importsx', as('admin'))).toEqual({ page: 'wall' });
  });
});

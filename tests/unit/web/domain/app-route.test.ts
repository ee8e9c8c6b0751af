import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../../api/domain/permissions';
import { routeFor } from '../../../../web/domain/app-route';

const as = (role: keyof typeof ROLE_PERMISSIONS) => ROLE_PERMISSIONS[role];

describe('routeFor', () => {
  it('shows the planner view at /planning to planners, commanders and admins', () => {
    for (const role of ['planner', 'commander', 'admin'] as const) {
      expect(routeFor('/planning', as(role)), role).toEqual({ page: 'planning' });
    }
  });

  it('refuses /planning to roles that may not run analyses', () => {
    for (const role of ['operator', 'display', 'grid_member', 'api_consumer'] as const) {
      expect(routeFor('/planning', as(role)), role).toEqual({
        page: 'no-access',
        denied: 'planning',
      });
    }
  });

  it('sends a planner at / to /planning: the wall needs incidents they may not read', () => {
    expect(routeFor('/', as('planner'))).toEqual({ page: 'redirect', to: '/planning' });
  });

  it('keeps everyone else on the wall screen', () => {
    expect(routeFor('/', as('commander'))).toEqual({ page: 'wall' });
    expect(routeFor('/', as('display'))).toEqual({ page: 'wall' });
  });
});

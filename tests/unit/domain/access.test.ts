import { describe, expect, it } from 'vitest';
import { USER_ROLES } from '../../../api/contract/codes';
import { maskContact } from '../../../api/domain/mask';
import { PERMISSIONS, roleAllows } from '../../../api/domain/permissions';
import { inScope, scopePatterns, scopePrefix, scopesWithin } from '../../../api/domain/scopes';
import { digestSecret, hashPassword, newApiKey, verifyPassword } from '../../../api/domain/secrets';

describe('roles', () => {
  it('give admin every permission and everyone the public one', () => {
    for (const permission of PERMISSIONS) expect(roleAllows('admin', permission)).toBe(true);
    for (const role of USER_ROLES) expect(roleAllows(role, 'public')).toBe(true);
  });

  it('keep user management to admins', () => {
    expect(USER_ROLES.filter((role) => roleAllows(role, 'admin:manage'))).toEqual(['admin']);
  });

  it('let only commanders and admins close escalated cases', () => {
    expect(USER_ROLES.filter((role) => roleAllows(role, 'incidents:close-escalated'))).toEqual([
      'admin',
      'commander',
    ]);
  });

  it('keep displays, planners and API consumers read-only', () => {
    for (const role of ['display', 'planner', 'api_consumer'] as const) {
      expect(roleAllows(role, 'incidents:act')).toBe(false);
      expect(roleAllows(role, 'incidents:act-assigned')).toBe(false);
      expect(roleAllows(role, 'layers:read')).toBe(true);
    }
  });
});

describe('scopes', () => {
  it('reduce codes to their significant prefix', () => {
    expect(scopePrefix('370871000000')).toBe('370871');
    expect(scopePrefix('370871001000')).toBe('370871001');
    expect(scopePrefix('370871001002')).toBe('370871001002');
    expect(scopePatterns(['370871001000', '370871001000', '370871002003'])).toEqual([
      '370871001%',
      '370871002003%',
    ]);
  });

  it('contain their communities and grids, not their neighbours', () => {
    expect(inScope('370871001002007', ['370871001000'])).toBe(true);
    expect(inScope('370871002002007', ['370871001000'])).toBe(false);
    expect(inScope('370871001000', ['370871001002'])).toBe(false);
  });

  it('let nobody grant more than they hold', () => {
    expect(scopesWithin(['370871001002'], ['370871001000'])).toBe(true);
    expect(scopesWithin(['370871000000'], ['370871001000'])).toBe(false);
  });
});

describe('secrets', () => {
  it('mask mobile numbers as 138****5678', () => {
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('wang@example.org')).toBe('w***');
  });

  it('hash passwords with a salt and verify them', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).not.toContain('correct');
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('wrong horse battery', stored)).toBe(false);
  });

  it('make API keys that name their prefix and never equal their digest', () => {
    const { key, prefix } = newApiKey();
    expect(key.startsWith(`yp_${prefix}_`)).toBe(true);
    expect(digestSecret(key)).not.toContain(key);
    expect(newApiKey().key).not.toBe(key);
  });
});

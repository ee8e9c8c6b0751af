import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../api/config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      databaseUrl: undefined,
      host: '127.0.0.1',
      port: 8787,
      dataDir: '.yiping/',
      seedScale: 'district',
      simulator: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/yiping',
      HOST: '0.0.0.0',
      PORT: '9000',
      YIPING_DATA_DIR: '/var/lib/yiping',
      YIPING_SEED_SCALE: 'small',
      YIPING_SEED: '7',
      YIPING_SIMULATOR: 'off',
      YIPING_BOOTSTRAP_ADMIN_KEY: 'k'.repeat(32),
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/yiping',
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/var/lib/yiping',
      seedScale: 'small',
      seed: 7,
      simulator: false,
      bootstrapAdminKey: 'k'.repeat(32),
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['YIPING_SEED_SCALE', 'galaxy'],
    ['YIPING_SEED', '1.5'],
    ['YIPING_SIMULATOR', 'yes'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['YIPING_BOOTSTRAP_ADMIN_KEY', 'short'],
    ['YIPING_LOGIN_ADDRESS_LIMIT', '0'],
  ])('stops on a bad %s with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('reads the per-address log-in failure limit (300 unless set)', () => {
    expect(loadConfig({}).limits.loginAddressFailures).toBe(300);
    expect(loadConfig({ YIPING_LOGIN_ADDRESS_LIMIT: '1000' }).limits.loginAddressFailures).toBe(
      1000,
    );
  });

  it('never echoes secret values in its error message', () => {
    const secret = 'mysql://admin:hunter2@db/x';
    expect(() => loadConfig({ DATABASE_URL: secret })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 8787,
      databaseUrl: undefined,
    });
  });
});

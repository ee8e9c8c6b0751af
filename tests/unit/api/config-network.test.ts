import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../api/config';

describe('public origin, trusted proxies and CORS settings', () => {
  it('defaults to no public URL, no trusted proxy and CORS for any origin', () => {
    expect(loadConfig({})).toMatchObject({
      publicUrl: undefined,
      trustedProxies: [],
      corsOrigins: '*',
    });
  });

  it('reads and normalises them', () => {
    expect(
      loadConfig({
        YIPING_PUBLIC_URL: 'https://GIS.example.org/',
        YIPING_TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8',
        YIPING_CORS_ORIGINS: 'https://a.example, http://b.example:8080/',
      }),
    ).toMatchObject({
      publicUrl: 'https://gis.example.org',
      trustedProxies: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'],
      corsOrigins: ['https://a.example', 'http://b.example:8080'],
    });
    expect(loadConfig({ YIPING_CORS_ORIGINS: 'none' }).corsOrigins).toEqual([]);
  });

  it.each([
    ['YIPING_PUBLIC_URL', 'gis.example.org'],
    ['YIPING_PUBLIC_URL', 'ftp://gis.example.org'],
    ['YIPING_PUBLIC_URL', 'https://gis.example.org/yiping'],
    ['YIPING_PUBLIC_URL', 'https://gis.example.org/?x=1'],
    ['YIPING_TRUSTED_PROXIES', 'proxy.local'],
    ['YIPING_TRUSTED_PROXIES', '10.0.0.0/33'],
    ['YIPING_TRUSTED_PROXIES', '127.0.0.1,'],
    ['YIPING_CORS_ORIGINS', 'maps.example'],
    ['YIPING_CORS_ORIGINS', 'https://a.example/path'],
    ['YIPING_CORS_ORIGINS', '*,https://a.example'],
  ])('stops on a bad %s (%s) with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});

import { describe, expect, it } from 'vitest';
import { createProxyTrust, forwardedClient } from '../../../api/http/proxy-trust';
import {
  decidePublicOrigin,
  type OriginRequest,
  type OriginSettings,
} from '../../../api/http/public-origin';

const settings: OriginSettings = {
  publicUrl: undefined,
  proxies: createProxyTrust(['10.0.0.0/8', 'fd00::/8']),
  host: '0.0.0.0',
  port: 8787,
  machineName: 'gis-box',
};

/** A request that arrived on 192.168.1.20:8787 from `peer` with `Host: host`. */
function arriving(host: string, peer = '192.168.1.50', extra: Partial<OriginRequest> = {}) {
  return {
    url: `http://${host}/ogc`,
    forwardedProto: undefined,
    forwardedHost: undefined,
    socket: { remoteAddress: peer, localAddress: '::ffff:192.168.1.20', localPort: 8787 },
    ...extra,
  };
}

describe('decidePublicOrigin', () => {
  it.each([
    ['localhost:5173', 'http://localhost:5173'],
    ['127.0.0.1:9000', 'http://127.0.0.1:9000'],
    ['[::1]:8787', 'http://[::1]:8787'],
    ['192.168.1.20:8787', 'http://192.168.1.20:8787'],
    ['GIS-BOX:8787', 'http://gis-box:8787'],
  ])('keeps a Host naming this server: %s', (host, origin) => {
    expect(decidePublicOrigin(arriving(host), settings)).toBe(origin);
  });

  it.each([
    'evil.example',
    'evil.example:8787',
    '192.168.1.20:9999',
    'gis-box',
    '192.168.1.21:8787',
  ])('replaces a Host that is not ours (%s) by the address the connection arrived at', (host) => {
    expect(decidePublicOrigin(arriving(host), settings)).toBe('http://192.168.1.20:8787');
  });

  it('believes X-Forwarded-* only from a trusted proxy, and only its own (last) value', () => {
    const forwarded = {
      forwardedProto: 'http, https',
      forwardedHost: 'evil.example, maps.example',
    };
    expect(decidePublicOrigin(arriving('internal', '10.0.0.2', forwarded), settings)).toBe(
      'https://maps.example',
    );
    expect(decidePublicOrigin(arriving('internal', 'fd00::2', forwarded), settings)).toBe(
      'https://maps.example',
    );
    expect(decidePublicOrigin(arriving('evil.example', '192.168.1.50', forwarded), settings)).toBe(
      'http://192.168.1.20:8787',
    );
  });

  it('ignores a forwarded host that is not a host name', () => {
    const request = arriving('192.168.1.20:8787', '10.0.0.2', {
      forwardedHost: 'evil.example/path@x',
      forwardedProto: 'gopher',
    });
    expect(decidePublicOrigin(request, settings)).toBe('http://192.168.1.20:8787');
  });

  it('prefers the configured public URL to everything', () => {
    const configured = { ...settings, publicUrl: 'https://gis.example.org' };
    const request = arriving('localhost', '10.0.0.2', { forwardedHost: 'maps.example' });
    expect(decidePublicOrigin(request, configured)).toBe('https://gis.example.org');
  });

  it('falls back to the configured listen address for an in-process request', () => {
    const request = { ...arriving('evil.example'), socket: undefined };
    expect(decidePublicOrigin(request, settings)).toBe('http://127.0.0.1:8787');
    const bound = { ...settings, host: '192.168.1.20' };
    expect(decidePublicOrigin(request, bound)).toBe('http://192.168.1.20:8787');
  });
});

describe('forwardedClient', () => {
  const trust = createProxyTrust(['127.0.0.1', '10.0.0.0/8']);

  it('takes the rightmost hop that is not a trusted proxy', () => {
    expect(forwardedClient('127.0.0.1', '1.1.1.1, 2.2.2.2, 10.1.1.1', trust)).toBe('2.2.2.2');
    expect(forwardedClient('::ffff:127.0.0.1', '2.2.2.2:5555', trust)).toBe('2.2.2.2');
  });

  it('ignores the header from an untrusted peer, and stops at a hop that is not an address', () => {
    expect(forwardedClient('192.0.2.1', '2.2.2.2', trust)).toBe('192.0.2.1');
    expect(forwardedClient('127.0.0.1', 'garbage, 10.1.1.1', trust)).toBe('10.1.1.1');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { BD09_URI, GCJ02_URI } from '../../../api/domain/crs';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, makeUser } from '../support/identities';
import { ABSOLUTE_URL_PATHS, rawRequest, serveWith } from './origin-support';

const db = useTestDatabase();
let key: string;

beforeAll(async () => {
  const { district } = await areaCodes(db());
  key = (await makeKey(db(), 'admin', [district])).key;
});

/** Every absolute http(s) URL in a body. */
const absoluteUrls = (body: string) => body.match(/https?:\/\/[^"\s<>]+/g) ?? [];
/**
 * Ours: not the standards' own URIs (OGC conformance classes, CRS names, the Open311 wiki), nor
 * our CRS names for GCJ-02 and BD-09 (also quoted in descriptions), identifiers like EPSG's.
 */
const CRS_NAMES = [GCJ02_URI, BD09_URI];
const ours = (urls: string[]) =>
  urls.filter(
    (url) =>
      !/opengis\.net|open311\.org|w3\.org|json-schema\.org/.test(url) &&
      !CRS_NAMES.some((name) => url.startsWith(name)),
  );

/** Fetches every surface that builds absolute URLs and returns the URLs found, per path. */
async function linksOf(base: string, headers: Record<string, string>) {
  const found: Record<string, string[]> = {};
  for (const path of ABSOLUTE_URL_PATHS) {
    const answer = await rawRequest(base, path, {
      headers: { Authorization: `Bearer ${key}`, ...headers },
    });
    expect(answer.status, `${path}: ${answer.body.slice(0, 200)}`).toBe(200);
    found[path] = ours(absoluteUrls(answer.body));
    expect(found[path]!.length, `${path} has no absolute URL`).toBeGreaterThan(0);
  }
  return found;
}

function expectAllUnder(found: Record<string, string[]>, origin: string) {
  for (const [path, urls] of Object.entries(found)) {
    for (const url of urls) expect(url.startsWith(`${origin}/`), `${path}: ${url}`).toBe(true);
  }
}

describe('the public origin of absolute URLs', () => {
  it('never takes a foreign Host header: links use the address the server listens on', async () => {
    const server = await serveWith(db());
    try {
      const found = await linksOf(server.url, { Host: 'evil.example' });
      expect(JSON.stringify(found)).not.toContain('evil.example');
      expectAllUnder(found, server.url);
    } finally {
      await server.close();
    }
  });

  it('keeps a Host naming this machine (localhost on the port it answers at)', async () => {
    const server = await serveWith(db());
    try {
      const port = new URL(server.url).port;
      const found = await linksOf(server.url, { Host: `localhost:${port}` });
      expectAllUnder(found, `http://localhost:${port}`);
    } finally {
      await server.close();
    }
  });

  it('uses YIPING_PUBLIC_URL when set, whatever Host and X-Forwarded-* say', async () => {
    const server = await serveWith(db(), {
      YIPING_PUBLIC_URL: 'https://gis.example.org',
      YIPING_TRUSTED_PROXIES: '127.0.0.1',
    });
    try {
      const found = await linksOf(server.url, {
        Host: 'evil.example',
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'http',
      });
      expectAllUnder(found, 'https://gis.example.org');
    } finally {
      await server.close();
    }
  });

  it('honours X-Forwarded-Proto and X-Forwarded-Host from a trusted proxy', async () => {
    const server = await serveWith(db(), { YIPING_TRUSTED_PROXIES: '10.0.0.0/8,127.0.0.1' });
    try {
      const found = await linksOf(server.url, {
        Host: 'internal:8787',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'maps.example.net',
      });
      expectAllUnder(found, 'https://maps.example.net');
    } finally {
      await server.close();
    }
  });

  it('ignores X-Forwarded-* from a peer that is not a trusted proxy', async () => {
    const server = await serveWith(db(), { YIPING_TRUSTED_PROXIES: '10.0.0.0/8' });
    try {
      const found = await linksOf(server.url, {
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'evil.example',
      });
      expect(JSON.stringify(found)).not.toContain('evil.example');
      expectAllUnder(found, server.url);
    } finally {
      await server.close();
    }
  });
});

/** Logs a fresh user in over the socket and returns the answer. */
async function logIn(base: string, headers: Record<string, string> = {}) {
  const { district } = await areaCodes(db());
  const user = await makeUser(db(), 'operator', [district]);
  const answer = await rawRequest(base, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  expect(answer.status).toBe(200);
  return { user, answer, cookie: String(answer.headers['set-cookie']?.[0]).split(';')[0]! };
}

/** The address recorded by the audit log for this user's log-in. */
async function auditedIp(username: string) {
  const rows = await db().pool.query<{ ip: string }>(
    `SELECT ip FROM audit_log WHERE action = 'session.login' AND actor LIKE $1`,
    [`%${username}%`],
  );
  return rows.rows.map((row) => row.ip);
}

describe('the client address', () => {
  it('is the X-Forwarded-For hop a trusted proxy saw (the rightmost untrusted one)', async () => {
    const server = await serveWith(db(), { YIPING_TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' });
    try {
      const { user } = await logIn(server.url, {
        'X-Forwarded-For': '198.51.100.9, 203.0.113.7, 10.1.2.3',
      });
      expect(await auditedIp(user.username)).toEqual(['203.0.113.7']);
    } finally {
      await server.close();
    }
  });

  it('is the socket peer when the peer is not a trusted proxy', async () => {
    const server = await serveWith(db(), { YIPING_TRUSTED_PROXIES: '10.0.0.0/8' });
    try {
      const { user } = await logIn(server.url, { 'X-Forwarded-For': '203.0.113.7' });
      expect(await auditedIp(user.username)).toEqual(['127.0.0.1']);
    } finally {
      await server.close();
    }
  });
});

describe('the session cookie', () => {
  it('is Secure when the public URL is https, and our Origin is that URL', async () => {
    const server = await serveWith(db(), { YIPING_PUBLIC_URL: 'https://gis.example.org' });
    try {
      const { answer, cookie } = await logIn(server.url);
      expect(String(answer.headers['set-cookie'])).toMatch(/;\s*Secure/i);
      const logout = (origin: string) =>
        rawRequest(server.url, '/api/v1/auth/logout', {
          method: 'POST',
          headers: { Cookie: cookie, Origin: origin },
        });
      expect((await logout(server.url)).status).toBe(403);
      expect((await logout('https://gis.example.org')).status).toBe(204);
    } finally {
      await server.close();
    }
  });

  it('is Secure when a trusted proxy says the client came over https', async () => {
    const server = await serveWith(db(), { YIPING_TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const { answer } = await logIn(server.url, { 'X-Forwarded-Proto': 'https' });
      expect(String(answer.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    } finally {
      await server.close();
    }
  });

  it('is not Secure over plain http, and X-Forwarded-Proto from anyone else changes nothing', async () => {
    const server = await serveWith(db());
    try {
      const { answer } = await logIn(server.url, { 'X-Forwarded-Proto': 'https' });
      expect(String(answer.headers['set-cookie'])).not.toMatch(/Secure/i);
    } finally {
      await server.close();
    }
  });
});

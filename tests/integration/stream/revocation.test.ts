import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../../api/log';
import { createStreamHub, type StreamHub } from '../../../api/stream/hub';
import { createTestApp, fixedClock } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, makeUser, unique } from '../support/identities';
import { appendTestEvents, listen, openStream } from './support';

/*
 * Access ends at once on every instance: two API instances with their own hubs share the test
 * database; credentials change through instance B (or another connection), and the live streams
 * open on instance A end. On a PostgreSQL server instance A never polls, so NOTIFY alone must
 * carry the change; on the embedded database (no NOTIFY between connections) its poll does.
 */

const db = useTestDatabase();
const onServer = inject('databaseKind') === 'server';
const clock = fixedClock('2026-06-01T13:00:00Z');
const WAIT_MS = 30_000;

interface Instance {
  hub: StreamHub;
  server: Awaited<ReturnType<typeof listen>>;
}

let a: Instance;
let b: Instance;
let admin: string;
let area: { district: string; street: string; communities: string[] };

async function startInstance(pollMs: number): Promise<Instance> {
  const hub = createStreamHub({
    pool: db().pool,
    listen: onServer,
    pollMs,
    log: createLogger('silent'),
  });
  const app = createTestApp(db(), { hub, clock, stream: { heartbeatMs: 3_600_000 } });
  return { hub, server: await listen(app) };
}

beforeAll(async () => {
  a = await startInstance(onServer ? 3_600_000 : 500);
  b = await startInstance(onServer ? 2_000 : 500);
  area = await areaCodes(db());
  admin = (await makeKey(db(), 'admin', [area.district])).key;
});

afterAll(async () => {
  for (const instance of [a, b]) {
    await instance?.hub.stop();
    await instance?.server.close();
  }
});

/** A stream on instance A that has received its `connected` line. */
async function streamOnA(credential: string | { cookie: string }) {
  const stream = await openStream(a.server.url, credential, { topics: 'members' });
  expect(stream.status).toBe(200);
  await stream.waitFor(() => stream.comments.some((c) => c.startsWith('connected')), 'connected');
  return stream;
}

/** A stream that is still open: an event appended now reaches it. */
async function expectStillOpen(stream: Awaited<ReturnType<typeof streamOnA>>) {
  const subject = unique('still-open');
  const scope = { community: area.communities[0]!, street: area.street };
  await appendTestEvents(db(), scope, subject, 1);
  await stream.waitFor(
    () => stream.messages.some((m) => m.data.subject === subject),
    'an event after the change',
    WAIT_MS,
  );
  expect(stream.ended).toBe(false);
}

async function onB(path: string, init: RequestInit & { headers?: Record<string, string> }) {
  return fetch(`${b.server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${admin}`, ...init.headers },
  });
}

async function logIn(username: string, password: string): Promise<string> {
  const response = await fetch(`${b.server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('live streams end when their access ends, on another instance', () => {
  it('ends the stream of a key revoked through another instance; other keys stay', async () => {
    const revoked = await makeKey(db(), 'commander', [area.district]);
    const kept = await makeKey(db(), 'commander', [area.district]);
    const doomed = await streamOnA(revoked.key);
    const survivor = await streamOnA(kept.key);
    const revoke = await onB(`/api/v1/api-keys/${revoked.id}`, { method: 'DELETE' });
    expect(revoke.status).toBe(200);
    await doomed.waitFor(() => doomed.ended, 'the revoked key’s stream to end', WAIT_MS);
    await expectStillOpen(survivor);
    await survivor.close();
  });

  it('ends the cookie stream of a user disabled through another instance', async () => {
    const user = await makeUser(db(), 'operator', [area.district]);
    const stream = await streamOnA({ cookie: await logIn(user.username, user.password) });
    const disable = await onB(`/api/v1/users/${user.id}`, { method: 'DELETE' });
    expect(disable.status).toBe(200);
    await stream.waitFor(() => stream.ended, 'the disabled user’s stream to end', WAIT_MS);
  });

  it('ends the stream of the session that logs out, not the same user’s other session', async () => {
    const user = await makeUser(db(), 'operator', [area.district]);
    const leaving = await logIn(user.username, user.password);
    const staying = await logIn(user.username, user.password);
    const left = await streamOnA({ cookie: leaving });
    const other = await streamOnA({ cookie: staying });
    const logout = await fetch(`${b.server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { Cookie: leaving, Origin: b.server.url },
    });
    expect(logout.status).toBe(204);
    await left.waitFor(() => left.ended, 'the logged-out session’s stream to end', WAIT_MS);
    await expectStillOpen(other);
    await other.close();
  });

  it('ends the stream of a key whose scopes another process narrowed, so it reconnects under them', async () => {
    const narrowed = await makeKey(db(), 'commander', [area.district]);
    const stream = await streamOnA(narrowed.key);
    await db().pool.query('UPDATE api_keys SET scopes = $1 WHERE id = $2', [
      [area.communities[1]!],
      narrowed.id,
    ]);
    await stream.waitFor(() => stream.ended, 'the narrowed key’s stream to end', WAIT_MS);
  });

  it('ends the stream of a key when the key expires', async () => {
    const expiresAt = new Date(clock.now().getTime() + 2_000).toISOString();
    const expiring = await makeKey(db(), 'commander', [area.district], expiresAt);
    const stream = await streamOnA(expiring.key);
    await stream.waitFor(() => stream.ended, 'the expiring key’s stream to end', WAIT_MS);
  });
});

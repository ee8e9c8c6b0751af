import { describe, expect, it } from 'vitest';
import { call, createTestApp, fixedClock, json } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeUser, unique } from '../support/identities';

const db = useTestDatabase();

/**
 * Log-in throttling (README "Limits"): growing delays per address-and-account pair (5 failures
 * free) and per account from any address (10 free), then 60 s doubling up to 15 min; a sliding
 * count of failures per address; one shared state in the database.
 */

async function newUser() {
  return makeUser(db(), 'operator', [(await areaCodes(db())).district]);
}

type App = ReturnType<typeof createTestApp>;

function logIn(app: App, username: string, password: string, ip: string) {
  return call(app, '/api/v1/auth/login', json('POST', { username, password }), ip);
}

const WRONG = 'not-the-password';

async function statusesOf(responses: (Response | Promise<Response>)[]) {
  return (await Promise.all(responses)).map((response) => response.status);
}

describe('log-in throttling', () => {
  it('refuses guesses across the edge of the old 15-minute window', async () => {
    const user = await newUser();
    const clock = fixedClock('2026-06-01T08:14:50Z');
    const app = createTestApp(db(), { clock });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await logIn(app, user.username, WRONG, '10.30.0.1')).status);
    clock.set('2026-06-01T08:15:10Z');
    for (let i = 0; i < 5; i++)
      statuses.push((await logIn(app, user.username, WRONG, '10.30.0.1')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('doubles the wait with each further failure, and Retry-After says exactly when', async () => {
    const user = await newUser();
    const clock = fixedClock('2026-06-01T08:00:00Z');
    const app = createTestApp(db(), { clock });
    const guess = () => logIn(app, user.username, WRONG, '10.30.1.1');
    for (let i = 0; i < 5; i++) expect((await guess()).status).toBe(401);
    for (const wait of [60, 120, 240, 480, 900, 900]) {
      const refused = await guess();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe(String(wait));
      expect((await refused.json()).error.code).toBe('too_many_requests');
      clock.advance((wait - 1) * 1000);
      expect((await guess()).status).toBe(429);
      clock.advance(1000);
      expect((await guess()).status).toBe(401);
    }
  });

  it('lets the right password in once the wait is over, and a success forgives the failures', async () => {
    const user = await newUser();
    const clock = fixedClock('2026-06-01T08:00:00Z');
    const app = createTestApp(db(), { clock });
    for (let i = 0; i < 5; i++)
      expect((await logIn(app, user.username, WRONG, '10.30.2.1')).status).toBe(401);
    const refused = await logIn(app, user.username, user.password, '10.30.2.1');
    expect(refused.status).toBe(429);
    clock.advance(Number(refused.headers.get('retry-after')) * 1000);
    expect((await logIn(app, user.username, user.password, '10.30.2.1')).status).toBe(200);
    const after = [];
    for (let i = 0; i < 6; i++)
      after.push((await logIn(app, user.username, WRONG, '10.30.2.1')).status);
    expect(after).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('lets other accounts behind the same address log in while one is held back', async () => {
    const [victim, colleague] = [await newUser(), await newUser()];
    const app = createTestApp(db());
    for (let i = 0; i < 8; i++) await logIn(app, victim.username, WRONG, '10.30.3.1');
    expect((await logIn(app, victim.username, victim.password, '10.30.3.1')).status).toBe(429);
    expect((await logIn(app, colleague.username, colleague.password, '10.30.3.1')).status).toBe(
      200,
    );
  });

  it('holds back only the pair: the same account from another address still logs in', async () => {
    const user = await newUser();
    const app = createTestApp(db());
    for (let i = 0; i < 6; i++) await logIn(app, user.username, WRONG, '10.30.4.1');
    expect((await logIn(app, user.username, user.password, '10.30.4.1')).status).toBe(429);
    expect((await logIn(app, user.username, user.password, '10.30.4.2')).status).toBe(200);
  });

  it('delays an account guessed from many addresses, for the right password from any address too', async () => {
    const user = await newUser();
    const clock = fixedClock('2026-06-01T08:00:00Z');
    const app = createTestApp(db(), { clock });
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await logIn(app, user.username, WRONG, `10.30.5.${i + 1}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const refused = await logIn(app, user.username, user.password, '10.30.6.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    clock.advance(60_000);
    expect((await logIn(app, user.username, user.password, '10.30.6.1')).status).toBe(200);
  });

  it('lets a command center behind one address fail many times before the address is limited', async () => {
    const user = await newUser();
    const app = createTestApp(db());
    for (let i = 0; i < 40; i++)
      expect((await logIn(app, unique('nobody'), WRONG, '10.30.7.1')).status).toBe(401);
    expect((await logIn(app, user.username, user.password, '10.30.7.1')).status).toBe(200);
  });

  it('limits an address over a sliding window, with Retry-After until the oldest failure ages out', async () => {
    const user = await newUser();
    const clock = fixedClock('2026-06-01T08:10:00Z');
    const app = createTestApp(db(), { clock, limits: { loginAddressFailures: 12 } });
    for (let i = 0; i < 12; i++) {
      expect((await logIn(app, unique('nobody'), WRONG, '10.30.8.1')).status).toBe(401);
      clock.advance(30_000);
    }
    // 08:16:00 now; the first failure (08:10:00) leaves the 15-minute window at 08:25:00.
    const refused = await logIn(app, user.username, user.password, '10.30.8.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(9 * 60));
    expect((await logIn(app, user.username, user.password, '10.30.8.2')).status).toBe(200);
    clock.set('2026-06-01T08:24:59Z');
    expect((await logIn(app, user.username, user.password, '10.30.8.1')).status).toBe(429);
    clock.set('2026-06-01T08:25:00Z');
    expect((await logIn(app, user.username, user.password, '10.30.8.1')).status).toBe(200);
  });

  it('lets no more than the free failures through when guesses arrive together on two instances', async () => {
    const user = await newUser();
    const clock = fixedClock('2026-06-01T08:00:00Z');
    const [first, second] = [createTestApp(db(), { clock }), createTestApp(db(), { clock })];
    const statuses = await statusesOf(
      Array.from({ length: 16 }, (_, i) =>
        logIn(i % 2 ? first : second, user.username, WRONG, '10.30.9.1'),
      ),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiKeySchema, UserSchema } from '../../../api/contract/auth';
import { callerLookup, insertSession, revokeSession } from '../../../api/db/credentials';
import { disableUser, listApiKeys, listUsers, revokeApiKey } from '../../../api/db/identities';
import type { Principal } from '../../../api/domain/principal';
import { digestSecret } from '../../../api/domain/secrets';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey, makeUser, unique } from '../support/identities';

const db = useTestDatabase();
const now = new Date('2026-06-01T08:00:00.000Z');
const hoursLater = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

/** A new session for a user or key; returns the token digest the lookups take. */
async function sessionFor(owner: { userId: number } | { apiKeyId: number }, expiresAt: string) {
  const tokenHash = digestSecret(unique('token'));
  await insertSession(db().pool, { tokenHash, expiresAt, ...owner });
  return tokenHash;
}

describe('accounts read with hand-written SQL', () => {
  it('answer in the contract shapes, timestamps as ISO 8601 in UTC', async () => {
    const { district } = await areaCodes(db());
    await makeUser(db(), 'operator', [district]);
    await makeKey(db(), 'display', [district], hoursLater(5));
    for (const user of await listUsers(db().pool)) expect(UserSchema.parse(user)).toEqual(user);
    const keys = await listApiKeys(db().pool);
    for (const key of keys) expect(ApiKeySchema.strict().parse(key)).toEqual(key);
    expect(keys.some((key) => key.expiresAt === hoursLater(5))).toBe(true);
  });
});

describe('caller lookup', () => {
  it('finds a live key by digest and records its use', async () => {
    const { district } = await areaCodes(db());
    const { key, id } = await makeKey(db(), 'operator', [district]);
    const principal = await callerLookup(db().pool).byKey(digestSecret(key), now);
    expect(principal).toMatchObject({ kind: 'api_key', id, role: 'operator', scopes: [district] });
    const stored = (await listApiKeys(db().pool)).find((k) => k.id === id);
    expect(stored?.lastUsedAt).toBe(now.toISOString());
  });

  it('gives a key session the earlier of the key and session expiries', async () => {
    const { district } = await areaCodes(db());
    const { id } = await makeKey(db(), 'display', [district], hoursLater(2));
    const tokenHash = await sessionFor({ apiKeyId: id }, hoursLater(24));
    const principal = await callerLookup(db().pool).bySession(tokenHash, now);
    expect(principal).toMatchObject({ kind: 'api_key', id, sessionExpiresAt: hoursLater(24) });
    expect(principal?.expiresAt).toBe(hoursLater(2));
  });

  it('ends a session when its key is revoked, its user disabled or it is logged out', async () => {
    const { district } = await areaCodes(db());
    const lookup = callerLookup(db().pool);
    const key = await makeKey(db(), 'operator', [district]);
    const user = await makeUser(db(), 'operator', [district]);
    const keySession = await sessionFor({ apiKeyId: key.id }, hoursLater(8));
    const userSession = await sessionFor({ userId: user.id }, hoursLater(8));
    const loggedOut = await sessionFor({ userId: user.id }, hoursLater(8));
    expect(await lookup.bySession(userSession, now)).toMatchObject({ kind: 'user', id: user.id });
    await revokeSession(db().pool, loggedOut, now);
    await revokeApiKey(db().pool, { id: key.id }, now);
    await disableUser(db().pool, user.id, now);
    expect(await lookup.bySession(loggedOut, now)).toBeNull();
    expect(await lookup.bySession(keySession, now)).toBeNull();
    expect(await lookup.bySession(userSession, now)).toBeNull();
    const keyCaller: Principal = {
      kind: 'api_key',
      id: key.id,
      name: 'k',
      role: 'operator',
      scopes: [],
    };
    expect(await lookup.current(keyCaller, now)).toBeNull();
  });
});

import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { hashPassword } from '../domain/secrets';
import { districtCodes } from './admin-area-codes';
import { appendAudit } from './audit';
import { insertUser } from './identities';
import { queryRow } from './queryable';

/**
 * On a database with no users, creates `admin` (district-wide) with a random password and
 * returns that password so start-up can show it once; returns null when users exist.
 */
export async function ensureFirstAdmin(pool: pg.Pool, now: Date): Promise<string | null> {
  if (await queryRow(pool, 'SELECT 1 FROM users LIMIT 1')) return null;
  const password = randomBytes(12).toString('base64url');
  await insertUser(pool, {
    username: 'admin',
    passwordHash: await hashPassword(password),
    role: 'admin',
    scopes: await districtCodes(pool),
    createdBy: 'first-start',
  });
  await appendAudit(pool, {
    at: now,
    actor: 'first-start',
    action: 'user.create',
    target: 'user:admin',
  });
  return password;
}

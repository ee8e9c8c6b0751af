import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { hashPassword } from '../domain/secrets';
import { districtCodes } from './admin-area-codes';
import { appendAudit } from './audit';
import type { Database } from './database';
import { insertUser } from './identities';
import { users } from './schema';

/**
 * On a database with no users, creates `admin` (district-wide) with a random password and
 * returns that password so start-up can show it once; returns null when users exist.
 */
export async function ensureFirstAdmin(db: Database, now: Date): Promise<string | null> {
  const [row] = await db.orm.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  const password = randomBytes(12).toString('base64url');
  await insertUser(db.orm, {
    username: 'admin',
    passwordHash: await hashPassword(password),
    role: 'admin',
    scopes: await districtCodes(db.pool),
    createdBy: 'first-start',
  });
  await appendAudit(db.orm, {
    at: now,
    actor: 'first-start',
    action: 'user.create',
    target: 'user:admin',
  });
  return password;
}

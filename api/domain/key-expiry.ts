import { KeyExpirySchema } from '../contract/auth';
import { ValidationError } from './errors';

/**
 * A new API key's expiry as stored (ISO 8601, UTC), null for a key that does not expire. The
 * one rule for the admin API and `npm run key`: the time must parse and lie after `now`, because
 * a key that has already expired is created unusable (400 naming `expiresAt` otherwise).
 */
export function keyExpiry(expiresAt: string | undefined, now: Date): string | null {
  if (expiresAt === undefined) return null;
  if (!KeyExpirySchema.safeParse(expiresAt).success) {
    throw new ValidationError(
      `expiresAt ${JSON.stringify(expiresAt)} is not an ISO 8601 time with a zone (e.g. 2027-01-01T00:00:00+08:00).`,
      [{ path: 'expiresAt', message: 'not an ISO 8601 time with a zone' }],
    );
  }
  const at = new Date(expiresAt);
  if (at.getTime() <= now.getTime()) {
    throw new ValidationError(
      `expiresAt ${expiresAt} is not after now (${now.toISOString()}): the key could never be used. Give a later time, or none for a key that does not expire.`,
      [{ path: 'expiresAt', message: 'must lie in the future' }],
    );
  }
  return at.toISOString();
}

import type pg from 'pg';
import { digestSecret } from '../domain/secrets';
import { districtCodes } from './admin-area-codes';

/**
 * Makes sure the configured bootstrap key exists as a district-wide admin key (stored as a
 * digest). Changing the configured value replaces the stored digest and un-revokes it.
 */
export async function ensureBootstrapKey(pool: pg.Pool, key: string): Promise<void> {
  const changed = await pool.query(
    `INSERT INTO api_keys (prefix, secret_hash, name, role, scopes, created_by)
     VALUES ('bootstrap', $1, 'bootstrap admin (YIPING_BOOTSTRAP_ADMIN_KEY)', 'admin', $2, 'config')
     ON CONFLICT (prefix) DO UPDATE SET secret_hash = EXCLUDED.secret_hash,
       scopes = EXCLUDED.scopes, revoked_at = NULL, expires_at = NULL
     WHERE api_keys.secret_hash IS DISTINCT FROM EXCLUDED.secret_hash
        OR api_keys.revoked_at IS NOT NULL OR api_keys.scopes IS DISTINCT FROM EXCLUDED.scopes
     RETURNING id`,
    [digestSecret(key), await districtCodes(pool)],
  );
  if (changed.rowCount) {
    await pool.query(
      `INSERT INTO audit_log (at, actor, action, target) VALUES (now(), 'config', 'api_key.bootstrap', 'key:bootstrap')`,
    );
  }
}

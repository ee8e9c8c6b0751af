import type { Database } from '../../api/db/database';
import { insertApiKey } from '../../api/db/identities';
import { digestSecret, newApiKey } from '../../api/domain/secrets';

/** An admin key over the whole data set, for a benchmark run. */
export async function bootstrapKey(db: Database): Promise<string> {
  const { rows } = await db.pool.query<{ code: string }>(
    `SELECT code FROM admin_areas WHERE level = 'district'`,
  );
  const { key, prefix } = newApiKey();
  await insertApiKey(db.orm, {
    prefix,
    secretHash: digestSecret(key),
    name: `bench-${prefix}`,
    role: 'admin',
    scopes: rows.map((row) => row.code),
    expiresAt: null,
    createdBy: 'bench',
  });
  return key;
}

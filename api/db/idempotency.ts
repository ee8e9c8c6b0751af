import type { ScopedClient } from './scoped';

/**
 * `Idempotency-Key` records: which incident a caller's key created, and a digest of the request
 * that did, so a repeat returns the same incident and a different request under the same key
 * is refused.
 */
export interface IdempotencyRecord {
  incidentId: number;
  requestHash: string;
}

export async function findIdempotencyKey(
  client: ScopedClient,
  owner: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const result = await client.query<{ incident_id: number; request_hash: string }>(
    'SELECT incident_id, request_hash FROM idempotency_keys WHERE owner = $1 AND key = $2',
    [owner, key],
  );
  const row = result.rows[0];
  return row ? { incidentId: row.incident_id, requestHash: row.request_hash } : null;
}

/**
 * Records the key. Under a concurrent repeat this waits for the other transaction and then
 * fails with a unique violation (23505); the caller rolls back and reads the winner's record.
 */
export async function insertIdempotencyKey(
  client: ScopedClient,
  owner: string,
  key: string,
  record: IdempotencyRecord,
  at: Date,
): Promise<void> {
  await client.query(
    `INSERT INTO idempotency_keys (owner, key, request_hash, incident_id, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [owner, key, record.requestHash, record.incidentId, at.toISOString()],
  );
}

import type { ApiProcess } from './env';

/** An admin key of this workload's own, and how to revoke it. */
export interface RunKey {
  key: string;
  revoke(): Promise<void>;
}

/**
 * Makes an admin key over the whole district through the admin API, expiring in two hours, for
 * a workload that runs for minutes. The bench's bootstrap key is one row (`bootstrap`) that
 * every API process started with another bootstrap key replaces, so a second bench run on the
 * same database would otherwise revoke this run's key half-way; this key stays valid until the
 * workload revokes it.
 */
export async function openRunKey(api: ApiProcess, adminKey: string, name: string) {
  const headers = { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' };
  const filter = encodeURIComponent("level = 'district'");
  const areas = (await fetch(
    `${api.origin}/ogc/collections/admin-areas/items?limit=1&filter=${filter}`,
    { headers },
  ).then((response) => response.json())) as { features: { id: string }[] };
  const district = areas.features[0]?.id;
  if (!district) throw new Error('no district in admin-areas');
  const response = await fetch(`${api.origin}/api/v1/api-keys`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: `bench-${name}`,
      role: 'admin',
      scopes: [district],
      expiresAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    }),
  });
  if (!response.ok) throw new Error(`making the ${name} key: ${await response.text()}`);
  const { id, key } = (await response.json()) as { id: number; key: string };
  return {
    key,
    revoke: async () => {
      await fetch(`${api.origin}/api/v1/api-keys/${id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${key}` },
      }).then((r) => r.body?.cancel());
    },
  } satisfies RunKey;
}

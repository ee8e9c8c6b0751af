import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from '../../../api/contract/codes';

/** A small deterministic generator (mulberry32), so every run draws the same incidents. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(items: readonly T[], r: number): T => items[Math.floor(r * items.length)] as T;

/**
 * An OGC items page of `count` synthetic incidents spread over `bbox`, reported in the six days
 * before `now`, with the properties the wall screen asks for. Returns the JSON text and how
 * many of the incidents are open (not closed, rejected or merged).
 */
export function syntheticIncidentPage(
  count: number,
  bbox: [number, number, number, number],
  now: number,
): { json: string; open: number } {
  const next = random(count);
  const [west, south, east, north] = bbox;
  const features = [];
  let open = 0;
  for (let i = 0; i < count; i += 1) {
    const status = pick(INCIDENT_STATUSES, next());
    if (!['closed', 'rejected', 'merged'].includes(status)) open += 1;
    const reportedAt = now - next() * 6 * 86_400_000;
    features.push({
      type: 'Feature',
      id: `SYN${String(i).padStart(9, '0')}`,
      geometry: {
        type: 'Point',
        coordinates: [west + next() * (east - west), south + next() * (north - south)],
      },
      properties: {
        code: `SYN${String(i).padStart(9, '0')}`,
        category: pick(INCIDENT_CATEGORIES, next()),
        severity: pick(SEVERITIES, next()),
        status,
        grid_code: '',
        community_code: '',
        street_code: '',
        reported_at: new Date(reportedAt).toISOString(),
        accept_deadline: new Date(reportedAt + 3_600_000).toISOString(),
        resolve_deadline: new Date(reportedAt + 3 * 86_400_000).toISOString(),
        closed_at: status === 'closed' ? new Date(reportedAt + 86_400_000).toISOString() : null,
        overdue: next() < 0.05,
      },
    });
  }
  const page = { type: 'FeatureCollection', features, numberMatched: count, links: [] };
  return { json: JSON.stringify(page), open };
}

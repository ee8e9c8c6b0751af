/**
 * Benchmark: the wall parsing 100,000 incident features (the wall-scale browser test's count)
 * with the item contract's schema, as `incidentsQuery` does for every page it fetches.
 *
 * Baseline, in the same run: the reading the wall had before the contract (typeof checks with
 * silent defaults, no validation). The figure that matters is the parse time per 100,000
 * features; it should stay well under a second.
 */
import { INCIDENT_STATUSES, SEVERITIES } from '../../api/contract/codes';
import { INCIDENT_ITEMS } from '../../web/server-state/wall-features';

const COUNT = 100_000;
const ROUNDS = 5;

function incidentFeature(i: number) {
  const reported = Date.UTC(2026, 5, 1) + i * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
  return {
    type: 'Feature',
    id: `SJ2026060${String(i).padStart(9, '0')}`,
    geometry: { type: 'Point', coordinates: [116.6 + (i % 100) / 1000, 35.4 + (i % 77) / 1000] },
    properties: {
      code: `SJ2026060${String(i).padStart(9, '0')}`,
      category: 'emergency',
      severity: SEVERITIES[i % SEVERITIES.length],
      status: INCIDENT_STATUSES[i % INCIDENT_STATUSES.length],
      grid_code: '370871001001001',
      community_code: '370871001001',
      street_code: '370871001000',
      reported_at: iso(reported),
      accept_deadline: iso(reported + 60_000),
      resolve_deadline: iso(reported + 3_600_000),
      closed_at: i % 3 === 0 ? iso(reported + 1_800_000) : null,
      overdue: i % 5 === 0,
    },
  };
}

/** The median of `ROUNDS` timed runs of `work` over `features`, in milliseconds. */
function median(features: readonly unknown[], work: (feature: unknown) => unknown): number {
  const times: number[] = [];
  for (let round = 0; round <= ROUNDS; round += 1) {
    const start = performance.now();
    for (const feature of features) work(feature);
    if (round > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const features = JSON.parse(
  JSON.stringify(Array.from({ length: COUNT }, (_, i) => incidentFeature(i))),
);
const parsed = median(features, INCIDENT_ITEMS.read);
/** The wall's reading before the contract: typeof checks with silent defaults, no validation. */
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : NaN);
const unchecked = median(features, (feature) => {
  const { properties: p, geometry } = feature as ReturnType<typeof incidentFeature>;
  return {
    code: text(p.code),
    category: p.category,
    severity: p.severity,
    status: p.status,
    gridCode: text(p.grid_code),
    communityCode: text(p.community_code),
    streetCode: text(p.street_code),
    lng: geometry.coordinates[0] ?? 0,
    lat: geometry.coordinates[1] ?? 0,
    reportedAt: time(p.reported_at),
    acceptDeadline: time(p.accept_deadline),
    resolveDeadline: time(p.resolve_deadline),
    closedAt: p.closed_at === null ? null : time(p.closed_at),
    overdue: p.overdue === true,
  };
});
console.log(
  `${COUNT} incident features: contract parse ${parsed.toFixed(0)} ms, unchecked read ${unchecked.toFixed(0)} ms`,
);

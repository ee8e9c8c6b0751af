import type pg from 'pg';
import type { Completeness, Coverage, Scenario } from '../../../api/contract/analysis';
import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../api/contract/codes';
import { categoryDistanceM } from '../../../api/contract/life-circle';

/**
 * The analysis API as the benchmark calls it: over HTTP, with the bench's admin key, failing
 * loudly on anything but 200 (a benchmark of error answers would measure nothing).
 */
export interface AnalysisClient {
  coverage(category: ServiceCategory, distance: number): Promise<Coverage>;
  completenessAll(): Promise<Completeness>;
  /**
   * Every category computed: completeness of all circles (the basic categories), then the
   * coverage of each optional category at its circle's distance.
   */
  everyCategory(): Promise<number>;
  /** Evaluates one added facility, with that category's full coverage before and after. */
  addFacility(category: ServiceCategory, at: { lng: number; lat: number }): Promise<Scenario>;
  /**
   * The coverage route refusing an unknown category (400): authentication, rate limiting and
   * validation without any analysis — the app's floor for one request.
   */
  floor(): Promise<number>;
}

export function analysisClient(origin: string, key: string): AnalysisClient {
  const send = (path: string, body?: unknown) =>
    fetch(`${origin}/api/v1/analysis/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await send(path, body);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    coverage: (category, distance) => call(`coverage?category=${category}&distance=${distance}`),
    completenessAll: () => call('completeness?circle=all'),
    async everyCategory() {
      const all = await call<Completeness>('completeness?circle=all');
      const optional = SERVICE_CATEGORIES.filter((c) => !all.basicCategories.includes(c));
      for (const category of optional) {
        await call(`coverage?category=${category}&distance=${categoryDistanceM(category)}`);
      }
      return all.basicCategories.length + optional.length;
    },
    addFacility: (category, at) =>
      call('scenarios', {
        changes: [{ op: 'add', category, lng: at.lng, lat: at.lat }],
        focus: { category },
      }),
    async floor() {
      const response = await send('coverage?category=none&distance=1000');
      const text = await response.text();
      if (response.status !== 400) throw new Error(`floor: ${response.status} ${text}`);
      return text.length;
    },
  };
}

/**
 * Changes nothing but counts as an edit of service points: the statement trigger bumps their
 * version in analysis_versions, so the engine re-reads the facilities and drops every cached
 * distance (the network and buildings stay), as after an edit in QGIS or an adoption.
 */
export async function touchServicePoints(pool: pg.Pool): Promise<void> {
  await pool.query(
    `UPDATE service_points SET name = name WHERE code = (SELECT min(code) FROM service_points)`,
  );
}

/** Changes nothing but counts as an edit of roads: the engine rebuilds its whole model. */
export async function touchRoads(pool: pg.Pool): Promise<void> {
  await pool.query(`UPDATE roads SET name = name WHERE id = (SELECT min(id) FROM roads)`);
}

/** A point inside a building in the middle of the id range: where the scenario adds a facility. */
export async function scenarioSite(pool: pg.Pool): Promise<{ lng: number; lat: number }> {
  const { rows } = await pool.query<{ lng: number; lat: number }>(
    `SELECT ST_X(p) AS lng, ST_Y(p) AS lat
       FROM (SELECT ST_PointOnSurface(geom) AS p FROM buildings ORDER BY id
              OFFSET (SELECT count(*) / 2 FROM buildings) LIMIT 1) q`,
  );
  return rows[0]!;
}

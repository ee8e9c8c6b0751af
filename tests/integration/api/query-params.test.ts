import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { pointInGrid, report, send } from '../incidents/support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let commander: string;
let incident: string;
let district: string;

interface ErrorBody {
  error: { code: string; issues: { path: string; message: string }[] };
}

const get = async (path: string) => {
  const response = await send(app, 'GET', path, commander);
  return { status: response.status, body: (await response.json()) as ErrorBody };
};

beforeAll(async () => {
  app = createTestApp(db());
  district = (await areaCodes(db())).district;
  commander = (await makeKey(db(), 'commander', [district])).key;
  const at = await pointInGrid(db());
  incident = (await report(app, commander, at.lng, at.lat)).incident.code;
});

describe('query parameters of /api/v1', () => {
  it('refuses an unknown parameter with 400 naming it, on every route that reads a query', async () => {
    const paths = [
      `/api/v1/stats/overview?area=${district}&areas=1`,
      `/api/v1/incidents/${incident}/nearby?limit=5&radius=100`,
      '/api/v1/analysis/demands?days=30&radius=100',
      '/api/v1/analysis/completeness?circle=all&radius=100',
      '/api/v1/analysis/coverage?category=health_station&radius=100',
      '/api/v1/analysis/site-suggestions?category=health_station&radius=100',
      '/api/v1/analysis/isochrones?point=117,36&radius=100',
    ];
    for (const path of paths) {
      const { status, body } = await get(path);
      expect({ path, status }).toEqual({ path, status: 400 });
      const named = body.error.issues.map((issue) => issue.path);
      expect({ path, named }).toEqual({
        path,
        named: [path.includes('areas') ? 'areas' : 'radius'],
      });
    }
  });

  it('still answers the parameters the web app sends', async () => {
    expect((await get(`/api/v1/stats/overview?area=${district}`)).status).toBe(200);
    expect(
      (await get(`/api/v1/incidents/${incident}/nearby?kinds=camera,member&limit=5`)).status,
    ).toBe(200);
    expect((await get(`/api/v1/analysis/demands?area=${district}&days=90`)).status).toBe(200);
  });

  it('takes numbers only as plain decimal digits', async () => {
    const routes = [
      { param: 'limit', path: `/api/v1/incidents/${incident}/nearby?limit=` },
      { param: 'days', path: '/api/v1/analysis/demands?days=' },
      { param: 'k', path: '/api/v1/analysis/site-suggestions?category=health_station&k=' },
      { param: 'distance', path: '/api/v1/analysis/coverage?category=health_station&distance=' },
      {
        param: 'speed',
        path: '/api/v1/analysis/coverage?category=health_station&minutes=10&speed=',
      },
      { param: 'distances', path: '/api/v1/analysis/isochrones?point=117,36&distances=' },
    ];
    for (const { param, path } of routes) {
      for (const value of ['0x10', '1e1', '1e3', ' 12', '12 ', '12abc', 'Infinity', '']) {
        const { status, body } = await get(path + encodeURIComponent(value));
        expect({ param, value, status }).toEqual({ param, value, status: 400 });
        const named = body.error.issues.map((issue) => issue.path.split('.')[0]);
        expect({ param, value, named }).toEqual({ param, value, named: [param] });
      }
    }
    expect((await get(`/api/v1/incidents/${incident}/nearby?limit=12`)).status).toBe(200);
    expect((await get('/api/v1/analysis/demands?days=30')).status).toBe(200);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES } from '../../../api/contract/codes';
import { createTestApp } from '../support/app';
import { useTestDatabase } from '../support/db';
import { areaCodes, makeKey } from '../support/identities';
import { expectOpen311Error, get } from './support';

const db = useTestDatabase();
let app: ReturnType<typeof createTestApp>;
let consumer: string;

beforeAll(async () => {
  app = createTestApp(db());
  consumer = (await makeKey(db(), 'api_consumer', [(await areaCodes(db())).district])).key;
});

describe('GET /open311/v2/services', () => {
  it('lists our incident categories as services with exactly the specification’s fields', async () => {
    const response = await get(app, '/open311/v2/services.json', consumer);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const services = (await response.json()) as Record<string, unknown>[];
    expect(services.map((s) => s.service_code)).toEqual([...INCIDENT_CATEGORIES]);
    for (const service of services) {
      expect(Object.keys(service)).toEqual([
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]);
      expect(service.service_name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(typeof service.description).toBe('string');
      expect(service.metadata).toBe(false);
      expect(['realtime', 'batch', 'blackbox']).toContain(service.type);
      expect(typeof service.keywords).toBe('string');
      expect(typeof service.group).toBe('string');
    }
  });

  it('answers in XML too', async () => {
    const response = await get(app, '/open311/v2/services.xml', consumer);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service>/);
    expect(xml.match(/<service>/g)).toHaveLength(INCIDENT_CATEGORIES.length);
  });

  it('gives a service definition with service_code and attributes', async () => {
    const response = await get(app, '/open311/v2/services/dispute.json', consumer);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service_code: 'dispute', attributes: [] });
  });

  it('answers an unknown service code with 404 in the specification’s error format', async () => {
    const description = await expectOpen311Error(
      await get(app, '/open311/v2/services/potholes.json', consumer),
      404,
    );
    expect(description).toContain('potholes');
    const xml = await get(app, '/open311/v2/services/potholes.xml', consumer);
    expect(xml.status).toBe(404);
    expect(await xml.text()).toContain('<errors><error><code>404</code><description>');
  });

  it('answers unknown formats and paths with 404 in the specification’s error format', async () => {
    await expectOpen311Error(await get(app, '/open311/v2/services/dispute.csv', consumer), 404);
    await expectOpen311Error(await get(app, '/open311/v2/nothing.json', consumer), 404);
  });

  it('needs credentials: 401 in the specification’s error format', async () => {
    await expectOpen311Error(await get(app, '/open311/v2/services.json'), 401);
  });

  it('offers a service discovery document naming the endpoint and formats', async () => {
    const response = await get(app, '/open311/v2/discovery.json', consumer);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown> & {
      endpoints: Record<string, unknown>[];
    };
    expect(Object.keys(discovery)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://localhost/open311/v2',
      type: 'production',
      formats: ['application/json', 'text/xml'],
    });
  });
});

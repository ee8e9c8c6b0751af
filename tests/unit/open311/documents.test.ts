import { describe, expect, it } from 'vitest';
import { open311Error, splitFormat, toXml } from '../../../api/open311/documents';
import { serviceDefinition, serviceList } from '../../../api/open311/services';
import { INCIDENT_CATEGORIES } from '../../../api/contract/codes';

describe('Open311 documents', () => {
  it('lists one service per incident category with the specification’s fields', () => {
    const services = serviceList();
    expect(services.map((s) => s.service_code)).toEqual([...INCIDENT_CATEGORIES]);
    for (const s of services) {
      expect(Object.keys(s)).toEqual([
        'service_code',
        'service_name',
        'description',
        'metadata',
        'type',
        'keywords',
        'group',
      ]);
      expect(s.service_name).toMatch(/[\u4e00-\u9fff]/);
      expect(s.description).toMatch(/[A-Za-z]/);
      expect(s.metadata).toBe(false);
      expect(s.type).toBe('realtime');
    }
    expect(serviceDefinition('dispute')).toEqual({ service_code: 'dispute', attributes: [] });
  });

  it('writes XML by the Spark convention: containers of items, empty elements for null', () => {
    const xml = toXml('service_requests', [
      { service_request_id: 'YP1', status_notes: null, description: 'a < b & "c"', lat: 35.4 },
    ]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        '<service_requests><request><service_request_id>YP1</service_request_id>' +
        '<status_notes/><description>a &lt; b &amp; &quot;c&quot;</description>' +
        '<lat>35.4</lat></request></service_requests>',
    );
    expect(toXml('service_definition', serviceDefinition('dispute'))).toContain(
      '<service_definition><service_code>dispute</service_code><attributes></attributes>',
    );
  });

  it('shapes errors as [{code, description}] in the format of the path, with coarse statuses', () => {
    const json = open311Error('/open311/v2/requests.json', 422, 'Outside.', [
      { path: 'lat', message: 'bad' },
    ]);
    expect(json.status).toBe(400);
    expect(json.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(json.body)).toEqual([{ code: 400, description: 'Outside. (lat: bad)' }]);
    const xml = open311Error('/open311/v2/services/x.xml', 404, 'No such service.');
    expect(xml.status).toBe(404);
    expect(xml.contentType).toMatch(/^text\/xml/);
    expect(xml.body).toContain(
      '<errors><error><code>404</code><description>No such service.</description></error></errors>',
    );
  });

  it('splits a file name into its name and format', () => {
    expect(splitFormat('dispute.json')).toEqual({ name: 'dispute', format: 'json' });
    expect(splitFormat('YP20260601000001.xml')).toEqual({
      name: 'YP20260601000001',
      format: 'xml',
    });
    expect(splitFormat('dispute.csv')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
  });
});

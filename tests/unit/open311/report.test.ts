import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../api/domain/errors';
import { reportFromForm } from '../../../api/open311/report';

const base = { service_code: 'city_appearance', lat: '35.40', long: '116.68' };

describe('POST requests form → incident', () => {
  it('builds a medium resident report at lat/long with photo and reporter', () => {
    const input = reportFromForm({
      ...base,
      api_key: 'ignored here',
      description: '路边堆放垃圾',
      media_url: 'https://example.org/photo.jpg',
      first_name: '小明',
      last_name: '王',
      phone: '13800001111',
      email: 'wang@example.org',
      device_id: 'phone-1',
    });
    expect(input).toEqual({
      category: 'city_appearance',
      description: '路边堆放垃圾',
      location: { type: 'Point', coordinates: [116.68, 35.4] },
      source: 'resident_app',
      severity: 'medium',
      photoUrls: ['https://example.org/photo.jpg'],
      reporter: { name: '王小明', contact: '13800001111' },
    });
  });

  it('takes address_string when there is no point, and names Latin reporters given name first', () => {
    const input = reportFromForm({
      service_code: 'dispute',
      address_string: '杏城社区第3网格',
      first_name: 'John',
      last_name: 'Smith',
      email: 'john@example.org',
    });
    expect(input.location).toBeUndefined();
    expect(input.address).toBe('杏城社区第3网格');
    expect(input.reporter).toEqual({ name: 'John Smith', contact: 'john@example.org' });
    expect(input.description).toContain('矛盾纠纷');
  });

  it('answers 400 without service_code and 404 for an unknown one', () => {
    expect(() => reportFromForm({ lat: '35.4', long: '116.68' })).toThrow(ValidationError);
    expect(() => reportFromForm({ ...base, service_code: 'potholes' })).toThrow(NotFoundError);
  });

  it('needs both coordinates, valid ones, or an address', () => {
    expect(() => reportFromForm({ service_code: 'dispute', lat: '35.4' })).toThrow(/both/);
    expect(() => reportFromForm({ ...base, lat: 'north' })).toThrow(/lat/);
    expect(() => reportFromForm({ ...base, long: '200' })).toThrow(/long/);
    expect(() => reportFromForm({ service_code: 'dispute', address_id: '42' })).toThrow(
      /address_id/,
    );
  });

  it('names the form field of an invalid value', () => {
    try {
      reportFromForm({ ...base, media_url: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['media_url']);
    }
  });
});

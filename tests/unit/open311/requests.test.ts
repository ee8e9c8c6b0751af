import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../api/contract/codes';
import {
  open311Status,
  parseRequestQuery,
  requestWindow,
  serviceRequest,
  statusesFor,
  type RequestRow,
} from '../../../api/open311/requests';

const NOW = new Date('2026-06-01T08:00:00Z');
const DAY = 86_400_000;

/** The response fields of GET requests, in the specification's order. */
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

const row = (overrides: Partial<RequestRow> = {}): RequestRow => ({
  code: 'YP20260601000001',
  status: 'dispatched',
  category: 'city_appearance',
  description: '路边堆放垃圾',
  address: '光明路',
  lng: 116.68,
  lat: 35.4,
  reportedAt: new Date('2026-06-01T08:00:00.123Z'),
  updatedAt: new Date('2026-06-01T09:30:00Z'),
  acceptDeadline: new Date('2026-06-01T09:00:00Z'),
  resolveDeadline: new Date('2026-06-02T08:00:00Z'),
  gridName: '杏城社区第3网格',
  mergedInto: null,
  statusNote: null,
  photoUrls: ['https://example.org/a.jpg'],
  ...overrides,
});

const params = (p: Partial<Parameters<typeof parseRequestQuery>[0]> = {}) => ({
  service_request_id: [],
  service_code: [],
  start_date: undefined,
  end_date: undefined,
  status: [],
  ...p,
});

describe('Open311 service requests', () => {
  it('maps statuses: closed, rejected and merged are closed, the rest open', () => {
    const closed = INCIDENT_STATUSES.filter((s) => open311Status(s) === 'closed');
    expect(closed).toEqual(['closed', 'rejected', 'merged']);
    expect(statusesFor(['open'])).toEqual([
      'reported',
      'accepted',
      'dispatched',
      'in_progress',
      'resolved',
      'verified',
    ]);
    expect(statusesFor(['open', 'closed'])).toEqual([...INCIDENT_STATUSES]);
  });

  it('shows exactly the fields of the specification, with W3C datetimes', () => {
    const request = serviceRequest(row());
    expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
    expect(request).toMatchObject({
      service_request_id: 'YP20260601000001',
      status: 'open',
      service_name: '市容环境',
      service_code: 'city_appearance',
      agency_responsible: '杏城社区第3网格',
      requested_datetime: '2026-06-01T08:00:00Z',
      updated_datetime: '2026-06-01T09:30:00Z',
      expected_datetime: '2026-06-02T08:00:00Z',
      address: '光明路',
      lat: 35.4,
      long: 116.68,
      media_url: 'https://example.org/a.jpg',
    });
    expect(request.service_notice).toContain('1 小时内受理');
    expect(request.service_notice).toContain('resolves within 24 h');
  });

  it('says in status_notes which end a closed request reached', () => {
    const merged = serviceRequest(row({ status: 'merged', mergedInto: 'YP20260601000009' }));
    expect(merged.status).toBe('closed');
    expect(merged.status_notes).toContain('merged into YP20260601000009');
    expect(merged.service_notice).toBeNull();
    const rejected = serviceRequest(row({ status: 'rejected', statusNote: '不属于受理范围' }));
    expect(rejected.status_notes).toBe('不予受理 Rejected: 不属于受理范围');
    expect(serviceRequest(row({ status: 'closed' })).status_notes).toBe('已办结 Closed');
  });

  it('gives nulls, not empty strings, for what we do not know', () => {
    const request = serviceRequest(row({ address: '', photoUrls: [], gridName: null }));
    expect(request.address).toBeNull();
    expect(request.media_url).toBeNull();
    expect(request.agency_responsible).toBeNull();
    expect(request.address_id).toBeNull();
    expect(request.zipcode).toBeNull();
  });
});

describe('GET requests parameters', () => {
  it('defaults to the most recent 90 days', () => {
    expect(requestWindow(null, null, NOW)).toEqual({
      start: new Date(NOW.getTime() - 90 * DAY),
      end: NOW,
    });
  });

  it('extends one given end by 90 days and refuses longer or inverted windows', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(requestWindow(start, null, NOW).end).toEqual(new Date(start.getTime() + 90 * DAY));
    expect(requestWindow(null, start, NOW).start).toEqual(new Date(start.getTime() - 90 * DAY));
    expect(() => requestWindow(start, new Date(start.getTime() + 91 * DAY), NOW)).toThrow(/90/);
    expect(() => requestWindow(start, new Date(start.getTime() - 1), NOW)).toThrow(/before/);
  });

  it('reads repeated and comma-delimited values; service_request_id overrides the rest', () => {
    const query = parseRequestQuery(
      params({
        service_code: ['city_appearance,dispute', 'livelihood'],
        status: ['closed'],
        start_date: '2026-05-01T00:00:00+08:00',
      }),
      NOW,
    );
    expect(query).toMatchObject({
      kind: 'search',
      categories: ['city_appearance', 'dispute', 'livelihood'],
      statuses: ['closed', 'rejected', 'merged'],
      start: new Date('2026-04-30T16:00:00Z'),
    });
    const ids = parseRequestQuery(
      params({ service_request_id: ['YP1, YP2'], service_code: ['nonsense'] }),
      NOW,
    );
    expect(ids).toEqual({ kind: 'ids', codes: ['YP1', 'YP2'] });
  });

  it('treats empty parameters as absent', () => {
    const query = parseRequestQuery(params({ service_code: [''], status: [''] }), NOW);
    expect(query).toMatchObject({ kind: 'search', categories: null, statuses: null });
  });

  it('refuses unknown codes, statuses and dates without a time zone', () => {
    expect(() => parseRequestQuery(params({ service_code: ['potholes'] }), NOW)).toThrow(
      /potholes/,
    );
    expect(() => parseRequestQuery(params({ status: ['pending'] }), NOW)).toThrow(/open or closed/);
    expect(() => parseRequestQuery(params({ start_date: '2026-05-01T00:00:00' }), NOW)).toThrow(
      /W3C/,
    );
    expect(() => parseRequestQuery(params({ end_date: 'yesterday' }), NOW)).toThrow(/end_date/);
  });
});

import type { IncidentCategory, IncidentStatus } from '../contract/codes';
import { INCIDENT_STATUSES } from '../contract/codes';
import { isFinishedStatus } from '../contract/statuses';
import { ValidationError } from '../domain/errors';
import { SERVICE_CATALOG, isServiceCode } from './services';
import type { Open311Row } from '../db/open311';

/**
 * Service requests as GeoReport v2 shows them: our incidents mapped field by field, the
 * `open`/`closed` status mapping, and the query of GET requests (date window, filters).
 */

export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** Open311's status of ours: the contract's finished statuses are `closed`, every other `open`. */
export function open311Status(status: IncidentStatus): Open311Status {
  return isFinishedStatus(status) ? 'closed' : 'open';
}

/** Our statuses behind a set of Open311 statuses. */
export function statusesFor(wanted: readonly Open311Status[]): IncidentStatus[] {
  return INCIDENT_STATUSES.filter((s) => wanted.includes(open311Status(s)));
}

/** An incident as the listing query reads it (api/db/open311.ts). */
export type RequestRow = Open311Row;

/** W3C date-time (ISO 8601) in UTC, to the second: `2010-01-01T00:00:00Z`. */
export function w3cDate(value: Date): string {
  return `${value.toISOString().slice(0, 19)}Z`;
}

const OPEN_NOTES: Readonly<Partial<Record<IncidentStatus, string>>> = {
  reported: '已上报，待受理 Reported, awaiting acceptance',
  accepted: '已受理 Accepted',
  dispatched: '已派遣网格员 Dispatched to a grid member',
  in_progress: '处置中 Being handled',
  resolved: '已处置，待核查 Resolved, awaiting verification',
  verified: '已核查，待办结 Verified, awaiting closure',
};

/** Why the request has its status: says which of our end states a closed request reached. */
export function statusNotes(row: Pick<RequestRow, 'status' | 'mergedInto' | 'statusNote'>) {
  const note = row.statusNote ? `: ${row.statusNote}` : '';
  switch (row.status) {
    case 'merged':
      return row.mergedInto
        ? `重复上报，已并入 ${row.mergedInto} Duplicate, merged into ${row.mergedInto}`
        : '重复上报，已合并 Duplicate, merged into another request';
    case 'rejected':
      return `不予受理 Rejected${note}`;
    case 'closed':
      return `已办结 Closed${note}`;
    default:
      return OPEN_NOTES[row.status] ?? row.status;
  }
}

function span(ms: number, zh: boolean): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return zh ? `${minutes} 分钟` : `${minutes} min`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return zh ? `${hours} 小时` : `${hours} h`;
}

/** What will happen: who answers and the service-level deadlines, in Chinese and English. */
export function serviceNotice(
  row: Pick<RequestRow, 'gridName' | 'reportedAt' | 'acceptDeadline' | 'resolveDeadline'>,
): string {
  const accept = row.acceptDeadline.getTime() - row.reportedAt.getTime();
  const resolve = row.resolveDeadline.getTime() - row.reportedAt.getTime();
  const who = row.gridName === null ? '' : `${row.gridName}的`;
  return (
    `${who}网格员 ${span(accept, true)}内受理，${span(resolve, true)}内办结。` +
    `A grid member accepts within ${span(accept, false)} and resolves within ${span(resolve, false)}.`
  );
}

/** One service request, with exactly the fields of the specification, in its order. */
export function serviceRequest(row: RequestRow) {
  const status = open311Status(row.status);
  return {
    service_request_id: row.code,
    status,
    status_notes: statusNotes(row),
    service_name: SERVICE_CATALOG[row.category].name,
    service_code: row.category,
    description: row.description,
    agency_responsible: row.gridName,
    service_notice: status === 'open' ? serviceNotice(row) : null,
    requested_datetime: w3cDate(row.reportedAt),
    updated_datetime: w3cDate(row.updatedAt),
    expected_datetime: w3cDate(row.resolveDeadline),
    address: row.address === '' ? null : row.address,
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: row.photoUrls[0] ?? null,
  };
}
export type ServiceRequest = ReturnType<typeof serviceRequest>;

/** The default and largest window of GET requests, and the most requests it returns. */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY = 86_400_000;

/** What GET requests asks for, after validation. */
export type RequestQuery =
  | { kind: 'ids'; codes: string[] }
  | {
      kind: 'search';
      start: Date;
      end: Date;
      categories: IncidentCategory[] | null;
      statuses: IncidentStatus[] | null;
    };

/** The raw parameters (each may be given several times and comma delimited). */
export interface RequestParams {
  service_request_id: string[];
  service_code: string[];
  start_date: string | undefined;
  end_date: string | undefined;
  status: string[];
}

/** Splits repeated, comma-delimited values; empty ones count as not given. */
export function listOf(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A W3C date-time with its time zone, or a 400 naming the parameter. */
export function parseW3cDate(value: string, name: string): Date {
  const date = W3C.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new ValidationError(
      `${name} must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z (got "${value}").`,
      [{ path: name, message: 'not a W3C date-time' }],
    );
  }
  return date;
}

/**
 * The date window: the most recent 90 days by default; one end given, 90 days from it; both
 * given, at most 90 days apart.
 */
export function requestWindow(start: Date | null, end: Date | null, now: Date) {
  const window = WINDOW_DAYS * DAY;
  if (start && end) {
    if (end < start) throw new ValidationError('end_date lies before start_date.');
    if (end.getTime() - start.getTime() > window) {
      throw new ValidationError(
        `start_date and end_date may not span more than ${WINDOW_DAYS} days.`,
      );
    }
    return { start, end };
  }
  if (start) return { start, end: new Date(start.getTime() + window) };
  const last = end ?? now;
  return { start: new Date(last.getTime() - window), end: last };
}

/** Validates the parameters of GET requests. `service_request_id` overrides all the others. */
export function parseRequestQuery(params: RequestParams, now: Date): RequestQuery {
  const ids = listOf(params.service_request_id);
  if (ids.length > MAX_REQUESTS) {
    throw new ValidationError(`At most ${MAX_REQUESTS} service_request_id values at once.`);
  }
  if (ids.length > 0) return { kind: 'ids', codes: ids };
  const codes = listOf(params.service_code);
  const unknown = codes.filter((c) => !isServiceCode(c));
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown service_code ${unknown.join(', ')}: see services.json.`);
  }
  const wanted = listOf(params.status);
  const badStatus = wanted.filter((s) => !(OPEN311_STATUSES as readonly string[]).includes(s));
  if (badStatus.length > 0) {
    throw new ValidationError(`status must be open or closed (got ${badStatus.join(', ')}).`);
  }
  const start = params.start_date ? parseW3cDate(params.start_date, 'start_date') : null;
  const end = params.end_date ? parseW3cDate(params.end_date, 'end_date') : null;
  return {
    kind: 'search',
    ...requestWindow(start, end, now),
    categories: codes.length > 0 ? (codes as IncidentCategory[]) : null,
    statuses: wanted.length > 0 ? statusesFor(wanted as Open311Status[]) : null,
  };
}

import { createHash } from 'node:crypto';
import type { CreateIncident, CreatedIncident } from '../../contract/incident-records';
import { appendEvents } from '../../db/events';
import { findIdempotencyKey, insertIdempotencyKey } from '../../db/idempotency';
import { incidentTimeline } from '../../db/incident-timeline';
import { findIncidentById, insertIncident, nextIncidentCode } from '../../db/incidents';
import { locateGrid, probableDuplicates, responsibleMember } from '../../db/incident-placement';
import type { ScopedClient } from '../../db/scoped';
import { AppError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { actorFromPrincipal, reportIncident } from '../../domain/incidents';
import { actorName, type Principal } from '../../domain/principal';
import { inScope } from '../../domain/scopes';
import type { IncidentDeps } from './deps';
import { incidentEventRows } from './event-rows';
import { placeAddress } from './place-address';
import { incidentView } from './view';

/** A new incident as the use case takes it: the API body plus what façades add. */
export interface CreateIncidentInput extends CreateIncident {
  /** IoT alarms: the device and alarm type, for de-duplicating repeats. */
  deviceId?: string;
  alarmType?: string;
}

export interface CreateOutcome {
  /** False when an earlier request with the same Idempotency-Key created the incident. */
  created: boolean;
  body: CreatedIncident;
}

/**
 * Reports an incident: places it (grid by point-in-polygon, nearest grid for a point on a
 * boundary road), assigns the on-duty member responsible for the grid, sets deadlines from the
 * category's SLA, writes the row and its `report` event in one transaction, and lists probable
 * duplicates. With an idempotency key, a repeat returns the first incident and creates nothing
 * — also when the repeats race each other.
 */
export async function createIncident(
  deps: IncidentDeps,
  principal: Principal,
  input: CreateIncidentInput,
  idempotencyKey?: string,
): Promise<CreateOutcome> {
  const owner = `${principal.kind}:${principal.id}`;
  const requestHash = digestRequest(input);
  const attempt = () =>
    deps.scoped(principal, async (client) => {
      if (idempotencyKey !== undefined) {
        const earlier = await findIdempotencyKey(client, owner, idempotencyKey);
        if (earlier) return repeat(client, principal, earlier, requestHash);
      }
      const outcome = await insertNew(deps, client, principal, input);
      if (idempotencyKey !== undefined) {
        const record = { incidentId: outcome.id, requestHash };
        await insertIdempotencyKey(client, owner, idempotencyKey, record, deps.clock.now());
      }
      return { created: true, body: outcome.body };
    });
  try {
    const outcome = await attempt();
    if (outcome.created) deps.onEvents?.();
    return outcome;
  } catch (error) {
    // A concurrent repeat committed the same key first: answer with its incident.
    if (idempotencyKey !== undefined && isUniqueViolation(error)) return attempt();
    throw error;
  }
}

async function repeat(
  client: ScopedClient,
  principal: Principal,
  earlier: { incidentId: number; requestHash: string },
  requestHash: string,
): Promise<CreateOutcome> {
  if (earlier.requestHash !== requestHash) {
    throw new AppError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request: use a new key for a new incident.',
    );
  }
  const record = await findIncidentById(client, earlier.incidentId);
  if (!record) throw new NotFoundError('The incident created with this Idempotency-Key is gone.');
  const actor = actorFromPrincipal(principal, principal.memberId ?? null);
  const timeline = await incidentTimeline(client, record.id);
  return {
    created: false,
    body: { incident: { ...incidentView(record, actor), timeline }, probableDuplicates: [] },
  };
}

/**
 * Reports a new incident inside the caller's open scoped transaction (for façades that hold
 * a lock while they decide, such as IoT alarms). No idempotency check, no `onEvents` call.
 */
export async function insertNew(
  deps: Pick<IncidentDeps, 'clock' | 'settings'>,
  client: ScopedClient,
  principal: Principal,
  input: CreateIncidentInput,
): Promise<{ id: number; body: CreatedIncident }> {
  const now = deps.clock.now();
  const point = await pointOf(client, input);
  const place = await locateGrid(client, point.lng, point.lat);
  if (!place) {
    throw new AppError(
      'outside_district',
      `The point [${point.lng}, ${point.lat}] lies outside the district: check the location (WGS84 [lng, lat]).`,
      [{ path: 'location', message: 'outside the district' }],
    );
  }
  if (!inScope(place.gridCode, principal.scopes)) {
    throw new ForbiddenError(
      `The point lies outside your area (${principal.scopes.join(', ')}); you can report only inside it.`,
    );
  }
  const code = await nextIncidentCode(client, now);
  const assigneeId = await responsibleMember(client, place.gridCode);
  const reporter = actorName(principal);
  const first = reportIncident(
    { code, category: input.category, severity: input.severity, assigneeId },
    reporter,
    now,
  );
  const duplicates = await probableDuplicates(
    client,
    { category: input.category, lng: point.lng, lat: point.lat, at: now },
    { radiusM: deps.settings.duplicateRadiusM, hours: deps.settings.duplicateHours },
  );
  const row = {
    state: first.incident,
    source: input.source,
    description: input.description,
    address: input.address ?? '',
    lng: point.lng,
    lat: point.lat,
    ...place,
    photoUrls: input.photoUrls,
    reporterName: input.reporter?.name ?? null,
    reporterContact: input.reporter?.contact ?? null,
    deviceId: input.deviceId ?? null,
    alarmType: input.alarmType ?? null,
  };
  const id = await insertIncident(client, row);
  const record = { id, ...row };
  await appendEvents(
    client,
    incidentEventRows(record, first.events, {
      lng: point.lng,
      lat: point.lat,
      gridCode: place.gridCode,
      source: input.source,
      probableDuplicates: duplicates.map((d) => d.code),
    }),
  );
  const saved = await findIncidentById(client, id);
  const actor = actorFromPrincipal(principal, principal.memberId ?? null);
  const timeline = await incidentTimeline(client, id);
  return {
    id,
    body: {
      incident: { ...incidentView(saved!, actor), timeline },
      probableDuplicates: duplicates.map((d) => ({
        ...d,
        reportedAt: d.reportedAt.toISOString(),
      })),
    },
  };
}

async function pointOf(
  client: ScopedClient,
  input: CreateIncidentInput,
): Promise<{ lng: number; lat: number }> {
  if (input.location) {
    const [lng, lat] = input.location.coordinates;
    return { lng, lat };
  }
  return placeAddress(client, input.address ?? '');
}

/** A stable digest of the request, so a reused key with another body is recognised. */
function digestRequest(input: CreateIncidentInput): string {
  const stable = JSON.stringify(input, Object.keys(flatKeys(input)).sort());
  return createHash('sha256').update(stable).digest('hex');
}

function flatKeys(value: unknown, into: Record<string, true> = {}): Record<string, true> {
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into[key] = true;
      flatKeys(inner, into);
    }
  }
  return into;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

import { createHash } from 'node:crypto';
import { chinaDateKey } from '../../contract/china-time';
import type { CreateIncident, CreatedIncident } from '../../contract/incident-records';
import { appendEvents, deferCommitFlush } from '../../db/events';
import { findIdempotencyKey, insertIdempotencyKey } from '../../db/idempotency';
import { incidentTimeline } from '../../db/incident-timeline';
import { findIncidentById, insertIncident } from '../../db/incidents';
import { placeNewIncident, type NewIncidentPlace } from '../../db/incident-placement';
import type { ScopedClient } from '../../db/scoped';
import { AppError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { actorFromPrincipal, reportIncident } from '../../domain/incidents';
import { actorName, type Principal } from '../../domain/principal';
import { inScope } from '../../domain/scopes';
import type { IncidentDeps } from './deps';
import { incidentEventRows, timelineEntries } from './event-rows';
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
      if (deps.flushCommits) await deferCommitFlush(client);
      if (idempotencyKey !== undefined) {
        const earlier = await findIdempotencyKey(client, owner, idempotencyKey);
        if (earlier) return repeat(client, principal, earlier, requestHash);
      }
      const claim =
        idempotencyKey === undefined ? undefined : { owner, key: idempotencyKey, requestHash };
      const outcome = await insertNew(deps, client, principal, input, claim);
      return { created: true, body: outcome.body };
    });
  let outcome: CreateOutcome;
  try {
    outcome = await attempt();
  } catch (error) {
    // A concurrent repeat committed the same key first: answer with its incident.
    if (idempotencyKey === undefined || !isUniqueViolation(error)) throw error;
    outcome = await attempt();
  }
  // Nothing is acknowledged before its commit is on disk (the repeat's too: it may have read
  // another request's commit that is not yet).
  await deps.flushCommits?.();
  if (outcome.created) deps.onEvents?.();
  return outcome;
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

/** The `Idempotency-Key` a new incident is recorded under, with the request's digest. */
export interface IdempotencyClaim {
  owner: string;
  key: string;
  requestHash: string;
}

/**
 * Reports a new incident inside the caller's open scoped transaction (for façades that hold
 * a lock while they decide, such as IoT alarms). With `claim`, the key is recorded with it;
 * no `onEvents` call. Four statements: the place (grid, member, code and duplicates at once),
 * the row, the key, and the events last (they take the event-order lock held to commit).
 */
export async function insertNew(
  deps: Pick<IncidentDeps, 'clock' | 'settings'>,
  client: ScopedClient,
  principal: Principal,
  input: CreateIncidentInput,
  claim?: IdempotencyClaim,
): Promise<{ id: number; body: CreatedIncident }> {
  const now = deps.clock.now();
  const point = await pointOf(client, input);
  const place = await placeReport(deps, client, principal, { ...input, ...point }, now);
  const first = reportIncident(
    {
      code: place.code,
      category: input.category,
      severity: input.severity,
      assigneeId: place.assigneeId,
    },
    actorName(principal),
    now,
  );
  const row = {
    state: first.incident,
    source: input.source,
    description: input.description,
    address: input.address ?? '',
    lng: point.lng,
    lat: point.lat,
    gridCode: place.gridCode,
    communityCode: place.communityCode,
    streetCode: place.streetCode,
    photoUrls: input.photoUrls,
    reporterName: input.reporter?.name ?? null,
    reporterContact: input.reporter?.contact ?? null,
    deviceId: input.deviceId ?? null,
    alarmType: input.alarmType ?? null,
  };
  const record = { ...row, ...(await insertIncident(client, row)) };
  if (claim) {
    const key = { incidentId: record.id, requestHash: claim.requestHash };
    await insertIdempotencyKey(client, claim.owner, claim.key, key, now);
  }
  const duplicates = place.duplicates;
  const events = incidentEventRows(record, first.events, {
    lng: point.lng,
    lat: point.lat,
    gridCode: place.gridCode,
    source: input.source,
    probableDuplicates: duplicates.map((d) => d.code),
  });
  const seqs = await appendEvents(client, events);
  const actor = actorFromPrincipal(principal, principal.memberId ?? null);
  return {
    id: record.id,
    body: {
      incident: { ...incidentView(record, actor), timeline: timelineEntries(events, seqs) },
      probableDuplicates: duplicates.map((d) => ({
        ...d,
        reportedAt: d.reportedAt.toISOString(),
      })),
    },
  };
}

/** The grid, member, code and duplicates of a report; refuses a point outside the district or the caller's area. */
async function placeReport(
  deps: Pick<IncidentDeps, 'settings'>,
  client: ScopedClient,
  principal: Principal,
  report: { category: CreateIncidentInput['category']; lng: number; lat: number },
  now: Date,
): Promise<NewIncidentPlace> {
  const place = await placeNewIncident(
    client,
    {
      category: report.category,
      lng: report.lng,
      lat: report.lat,
      at: now,
      day: chinaDateKey(now),
    },
    { radiusM: deps.settings.duplicateRadiusM, hours: deps.settings.duplicateHours },
  );
  if (!place) {
    throw new AppError(
      'outside_district',
      `The point [${report.lng}, ${report.lat}] lies outside the district: check the location (WGS84 [lng, lat]).`,
      [{ path: 'location', message: 'outside the district' }],
    );
  }
  if (!inScope(place.gridCode, principal.scopes)) {
    throw new ForbiddenError(
      `The point lies outside your area (${principal.scopes.join(', ')}); you can report only inside it.`,
    );
  }
  return place;
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

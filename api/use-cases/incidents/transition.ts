import type { IncidentDetail } from '../../contract/incident-records';
import type { IncidentAction } from '../../contract/incidents';
import { appendEvents, deferCommitFlush, type EventRow } from '../../db/events';
import { memberVisible, responsibleMember } from '../../db/incident-placement';
import { incidentTimeline } from '../../db/incident-timeline';
import { findIncidentById, findIncidents, saveIncidentState } from '../../db/incidents';
import type { ScopedClient } from '../../db/scoped';
import { AppError, NotFoundError } from '../../domain/errors';
import {
  absorbEvent,
  actorFromPrincipal,
  applyAction,
  checkMergeTarget,
  checkVersion,
  PreconditionFailedError,
  type Actor,
} from '../../domain/incidents';
import type { Principal } from '../../domain/principal';
import type { IncidentDeps } from './deps';
import { incidentEventRows, timelineEntries } from './event-rows';
import { incidentView } from './view';

/**
 * Takes one workflow action on an incident: locks the row (and a merge target), checks the
 * caller's `If-Match` version (412), lets the pure state machine decide (403/409/400/422),
 * writes the new state and its events in the same transaction, and returns the incident with
 * its timeline. Like a report, it commits without waiting for the disk under the event-order
 * lock and answers once its commit is on disk.
 */
export async function transitionIncident(
  deps: IncidentDeps,
  principal: Principal,
  code: string,
  action: IncidentAction,
  expectedVersion: number | null,
): Promise<IncidentDetail> {
  const detail = await deps.scoped(principal, async (client) => {
    if (deps.flushCommits) await deferCommitFlush(client);
    const now = deps.clock.now();
    const codes = action.action === 'merge' ? [code, action.into] : [code];
    const locked = await findIncidents(client, codes, true);
    const record = locked.find((r) => r.state.code === code);
    if (!record) throw new NotFoundError(`There is no incident ${code} in your area.`);
    checkVersion(expectedVersion, record.state.version);
    const actor = actorFromPrincipal(principal, principal.memberId ?? null);
    const target =
      action.action === 'merge' ? locked.find((r) => r.state.code === action.into) : undefined;
    if (action.action === 'merge' && !target && action.into !== code) {
      throw new NotFoundError(`There is no incident ${action.into} in your area to merge into.`);
    }
    const resolved = await completeAction(client, record.gridCode, record.state, action);
    const result = applyAction(record.state, resolved, actor, now);
    if (target) checkMergeTarget(record.state, target.state);
    const saved = await saveIncidentState(
      client,
      record.id,
      record.state.version,
      result.incident,
      now,
    );
    if (!saved) throw new PreconditionFailedError(record.state.version, record.state.version + 1);
    const rows = incidentEventRows({ ...record, state: result.incident }, result.events, {
      action: action.action,
    });
    if (target) {
      rows.push(...incidentEventRows(target, [absorbEvent(code, actor, now)], { from: code }));
    }
    return appendAfterDetail(client, record.id, actor, rows);
  });
  await deps.flushCommits?.();
  deps.onEvents?.();
  return detail;
}

/**
 * The incident's detail read first, then the events appended and added to its timeline: appending
 * takes the event-order lock, held until commit, so nothing else runs under it.
 */
export async function appendAfterDetail(
  client: ScopedClient,
  id: number,
  actor: Actor,
  rows: readonly EventRow[],
): Promise<IncidentDetail> {
  const before = await detailOf(client, id, actor);
  const seqs = await appendEvents(client, rows);
  const own = rows.flatMap((row, i) => (row.incidentId === id ? [i] : []));
  const added = timelineEntries(
    own.map((i) => rows[i]!),
    own.map((i) => seqs[i]!),
  );
  return { ...before, timeline: [...before.timeline, ...added] };
}

/** A dispatch without an assignee goes to the member responsible for the grid. */
async function completeAction(
  client: ScopedClient,
  gridCode: string,
  state: { assigneeId: string | null },
  action: IncidentAction,
): Promise<IncidentAction> {
  if (action.action !== 'dispatch') return action;
  if (action.assigneeId !== undefined) {
    if (!(await memberVisible(client, action.assigneeId))) {
      throw new AppError(
        'unknown_member',
        `There is no grid member ${action.assigneeId} in your area.`,
        [{ path: 'assigneeId', message: 'unknown grid member' }],
      );
    }
    return action;
  }
  if (state.assigneeId !== null) return action;
  const responsible = await responsibleMember(client, gridCode);
  return responsible === null ? action : { ...action, assigneeId: responsible };
}

/** The incident (after the change) with its timeline, as `actor` sees it. */
export async function detailOf(
  client: ScopedClient,
  id: number,
  actor: Actor,
): Promise<IncidentDetail> {
  const record = await findIncidentById(client, id);
  if (!record) throw new NotFoundError('The incident is no longer in your area.');
  return { ...incidentView(record, actor), timeline: await incidentTimeline(client, id) };
}

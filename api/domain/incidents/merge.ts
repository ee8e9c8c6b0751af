import { ConflictError, ValidationError } from '../errors';
import { makeEvent } from './events';
import type { Actor } from './actor';
import type { IncidentEvent, IncidentState } from './state';

/**
 * The other side of `merge`: the duplicate's own transition is `applyAction(…, { action:
 * 'merge', into })`; the incident it folds into gets an `absorb` event so both timelines show
 * the merge. The target's row does not change, so its version stays.
 */

/**
 * Throws unless `target` can take in `source` as a duplicate: not itself (400), and still a
 * live case — neither rejected nor itself merged (409; merge into what it was merged into).
 */
export function checkMergeTarget(source: IncidentState, target: IncidentState): void {
  if (source.code === target.code) {
    throw new ValidationError(`Incident ${source.code} cannot be merged into itself.`, [
      { path: 'into', message: 'must be another incident' },
    ]);
  }
  if (target.status === 'merged') {
    throw new ConflictError(
      `Incident ${target.code} was itself merged into ${target.duplicateOf}: merge into that one.`,
    );
  }
  if (target.status === 'rejected') {
    throw new ConflictError(`Incident ${target.code} was rejected: it cannot take duplicates.`);
  }
}

/** The event appended to the target's timeline when `sourceCode` is merged into it. */
export function absorbEvent(sourceCode: string, actor: Actor, now: Date): IncidentEvent {
  return makeEvent('absorb', actor.name, now, `并入重复事件 ${sourceCode}`);
}

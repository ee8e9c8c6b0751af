import type { ScenarioChange } from '../../contract/analysis';
import type { ServiceCategory } from '../../contract/codes';
import { UnprocessableError } from '../errors';

/**
 * A scenario's changes applied to the facilities, in memory only: the real layer is never
 * touched until a scenario is adopted.
 */

/** A facility (service point) as the analysis sees it. */
export interface Facility {
  /** The service point's code; a proposed one gets `new-<n>`. */
  readonly code: string;
  readonly category: ServiceCategory;
  readonly name: string;
  readonly lng: number;
  readonly lat: number;
}

export interface AppliedChanges {
  readonly facilities: Facility[];
  /** Categories whose facilities differ from today. */
  readonly touched: Set<ServiceCategory>;
  /** Categories that only gained facilities (their distances can only fall). */
  readonly onlyAdded: Set<ServiceCategory>;
  /** The proposed facilities, in change order. */
  readonly added: Facility[];
}

/** Applies the changes in order; a move or removal of an unknown code is refused (422). */
export function applyChanges(
  today: readonly Facility[],
  changes: readonly ScenarioChange[],
): AppliedChanges {
  const byCode = new Map(today.map((f) => [f.code, f]));
  const touched = new Set<ServiceCategory>();
  const reduced = new Set<ServiceCategory>();
  const added: Facility[] = [];
  changes.forEach((change, i) => {
    if (change.op === 'add') {
      const code = `new-${i + 1}`;
      const facility = {
        code,
        category: change.category,
        name: change.name ?? `拟建${i + 1}`,
        lng: change.lng,
        lat: change.lat,
      };
      byCode.set(code, facility);
      added.push(facility);
      touched.add(change.category);
      return;
    }
    const current = byCode.get(change.code);
    if (!current) {
      throw new UnprocessableError(
        `Change ${i + 1}: there is no service point ${change.code} to ${change.op}.`,
        [{ path: `changes.${i}.code`, message: 'unknown service point code' }],
      );
    }
    touched.add(current.category);
    reduced.add(current.category);
    if (change.op === 'remove') byCode.delete(change.code);
    else byCode.set(change.code, { ...current, lng: change.lng, lat: change.lat });
  });
  const onlyAdded = new Set([...touched].filter((c) => !reduced.has(c)));
  return { facilities: [...byCode.values()], touched, onlyAdded, added };
}

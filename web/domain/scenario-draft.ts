import type { ScenarioChange } from '../../api/contract/analysis';
import type { ServiceCategory } from '../../api/contract/codes';
import type { ServicePoint } from './wall-data';

/**
 * The planner's scenario being edited (设计): the changes in order, and the earlier lists for
 * undo. Pure: the view keeps it in a reducer and sends `changes` to the API to be evaluated.
 */
export interface ScenarioDraft {
  changes: ScenarioChange[];
  history: ScenarioChange[][];
}

export const EMPTY_DRAFT: ScenarioDraft = { changes: [], history: [] };

/** A facility on the planner's map: existing (maybe moved) or added by the scenario. */
export interface DraftFacility {
  /** `code` for an existing facility, `add-<n>` for the n-th change (an added one). */
  key: string;
  code: string | null;
  category: ServiceCategory;
  name: string;
  lng: number;
  lat: number;
  status: 'existing' | 'moved' | 'added';
}

/** What can be done to a draft. */
export type DraftAction =
  | { type: 'add'; category: ServiceCategory; lng: number; lat: number; name?: string }
  | { type: 'move'; key: string; lng: number; lat: number }
  | { type: 'remove'; key: string }
  | { type: 'drop'; index: number }
  | { type: 'undo' }
  | { type: 'reset'; changes?: ScenarioChange[] };

const ADD_PREFIX = 'add-';

/** The index of the add change a key refers to, or null for an existing facility's code. */
function addIndex(key: string): number | null {
  return key.startsWith(ADD_PREFIX) ? Number(key.slice(ADD_PREFIX.length)) : null;
}

function moveFacility(changes: ScenarioChange[], key: string, lng: number, lat: number) {
  const index = addIndex(key);
  if (index !== null) {
    return changes.map((c, i) => (i === index && c.op === 'add' ? { ...c, lng, lat } : c));
  }
  const kept = changes.filter((c) => !(c.op === 'move' && c.code === key));
  return [...kept, { op: 'move' as const, code: key, lng, lat }];
}

function removeFacility(changes: ScenarioChange[], key: string): ScenarioChange[] {
  const index = addIndex(key);
  if (index !== null) return changes.filter((_, i) => i !== index);
  const kept = changes.filter((c) => !(c.op === 'move' && c.code === key));
  return [...kept, { op: 'remove', code: key }];
}

function nextChanges(changes: ScenarioChange[], action: DraftAction): ScenarioChange[] {
  switch (action.type) {
    case 'add': {
      const { category, lng, lat, name } = action;
      return [...changes, { op: 'add', category, lng, lat, ...(name ? { name } : {}) }];
    }
    case 'move':
      return moveFacility(changes, action.key, action.lng, action.lat);
    case 'remove':
      return removeFacility(changes, action.key);
    case 'drop':
      return changes.filter((_, i) => i !== action.index);
    default:
      return changes;
  }
}

/** Applies an action; every change but `reset` can be undone, one step at a time. */
export function draftReducer(draft: ScenarioDraft, action: DraftAction): ScenarioDraft {
  if (action.type === 'undo') {
    const previous = draft.history.at(-1);
    return previous ? { changes: previous, history: draft.history.slice(0, -1) } : draft;
  }
  if (action.type === 'reset') return { changes: action.changes ?? [], history: [] };
  const changes = nextChanges(draft.changes, action);
  return changes === draft.changes
    ? draft
    : { changes, history: [...draft.history, draft.changes] };
}

/**
 * The facilities of `category` as the scenario leaves them: existing ones moved or dropped,
 * added ones appended (named from `nameOf` when the change carries no name).
 */
export function applyDraft(
  facilities: readonly ServicePoint[],
  changes: readonly ScenarioChange[],
  category: ServiceCategory,
  nameOf: (index: number) => string,
): DraftFacility[] {
  const moved = new Map<string, { lng: number; lat: number }>();
  const removed = new Set<string>();
  for (const change of changes) {
    if (change.op === 'move') moved.set(change.code, change);
    if (change.op === 'remove') removed.add(change.code);
  }
  const existing: DraftFacility[] = facilities
    .filter((f) => f.category === category && !removed.has(f.code))
    .map((f) => {
      const to = moved.get(f.code);
      const at = to ?? f;
      const status = to ? 'moved' : 'existing';
      return { key: f.code, code: f.code, category, name: f.name, ...pick(at), status };
    });
  const added = changes.flatMap((c, i): DraftFacility[] =>
    c.op === 'add' && c.category === category
      ? [
          {
            key: `${ADD_PREFIX}${i}`,
            code: null,
            category,
            name: c.name ?? nameOf(i),
            ...pick(c),
            status: 'added',
          },
        ]
      : [],
  );
  return [...existing, ...added];
}

function pick(at: { lng: number; lat: number }): { lng: number; lat: number } {
  return { lng: at.lng, lat: at.lat };
}

/** Categories the draft touches (adds, or moves and removes of facilities of known category). */
export function touchedCategories(
  changes: readonly ScenarioChange[],
  facilities: readonly ServicePoint[],
): ServiceCategory[] {
  const byCode = new Map(facilities.map((f) => [f.code, f.category]));
  const touched = changes.map((c) => (c.op === 'add' ? c.category : byCode.get(c.code)));
  return [...new Set(touched.filter((c): c is ServiceCategory => c !== undefined))];
}

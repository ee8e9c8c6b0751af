import { describe, expect, it } from 'vitest';
import {
  applyDraft,
  type DraftAction,
  draftReducer,
  EMPTY_DRAFT,
  type ScenarioDraft,
  touchedCategories,
} from '../../../../web/domain/scenario-draft';
import type { ServicePoint } from '../../../../web/domain/wall-data';

const point = (code: string, category: ServicePoint['category'], lng = 116.7): ServicePoint => ({
  code,
  name: `设施${code}`,
  category,
  streetCode: '370871001000',
  communityCode: '370871001001',
  capacity: null,
  lng,
  lat: 35.4,
});
const points = [point('S1', 'kindergarten'), point('S2', 'kindergarten'), point('S3', 'pharmacy')];
const run = (...actions: DraftAction[]): ScenarioDraft => actions.reduce(draftReducer, EMPTY_DRAFT);
const nameOf = (i: number) => `新增 ${i + 1}`;

describe('draftReducer', () => {
  it('adds, moves and removes facilities as scenario changes', () => {
    const draft = run(
      { type: 'add', category: 'kindergarten', lng: 116.71, lat: 35.41 },
      { type: 'move', key: 'S1', lng: 116.72, lat: 35.42 },
      { type: 'remove', key: 'S2' },
    );
    expect(draft.changes).toEqual([
      { op: 'add', category: 'kindergarten', lng: 116.71, lat: 35.41 },
      { op: 'move', code: 'S1', lng: 116.72, lat: 35.42 },
      { op: 'remove', code: 'S2' },
    ]);
  });

  it('keeps one move per facility, and a removal replaces its move', () => {
    const moved = run(
      { type: 'move', key: 'S1', lng: 1, lat: 2 },
      { type: 'move', key: 'S1', lng: 3, lat: 4 },
    );
    expect(moved.changes).toEqual([{ op: 'move', code: 'S1', lng: 3, lat: 4 }]);
    const removed = draftReducer(moved, { type: 'remove', key: 'S1' });
    expect(removed.changes).toEqual([{ op: 'remove', code: 'S1' }]);
  });

  it('moves an added facility in place and drops it when removed', () => {
    const added = run({ type: 'add', category: 'kindergarten', lng: 1, lat: 2 });
    const moved = draftReducer(added, { type: 'move', key: 'add-0', lng: 5, lat: 6 });
    expect(moved.changes).toEqual([{ op: 'add', category: 'kindergarten', lng: 5, lat: 6 }]);
    expect(draftReducer(moved, { type: 'remove', key: 'add-0' }).changes).toEqual([]);
  });

  it('undoes one step at a time, back to nothing', () => {
    const draft = run(
      { type: 'add', category: 'kindergarten', lng: 1, lat: 2 },
      { type: 'move', key: 'add-0', lng: 5, lat: 6 },
    );
    const once = draftReducer(draft, { type: 'undo' });
    expect(once.changes).toEqual([{ op: 'add', category: 'kindergarten', lng: 1, lat: 2 }]);
    const twice = draftReducer(once, { type: 'undo' });
    expect(twice.changes).toEqual([]);
    expect(draftReducer(twice, { type: 'undo' })).toBe(twice);
  });

  it('drops one change by its index, and resets to a saved scenario without history', () => {
    const draft = run(
      { type: 'remove', key: 'S1' },
      { type: 'remove', key: 'S2' },
      { type: 'drop', index: 0 },
    );
    expect(draft.changes).toEqual([{ op: 'remove', code: 'S2' }]);
    const reset = draftReducer(draft, { type: 'reset', changes: [{ op: 'remove', code: 'S3' }] });
    expect(reset).toEqual({ changes: [{ op: 'remove', code: 'S3' }], history: [] });
  });
});

describe('applyDraft', () => {
  it('shows the category’s facilities moved, removed and added', () => {
    const draft = run(
      { type: 'move', key: 'S1', lng: 116.9, lat: 35.5 },
      { type: 'remove', key: 'S2' },
      { type: 'add', category: 'kindergarten', lng: 116.8, lat: 35.45 },
      { type: 'add', category: 'pharmacy', lng: 116.8, lat: 35.45 },
    );
    const facilities = applyDraft(points, draft.changes, 'kindergarten', nameOf);
    expect(facilities).toEqual([
      expect.objectContaining({ key: 'S1', status: 'moved', lng: 116.9, lat: 35.5 }),
      expect.objectContaining({ key: 'add-2', code: null, status: 'added', name: '新增 3' }),
    ]);
  });
});

describe('touchedCategories', () => {
  it('lists the categories the changes touch, once each', () => {
    const draft = run(
      { type: 'remove', key: 'S3' },
      { type: 'add', category: 'kindergarten', lng: 1, lat: 2 },
      { type: 'move', key: 'S1', lng: 1, lat: 2 },
    );
    expect(touchedCategories(draft.changes, points)).toEqual(['pharmacy', 'kindergarten']);
  });
});

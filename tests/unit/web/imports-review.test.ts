import { describe, expect, it } from 'vitest';
import type { ImportJob, ImportProblem } from '../../../api/contract/imports';
import {
  confirmGate,
  featureBounds,
  problemPlace,
  progressFraction,
  summariseProblems,
  targetFields,
} from '../../../web/domain/import-review';
import { parseHistory } from '../../../web/server-state/imports';

const problem = (over: Partial<ImportProblem>): ImportProblem => ({
  index: 0,
  row: null,
  field: 'category',
  severity: 'error',
  code: 'unknown_category',
  message: '未知类别 Unknown category',
  suggestion: 'pharmacy',
  ...over,
});

const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  id: 1,
  collection: 'service-points',
  fileName: 'points.geojson',
  options: {
    collection: 'service-points',
    crs: 'wgs84',
    dryRun: true,
    skipInvalid: false,
    replace: false,
    repair: false,
    allowOutside: false,
  },
  status: 'succeeded',
  progress: { stage: 'done', done: 3, total: 3 },
  detection: {
    format: 'geojson',
    encoding: 'utf-8',
    crs: 'wgs84',
    declaredCrs: null,
    fields: ['名称', '类别'],
    mapping: { 名称: 'name', 类别: 'category' },
    featureCount: 3,
  },
  counts: { read: 3, inserted: 3, updated: 0, unchanged: 0, deleted: 0, skipped: 0 },
  problems: [],
  problemCount: 0,
  topology: null,
  error: null,
  actor: 'admin',
  createdAt: '2026-12-07T05:00:00Z',
  finishedAt: '2026-12-07T05:00:01Z',
  ...over,
});

describe('confirmGate', () => {
  it('allows a clean, finished dry run', () => {
    expect(confirmGate(job(), false)).toEqual({ allowed: true, skipped: 0 });
  });

  it('waits for a dry run that is still running', () => {
    expect(confirmGate(job({ status: 'running' }), false)).toEqual({
      allowed: false,
      reason: 'not-ready',
    });
    expect(confirmGate(undefined, false)).toMatchObject({ allowed: false });
  });

  it('blocks on errors unless invalid rows are skipped, then counts the rows skipped', () => {
    const problems = [problem({ index: 0 }), problem({ index: 0, field: 'name' })];
    const rejected = job({ status: 'rejected', problems, problemCount: 2 });
    expect(confirmGate(rejected, false)).toEqual({ allowed: false, reason: 'errors' });
    expect(confirmGate(rejected, true)).toEqual({ allowed: true, skipped: 1 });
  });

  it('lets warnings through', () => {
    const warned = job({ problems: [problem({ severity: 'warning' })], problemCount: 1 });
    expect(confirmGate(warned, false)).toEqual({ allowed: true, skipped: 0 });
  });

  it('blocks a rejected run even when its listed problems are only warnings', () => {
    const rejected = job({ status: 'rejected', problems: [problem({ severity: 'warning' })] });
    expect(confirmGate(rejected, false)).toEqual({ allowed: false, reason: 'errors' });
  });

  it('blocks an empty file and a failed run', () => {
    const detection = { ...job().detection!, featureCount: 0 };
    expect(confirmGate(job({ detection }), true)).toEqual({ allowed: false, reason: 'empty' });
    expect(confirmGate(job({ status: 'failed', detection: null }), true)).toEqual({
      allowed: false,
      reason: 'failed',
    });
  });
});

describe('summariseProblems', () => {
  it('counts errors, warnings, rows with errors and problems not listed', () => {
    const problems = [
      problem({ index: 2 }),
      problem({ index: 2, field: 'code' }),
      problem({ index: 5 }),
      problem({ index: 7, severity: 'warning' }),
    ];
    expect(summariseProblems({ problems, problemCount: 10 })).toEqual({
      errors: 3,
      warnings: 1,
      rowsWithErrors: 2,
      unlisted: 6,
    });
  });
});

describe('problemPlace', () => {
  it('names a CSV row as a spreadsheet shows it, else the 1-based feature number', () => {
    expect(problemPlace({ row: 4, index: 2 })).toBe('第 4 行 · row 4');
    expect(problemPlace({ row: null, index: 0 })).toBe('第 1 个 · #1');
    expect(problemPlace({ row: null, index: null })).toBe('—');
  });
});

describe('progressFraction', () => {
  it('is done/total, clamped, and null while the total is unknown', () => {
    expect(progressFraction({ stage: 'write', done: 25, total: 100 })).toBe(0.25);
    expect(progressFraction({ stage: 'write', done: 120, total: 100 })).toBe(1);
    expect(progressFraction({ stage: 'read', done: 0, total: 0 })).toBeNull();
  });
});

describe('targetFields', () => {
  it("offers the layer's fields with the contract's labels", () => {
    const fields = targetFields('service-points', null);
    expect(fields).toContainEqual({ name: 'category', label: '类别 Category' });
    expect(fields.map((f) => f.name)).toContain('code');
  });

  it('adds fields the server mapped that the contract does not list (water)', () => {
    const fields = targetFields('water', { mapping: { 名称: 'name', 编号: 'code' } });
    expect(fields.map((f) => f.name)).toEqual(['name', 'code']);
  });
});

describe('featureBounds', () => {
  it('spans points, lines and polygons and skips features without geometry', () => {
    const bounds = featureBounds([
      { geometry: { type: 'Point', coordinates: [116.3, 39.9] } },
      { geometry: null },
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116.1, 39.8],
              [116.4, 39.8],
              [116.4, 40.0],
              [116.1, 39.8],
            ],
          ],
        },
      },
    ]);
    expect(bounds).toEqual([
      [116.1, 39.8],
      [116.4, 40.0],
    ]);
    expect(featureBounds([{ geometry: null }])).toBeNull();
  });
});

describe('parseHistory', () => {
  it('reads the jobs of a history page and drops entries it cannot read', () => {
    const entry: Partial<ImportJob> = job();
    delete entry.problems;
    const entries = parseHistory({ jobs: [entry, { id: 'x' }], next: null });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 1, actor: 'admin', fileName: 'points.geojson' });
  });

  it('refuses an answer without a list', () => {
    expect(() => parseHistory({ error: 'x' })).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../../../data/district/generate';
import { TABLE_ORDER } from '../../../data/district/rows';
import { NOW, collectRows } from './district-fixtures';

const small = (seed: number, now = NOW) => generateDistrict({ seed, scale: 'small', now });
const json = (seed: number, now = NOW) => JSON.stringify([...small(seed, now).batches()]);

describe('generateDistrict streaming', () => {
  it('gives byte-identical output for the same seed, scale and clock', () => {
    expect(json(1)).toBe(json(1));
  }, 60_000);

  it('gives the same output when batches() is iterated twice', () => {
    const plan = small(2);
    expect(JSON.stringify([...plan.batches()])).toBe(JSON.stringify([...plan.batches()]));
  }, 60_000);

  it('gives different output for a different seed or clock', () => {
    expect(json(1)).not.toBe(json(2));
    expect(json(1)).not.toBe(json(1, new Date(NOW.getTime() + 86_400_000)));
  }, 60_000);

  it('streams every table, non-empty, in TABLE_ORDER, in batches of at most 1,000 rows', () => {
    const { batches } = collectRows(small(4));
    const order = batches.map((b) => b.table).filter((t, k, all) => k === 0 || all[k - 1] !== t);
    expect(order).toEqual([...TABLE_ORDER]);
    for (const b of batches) {
      expect(b.size).toBeGreaterThan(0);
      expect(b.size).toBeLessThanOrEqual(1000);
    }
  }, 60_000);

  it('estimates every table exactly or within a few per cent', () => {
    const plan = small(6);
    const { rows } = collectRows(plan);
    for (const table of TABLE_ORDER) {
      const actual = rows[table].length;
      expect(Math.abs(plan.estimate[table] - actual)).toBeLessThanOrEqual(
        Math.max(2, actual * 0.05),
      );
    }
  }, 60_000);

  it('rejects an invalid clock', () => {
    expect(() => generateDistrict({ seed: 1, scale: 'small', now: new Date(Number.NaN) })).toThrow(
      RangeError,
    );
  }, 60_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median } from '../../../api/db/stats-handled';

/** percentile_cont(0.5) as PostgreSQL computes it, from a full sort. */
function sortedMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * 0.5;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

describe('median', () => {
  it('equals the sorted middle (interpolated for an even count), whatever the order and repeats', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 50 }).map((n) => n / 4),
          { maxLength: 200 },
        ),
        (values) => {
          expect(median(values)).toBe(sortedMedian(values));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('takes the middle of an even count halfway', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

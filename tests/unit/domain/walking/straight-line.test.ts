import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { straightLineDistances } from '../../../../api/domain/walking/straight-line';

const point = fc.tuple(
  fc.double({ min: -5000, max: 5000, noNaN: true }),
  fc.double({ min: -5000, max: 5000, noNaN: true }),
);

describe('straight-line nearest distances', () => {
  it('equal a brute-force search, whatever the points', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 40 }),
        fc.array(point, { maxLength: 200 }),
        (targets, sources) => {
          const got = straightLineDistances(
            targets.map((p) => p[0]),
            targets.map((p) => p[1]),
            sources.map((p) => p[0]),
            sources.map((p) => p[1]),
          );
          targets.forEach(([x, y], t) => {
            const expected = Math.min(...sources.map(([sx, sy]) => Math.hypot(sx - x, sy - y)));
            expect(got[t]).toBeCloseTo(expected, 9);
          });
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Random, hashString } from '../../../data/district/random';

describe('seeded random streams', () => {
  it('repeat exactly for the same seed and stream', () => {
    const a = new Random(42, 'x');
    const b = new Random(42, 'x');
    const draws = (r: Random) => Array.from({ length: 50 }, () => r.next());
    expect(draws(a)).toEqual(draws(b));
  });

  it('differ between seeds and between streams', () => {
    expect(new Random(1, 'x').next()).not.toBe(new Random(2, 'x').next());
    expect(new Random(1, 'x').next()).not.toBe(new Random(1, 'y').next());
    expect(hashString('a')).not.toBe(hashString('b'));
  });

  it('keep helpers within their ranges', () => {
    const r = new Random(7, 'ranges');
    const floats = Array.from({ length: 2000 }, () => r.next());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(new Set(Array.from({ length: 500 }, () => r.int(3, 5)))).toEqual(new Set([3, 4, 5]));
    expect(new Set(Array.from({ length: 100 }, () => r.pick(['a', 'b'])))).toEqual(
      new Set(['a', 'b']),
    );
    expect(new Set(Array.from({ length: 100 }, () => r.weightedIndex([0, 1, 0])))).toEqual(
      new Set([1]),
    );
  });

  it('draw weighted choices in proportion to their weights', () => {
    const r = new Random(9, 'weights');
    let heavy = 0;
    for (let k = 0; k < 10_000; k++)
      if (r.weighted(['light', 'heavy'], [1, 3]) === 'heavy') heavy++;
    expect(heavy / 10_000).toBeGreaterThan(0.72);
    expect(heavy / 10_000).toBeLessThan(0.78);
  });

  it('make forks independent of how much the parent has drawn', () => {
    const a = new Random(5, 'p');
    const b = new Random(5, 'p');
    b.next();
    expect(a.fork('c').next()).toBe(b.fork('c').next());
  });
});

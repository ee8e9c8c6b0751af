import type { Random } from './random';

/** Draws indexes in proportion to fixed weights in O(log n) (cumulative sums + binary search). */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i] as number);
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new RangeError('weights must have a positive sum');
    this.total = sum;
  }

  /** An index drawn with probability proportional to its weight. */
  sample(rng: Random): number {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

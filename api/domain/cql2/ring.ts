import type { Position } from './ast';

/** A position's horizontal coordinates; a z plays no part in whether a ring crosses itself. */
type XY = readonly [number, number];

/**
 * Whether a closed polygon ring crosses or touches itself anywhere but where consecutive edges
 * meet (a bow tie, a spike doubling back). Such a ring is not a valid polygon, and PostGIS
 * answers it with quiet nonsense or a topology error, so the parser refuses it.
 */
export function ringCrossesItself(ring: readonly Position[]): boolean {
  const points: XY[] = ring.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  const edges = points.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 1; j < edges; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === edges - 1);
      const [a, b, c, d] = [points[i]!, points[i + 1]!, points[j]!, points[j + 1]!];
      if (adjacent ? overlapsAlong(a, b, c, d) : segmentsMeet(a, b, c, d)) return true;
    }
  }
  return false;
}

function orientation(p: XY, q: XY, r: XY): number {
  const value = (q[1] - p[1]) * (r[0] - q[0]) - (q[0] - p[0]) * (r[1] - q[1]);
  return Math.sign(value);
}

/** Whether `r`, collinear with p–q, lies within their bounding box. */
function within(p: XY, q: XY, r: XY): boolean {
  return (
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1])
  );
}

function segmentsMeet(a: XY, b: XY, c: XY, d: XY): boolean {
  const [o1, o2, o3, o4] = [
    orientation(a, b, c),
    orientation(a, b, d),
    orientation(c, d, a),
    orientation(c, d, b),
  ];
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && within(a, b, c)) ||
    (o2 === 0 && within(a, b, d)) ||
    (o3 === 0 && within(c, d, a)) ||
    (o4 === 0 && within(c, d, b))
  );
}

/** Consecutive edges sharing a vertex overlap when collinear and pointing back over each other. */
function overlapsAlong(a: XY, b: XY, c: XY, d: XY): boolean {
  const shared = b[0] === c[0] && b[1] === c[1] ? b : a;
  const [p, q] = shared === b ? [a, d] : [b, c];
  if (orientation(p, shared, q) !== 0) return false;
  const dot = (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]);
  return dot > 0;
}

/** The bounding box of points given as parallel coordinate arrays: [minX, minY, maxX, maxY]. */
export function boundsOf(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  return [minX, minY, maxX, maxY];
}

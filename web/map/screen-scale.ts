/**
 * How much larger than at 1080p the wall is drawn: its panels are sized in rem (1/67.5 of the
 * window height), so a 2160p wall shows the same picture twice as large, never smaller.
 */
export function screenScale(): number {
  return Math.max(1, window.innerHeight / 1_080);
}

/**
 * The zoom at which a 1080p screen shows the ground this window shows at `zoom`: a 2160p wall
 * fits the district one zoom level deeper, and its layers must still draw it as the district.
 */
export function zoomAs1080p(zoom: number): number {
  return zoom - Math.log2(screenScale());
}

/** The zoom at which this window shows the ground a 1080p screen shows at `zoom`. */
export function zoomForScreen(zoom: number): number {
  return zoom + Math.log2(screenScale());
}

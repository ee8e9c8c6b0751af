import type { Geometry, Position } from 'geojson';

/**
 * Why a geometry's structure cannot be parsed at all (PostGIS refuses an unclosed ring or a
 * one-point line before any validity check can run), or null. Self-intersections and the like
 * are PostGIS's to judge (`ST_IsValidReason`).
 */
export function ringFault(g: Geometry): { zh: string; en: string } | null {
  const rings =
    g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  for (const ring of rings) {
    if (ring.length < 4 || !samePosition(ring[0]!, ring[ring.length - 1]!))
      return {
        zh: '多边形的环未闭合或少于 4 个点。',
        en: 'A polygon ring is not closed or has fewer than 4 positions.',
      };
  }
  if (g.type === 'LineString' && g.coordinates.length < 2)
    return { zh: '线少于 2 个点。', en: 'A line has fewer than 2 positions.' };
  if (g.type === 'Polygon' && g.coordinates.length === 0)
    return { zh: '多边形没有环。', en: 'A polygon has no ring.' };
  return null;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

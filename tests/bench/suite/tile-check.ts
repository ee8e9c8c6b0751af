/**
 * Checks that two servers' tiles carry the same data before their speeds are compared: both
 * tiles are decoded with @mapbox/vector-tile and their features counted per layer.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** Features per layer of an MVT tile (an empty body is an empty tile). */
export function featureCounts(bytes: Uint8Array): Record<string, number> {
  if (bytes.byteLength === 0) return {};
  const tile = new VectorTile(new PbfReader(bytes));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [name, layer.length]),
  );
}

/** The tile at `url` (with `headers`), decoded to feature counts; throws on an HTTP error. */
export async function fetchFeatureCounts(
  url: string,
  headers: Record<string, string> = {},
): Promise<Record<string, number>> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return featureCounts(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Null when `theirs` has every layer of `ours` with a feature count within `tolerance` (a
 * share, for differences in buffers and clipping), else what differs.
 */
export function compareCounts(
  ours: Record<string, number>,
  theirs: Record<string, number>,
  tolerance = 0.1,
): string | null {
  const differences = Object.entries(ours).flatMap(([layer, count]) => {
    const other = theirs[layer] ?? 0;
    const off = Math.abs(other - count) > Math.max(2, count * tolerance);
    return off ? [`${layer}: ours ${count}, theirs ${other}`] : [];
  });
  if (Object.keys(ours).length === 0) differences.push('our tile is empty');
  return differences.length ? differences.join('; ') : null;
}

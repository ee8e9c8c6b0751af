import type { ReadHints, SourceRead } from './source';
import { UnreadableFileError } from './source';

/**
 * Reads a source file's bytes into features, detecting what the hints leave out. The frame reads
 * GeoJSON only; CSV, zipped Shapefile and GeoPackage readers plug in here.
 */
export async function readSource(bytes: Uint8Array, hints: ReadHints): Promise<SourceRead> {
  const format = hints.format ?? 'geojson';
  if (format !== 'geojson') throw new UnreadableFileError(`${format}: not readable yet`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new UnreadableFileError(`${hints.fileName}: not valid JSON (${String(error)})`);
  }
  const collection = parsed as { features?: { properties?: object; geometry?: unknown }[] };
  const features = (collection.features ?? []).map((f, index) => ({
    index,
    row: null,
    properties: { ...(f.properties ?? {}) } as Record<string, unknown>,
    geometry: (f.geometry ?? null) as SourceRead['features'][number]['geometry'],
  }));
  return {
    format,
    encoding: null,
    declaredCrs: null,
    impliedCrs: null,
    fields: [...new Set(features.flatMap((f) => Object.keys(f.properties)))],
    features,
  };
}

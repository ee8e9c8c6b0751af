import type { Feature, Geometry, Position } from 'geojson';
import { open } from 'shapefile';
import type { TextEncoding } from '../contract/imports';
import { mapPositions } from '../domain/china-crs';
import { dbfFieldNameBytes, dbfTextBytes, encodingOfCpg } from './dbf-text';
import { decodeText, detectEncoding } from './detect-encoding';
import { interpretPrj, type PrjMeaning } from './prj';
import type { ReadHints, SourceFeature, SourceRead } from './source';
import { reasonOf, unreadable } from './unreadable';
import { shapefileEntries } from './zip-entries';

/**
 * Reads a zipped Shapefile: one .shp with its .dbf, optional .prj and .cpg. The .cpg's encoding
 * wins, then the hint, then detection on the .dbf's text; a projected CGCS2000 or WGS84 .prj is
 * unprojected to `[lng, lat]` on its datum.
 */
export async function readShapefile(bytes: Uint8Array, hints: ReadHints): Promise<SourceRead> {
  const entries = shapefileEntries(bytes, hints.fileName);
  const encoding = encodingOf(entries.dbf, entries.cpg, hints);
  const prj = entries.prj
    ? interpretPrj(decodeText(entries.prj, `${hints.fileName} .prj`).text, hints.fileName)
    : null;
  const fields = dbfFieldNames(entries.dbf, encoding, hints.fileName);
  const records = await readRecords(entries.shp, entries.dbf, encoding, hints.fileName);
  const features = records.map((f, index) => toSourceFeature(f, index, prj));
  return {
    format: 'shp',
    encoding,
    declaredCrs: prj?.declaredCrs ?? null,
    impliedCrs: prj?.impliedCrs ?? null,
    fields,
    features,
  };
}

function encodingOf(dbf: Uint8Array, cpg: Uint8Array | null, hints: ReadHints): TextEncoding {
  if (cpg) return encodingOfCpg(new TextDecoder().decode(cpg), hints.fileName);
  const text = dbfTextBytes(dbf, hints.fileName);
  // Decoding checks a given encoding the way a CSV's is checked (GBK given for UTF-8 text fails).
  if (hints.encoding) return decodeText(text, `${hints.fileName} .dbf`, hints.encoding).encoding;
  return detectEncoding(text, `${hints.fileName} .dbf`);
}

function dbfFieldNames(dbf: Uint8Array, encoding: TextEncoding, fileName: string): string[] {
  const decoder = new TextDecoder(encoding);
  return dbfFieldNameBytes(dbf, fileName).map((name) => decoder.decode(name));
}

async function readRecords(
  shp: Uint8Array,
  dbf: Uint8Array,
  encoding: TextEncoding,
  fileName: string,
): Promise<Feature[]> {
  const features: Feature[] = [];
  try {
    // shapefile reads an ArrayBuffer from its start: give it copies, not views into the zip.
    const source = await open(shp.slice().buffer, dbf.slice().buffer, { encoding });
    for (let next = await source.read(); !next.done; next = await source.read()) {
      features.push(next.value);
    }
  } catch (error) {
    throw unreadable(
      `${fileName} 中的 Shapefile 已损坏或不完整`,
      `${fileName}: the Shapefile is damaged or truncated: ${reasonOf(error)}`,
    );
  }
  return features;
}

function toSourceFeature(feature: Feature, index: number, prj: PrjMeaning | null): SourceFeature {
  const geometry = feature.geometry as Geometry | null;
  const unproject = prj?.unproject;
  return {
    index,
    row: null,
    properties: { ...(feature.properties ?? {}) },
    geometry:
      geometry && unproject ? mapPositions(geometry, (p: Position) => unproject(p)) : geometry,
  };
}

import { detectFormat } from './detect-format';
import { readCsv } from './read-csv';
import { readGeojson } from './read-geojson';
import { readGpkg } from './read-gpkg';
import { readShapefile } from './read-shapefile';
import type { ReadHints, SourceRead } from './source';

/**
 * Reads a source file's bytes into features, detecting what the hints leave out: GeoJSON, CSV
 * (UTF-8 or GBK), a zipped Shapefile or a GeoPackage. The format is decided from the first bytes
 * alone, so a file of another kind is refused before it is read. Throws UnreadableFileError
 * (zh-CN then English) for anything that cannot be read.
 */
export async function readSource(bytes: Uint8Array, hints: ReadHints): Promise<SourceRead> {
  const format = detectFormat(bytes, hints.fileName, hints.format);
  switch (format) {
    case 'geojson':
      return readGeojson(bytes, hints);
    case 'csv':
      return readCsv(bytes, hints);
    case 'shp':
      return readShapefile(bytes, hints);
    case 'gpkg':
      return readGpkg(bytes, hints);
  }
}

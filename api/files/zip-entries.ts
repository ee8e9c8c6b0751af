import { unzipSync } from 'fflate';
import { reasonOf, unreadable } from './unreadable';

const SHAPEFILE_PARTS = /\.(shp|dbf|prj|cpg)$/i;

/** The files of a Shapefile inside a zip, by extension; .prj and .cpg are optional. */
export interface ShapefileEntries {
  baseName: string;
  shp: Uint8Array;
  dbf: Uint8Array;
  prj: Uint8Array | null;
  cpg: Uint8Array | null;
}

/**
 * Unzips the bytes and finds the one Shapefile in them (in any folder; macOS `__MACOSX` entries
 * ignored). Throws UnreadableFileError for a damaged zip, no .shp, several .shp or no .dbf.
 */
export function shapefileEntries(bytes: Uint8Array, fileName: string): ShapefileEntries {
  const { files, names } = unzip(bytes, fileName);
  const shps = names.filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0) {
    throw unreadable(
      `${fileName} 中没有 .shp 文件（包含：${names.join('、') || '无'}）`,
      `${fileName} holds no .shp file (it holds: ${names.join(', ') || 'nothing'})`,
    );
  }
  if (shps.length > 1) {
    throw unreadable(
      `${fileName} 中有多个图层：${shps.join('、')}；每次只能导入一个，请分别压缩`,
      `${fileName} holds several layers: ${shps.join(', ')}; import one at a time (one .shp per zip)`,
    );
  }
  const shpName = shps[0]!;
  const baseName = shpName.slice(0, -4);
  const sibling = (ext: string) => {
    const name = names.find((n) => n.toLowerCase() === `${baseName}.${ext}`.toLowerCase());
    return name ? files[name]! : null;
  };
  const dbf = sibling('dbf');
  if (!dbf) {
    throw unreadable(
      `${fileName} 中缺少 ${baseName}.dbf（属性表）`,
      `${fileName} has ${shpName} but no ${baseName}.dbf (the attribute table); add it to the zip`,
    );
  }
  return { baseName, shp: files[shpName]!, dbf, prj: sibling('prj'), cpg: sibling('cpg') };
}

/** The parts of a Shapefile a zip holds, decompressed, and the names of all its files. */
function unzip(bytes: Uint8Array, fileName: string) {
  const names: string[] = [];
  // Only Shapefile parts are decompressed: a photo or a PDF packed alongside costs nothing.
  const filter = ({ name }: { name: string }) => {
    if (/(^|\/)__MACOSX\//.test(name) || name.endsWith('/')) return false;
    names.push(name);
    return SHAPEFILE_PARTS.test(name);
  };
  try {
    return { files: unzipSync(bytes, { filter }), names };
  } catch (error) {
    throw unreadable(
      `${fileName} 不是完整的 zip 文件（可能已截断或损坏）`,
      `${fileName} is not a complete zip file (truncated or damaged): ${reasonOf(error)}`,
    );
  }
}

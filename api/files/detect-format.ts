import type { ImportFormat } from '../contract/imports';
import { unreadable } from './unreadable';

/** How many leading bytes decide a format: the caller may stream, so nothing past these is read. */
export const SNIFF_BYTES = 4096;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const SQLITE_MAGIC = [...new TextEncoder().encode('SQLite format 3'), 0];
const BARE_SHP_MAGIC = [0x00, 0x00, 0x27, 0x0a];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const EXPECTED =
  '应为 GeoJSON、CSV、压缩的 Shapefile（.zip）或 GeoPackage / ' +
  'expected GeoJSON, CSV, a zipped Shapefile or a GeoPackage';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  geojson: 'GeoJSON',
  csv: 'CSV',
  shp: 'zipped Shapefile',
  gpkg: 'GeoPackage',
};

/**
 * The format of a file from its first bytes (at most {@link SNIFF_BYTES}) and its name: a zip is a
 * zipped Shapefile, `SQLite format 3` a GeoPackage; text is GeoJSON or CSV by its name (.json,
 * .geojson / .csv, .tsv, .txt), else GeoJSON when it starts with `{` or `[`, else CSV. A given
 * format must agree with the bytes. Throws UnreadableFileError for an empty file, zeros, a binary
 * blob, a bare .shp or a mismatch.
 */
export function detectFormat(
  head: Uint8Array,
  fileName: string,
  given?: ImportFormat,
): ImportFormat {
  const sniff = head.subarray(0, SNIFF_BYTES);
  const detected = detectFromBytes(sniff, fileName);
  if (given && given !== detected) {
    throw unreadable(
      `文件 ${fileName} 的内容是 ${FORMAT_NAMES[detected]}，与指定的格式 ${FORMAT_NAMES[given]} 不符`,
      `the file ${fileName} holds a ${FORMAT_NAMES[detected]}, not the ${FORMAT_NAMES[given]} ` +
        `given as its format; leave the format out or give ${detected}`,
    );
  }
  return detected;
}

function detectFromBytes(head: Uint8Array, fileName: string): ImportFormat {
  if (head.length === 0) {
    throw unreadable(`文件 ${fileName} 是空的`, `the file ${fileName} is empty; ${EXPECTED}`);
  }
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) return 'shp';
  if (startsWith(head, SQLITE_MAGIC)) return 'gpkg';
  if (startsWith(head, BARE_SHP_MAGIC) && /\.shp$/i.test(fileName)) {
    throw unreadable(
      `${fileName} 是单独的 .shp 文件；请将 .shp、.shx、.dbf、.prj（和 .cpg）一起压缩为 .zip 上传`,
      `${fileName} is a bare .shp; zip it together with its .shx, .dbf, .prj (and .cpg) and send the .zip`,
    );
  }
  if (!looksLikeText(head)) {
    throw unreadable(
      `无法识别的文件格式：${fileName}（${describeHead(head)}）`,
      `Unrecognised file format: ${fileName} (${describeHead(head)}); ${EXPECTED}`,
    );
  }
  if (/\.(geo)?json$/i.test(fileName)) return 'geojson';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  const text = startsWith(head, UTF8_BOM) ? head.subarray(3) : head;
  const first = text.find((b) => !isSpace(b));
  return first === 0x7b || first === 0x5b ? 'geojson' : 'csv';
}

/** Text has no NUL byte and few control characters; GBK and UTF-8 bytes (>= 0x80) pass. */
function looksLikeText(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && !isSpace(b)) control += 1;
  }
  return control <= head.length / 100;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c;
}

function describeHead(head: Uint8Array): string {
  if (head.every((b) => b === 0)) return 'all zero bytes';
  const hex = [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `binary, starting ${hex}`;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

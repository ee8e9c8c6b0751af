import type { TextEncoding } from '../contract/imports';
import { unreadable } from './unreadable';

/**
 * The text bytes of a .dbf (field names, then the records) without its binary header numbers, so
 * they can be tested for an encoding the way a CSV's bytes are. Throws on a .dbf too short to hold
 * its own header.
 */
export function dbfTextBytes(dbf: Uint8Array, fileName: string): Uint8Array {
  const names = dbfFieldNameBytes(dbf, fileName).flatMap((name) => [...name, 0x20]);
  const headerLength = dbfHeaderLength(dbf, fileName);
  const text = new Uint8Array(names.length + dbf.length - headerLength);
  text.set(names);
  text.set(dbf.subarray(headerLength), names.length);
  return text;
}

/** The raw bytes of each field name in a .dbf header, in file order. */
export function dbfFieldNameBytes(dbf: Uint8Array, fileName: string): Uint8Array[] {
  const headerLength = dbfHeaderLength(dbf, fileName);
  const names: Uint8Array[] = [];
  for (let at = 32; at + 32 <= headerLength && dbf[at] !== 0x0d; at += 32) {
    let end = at;
    while (end < at + 11 && dbf[end] !== 0) end += 1;
    names.push(dbf.subarray(at, end));
  }
  return names;
}

/**
 * The header length of a .dbf, after checking the file holds all the records its header counts
 * (a cut .dbf would otherwise read as empty or garbled attributes).
 */
function dbfHeaderLength(dbf: Uint8Array, fileName: string): number {
  if (dbf.length < 33) throw truncatedDbf(fileName);
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const [records, headerLength, recordLength] = [
    view.getUint32(4, true),
    view.getUint16(8, true),
    view.getUint16(10, true),
  ];
  if (headerLength < 33 || headerLength + records * recordLength > dbf.length) {
    throw truncatedDbf(fileName);
  }
  return headerLength;
}

const CPG_ENCODINGS: [RegExp, TextEncoding][] = [
  [/^(utf-?8|65001)$/i, 'utf-8'],
  [/^((ansi|cp|windows-?)?936|gbk|gb2312|gb18030|cp_?gbk)$/i, 'gbk'],
];

/** Our encoding for a .cpg's content (`GBK`, `936`, `UTF-8`…); an unknown one is an error. */
export function encodingOfCpg(cpg: string, fileName: string): TextEncoding {
  const label = cpg.trim().replace(/\s+/g, '');
  const found = CPG_ENCODINGS.find(([re]) => re.test(label))?.[1];
  if (found) return found;
  throw unreadable(
    `${fileName} 的 .cpg 声明了不支持的编码“${cpg.trim()}”；支持 UTF-8 和 GBK`,
    `${fileName}: the .cpg declares the encoding "${cpg.trim()}", which is not supported; ` +
      'use UTF-8 or GBK (write one of them in the .cpg)',
  );
}

function truncatedDbf(fileName: string) {
  return unreadable(
    `${fileName} 中的 .dbf 文件已损坏或不完整`,
    `${fileName}: the .dbf is truncated or damaged`,
  );
}

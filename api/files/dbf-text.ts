import type { TextEncoding } from '../contract/imports';
import { unreadable } from './unreadable';

/**
 * The text bytes of a .dbf (field names, then the records) without its binary header numbers, so
 * they can be tested for an encoding the way a CSV's bytes are. Throws on a .dbf too short to hold
 * its own header.
 */
export function dbfTextBytes(dbf: Uint8Array, fileName: string): Uint8Array {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.length < 33) throw truncatedDbf(fileName);
  const headerLength = view.getUint16(8, true);
  if (headerLength > dbf.length) throw truncatedDbf(fileName);
  const names: number[] = [];
  for (let at = 32; at + 32 <= headerLength && dbf[at] !== 0x0d; at += 32) {
    for (let j = 0; j < 11 && dbf[at + j] !== 0; j += 1) names.push(dbf[at + j]!);
    names.push(0x20);
  }
  const text = new Uint8Array(names.length + dbf.length - headerLength);
  text.set(names);
  text.set(dbf.subarray(headerLength), names.length);
  return text;
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

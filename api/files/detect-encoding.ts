import type { TextEncoding } from '../contract/imports';
import { unreadable } from './unreadable';

/** Text decoded from bytes, with the encoding that decoded it. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const OTHER: Record<TextEncoding, TextEncoding> = { 'utf-8': 'gbk', gbk: 'utf-8' };

/** True when the bytes are strictly valid UTF-8 (a leading BOM allowed). */
export function isUtf8(bytes: Uint8Array): boolean {
  return tryDecode(bytes, 'utf-8') !== null;
}

/**
 * The encoding of text bytes: strict UTF-8 when they decode as such (plain ASCII included), else
 * GBK. Throws UnreadableFileError when neither decodes them.
 */
export function detectEncoding(bytes: Uint8Array, what: string): TextEncoding {
  if (isUtf8(bytes)) return 'utf-8';
  if (tryDecode(bytes, 'gbk') !== null) return 'gbk';
  throw unreadable(
    `${what} 既不是 UTF-8 也不是 GBK 编码`,
    `${what} is neither UTF-8 nor GBK text; save it as UTF-8 and try again`,
  );
}

/**
 * Decodes text in the given encoding, or the detected one when none is given; a UTF-8 BOM is
 * dropped. A given encoding that does not decode the bytes (or GBK given for Chinese UTF-8 text)
 * is an UnreadableFileError that suggests the other one.
 */
export function decodeText(bytes: Uint8Array, what: string, given?: TextEncoding): DecodedText {
  const encoding = given ?? detectEncoding(bytes, what);
  const text = tryDecode(bytes, encoding);
  // GBK decodes most UTF-8 bytes into mojibake without failing; Chinese GBK text is almost never
  // valid UTF-8, so non-ASCII bytes that are valid UTF-8 mean the given GBK is wrong.
  if (text === null || (encoding === 'gbk' && hasNonAscii(bytes) && isUtf8(bytes))) {
    throw unreadable(
      `${what} 不是有效的 ${encoding.toUpperCase()} 编码，请尝试 ${OTHER[encoding].toUpperCase()}`,
      `${what} is not valid ${encoding.toUpperCase()} text; try the encoding ` +
        `${OTHER[encoding]} or leave the encoding out to detect it`,
    );
  }
  return { text, encoding };
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

function tryDecode(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

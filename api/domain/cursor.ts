import { ValidationError } from './errors';

/** A keyset paging position: the items after (`next`) or before (`prev`) a key. */
export interface Cursor {
  direction: 'next' | 'prev';
  key: string | number;
}

/** An opaque token for a `next`/`prev` link. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.direction, cursor.key])).toString('base64url');
}

/** Reads a `cursor` parameter back; 400 when it was not made by {@link encodeCursor}. */
export function decodeCursor(token: string, keyType: 'string' | 'integer'): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [direction, key] = value as [unknown, unknown];
      const keyOk = keyType === 'integer' ? Number.isSafeInteger(key) : typeof key === 'string';
      if ((direction === 'next' || direction === 'prev') && keyOk) {
        return { direction, key: key as string | number };
      }
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ValidationError(
    'cursor: not a paging token of this collection; follow the next/prev links as given.',
    [{ path: 'cursor', message: 'invalid paging token' }],
  );
}

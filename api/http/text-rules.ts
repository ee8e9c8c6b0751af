import type { ErrorIssue } from '../domain/errors';

/**
 * What text the server accepts, as pure functions over strings and parsed values: PostgreSQL's
 * `text` cannot hold U+0000 (it answers `invalid byte sequence for encoding "UTF8": 0x00`), and
 * a lone UTF-16 surrogate is not Unicode (the driver would silently store U+FFFD instead).
 * Percent-encoding must decode to UTF-8. Each problem names where it is as `ErrorIssue.path`.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as it is, or null when it can. */
export function textFault(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which text cannot hold';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not text';
  return null;
}

/** A name as an error message can show it: NUL and lone surrogates escaped (`a\u0000b`). */
export function shown(name: string): string {
  return JSON.stringify(name).slice(1, -1);
}

/**
 * Decodes one percent-encoded URL or form component; null when the bytes are not UTF-8. A `%`
 * not followed by two hex digits stays a literal `%`, as Hono's own decoding keeps it.
 */
export function decodeComponent(raw: string, plusIsSpace: boolean): string | null {
  const text = (plusIsSpace ? raw.replace(/\+/g, ' ') : raw).replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const NOT_UTF8 = 'is not valid percent-encoded UTF-8';

/**
 * Problems in `name=value&…` pairs (a query string or an url-encoded form body): each name and
 * value must decode to UTF-8 text the database can hold. Issues are named by the field.
 */
export function pairFaults(encoded: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const pair of encoded.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawName = at === -1 ? pair : pair.slice(0, at);
    const name = decodeComponent(rawName, true);
    if (name === null) {
      issues.push({ path: rawName, message: `the name ${NOT_UTF8}` });
      continue;
    }
    const nameFault = textFault(name);
    if (nameFault) issues.push({ path: shown(name), message: `the name ${nameFault}` });
    if (at === -1) continue;
    const value = decodeComponent(pair.slice(at + 1), true);
    const valueFault = value === null ? NOT_UTF8 : textFault(value);
    if (valueFault) issues.push({ path: shown(name), message: valueFault });
  }
  return issues;
}

/** Problems in the segments of a raw (still percent-encoded) URL path, each named `path`. */
export function pathFaults(rawPath: string): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const segment of rawPath.split('/')) {
    const decoded = decodeComponent(segment, false);
    const fault = decoded === null ? NOT_UTF8 : textFault(decoded);
    if (fault) issues.push({ path: 'path', message: `the segment "${segment}" ${fault}` });
  }
  return issues;
}

/**
 * Problems in every key and string value of a parsed JSON document, each named by its JSON
 * path the way validation names fields (`reporter.name`, `scopes.1`; `body` for the whole).
 * Walks with an explicit stack, so a deeply nested document cannot overflow the call stack.
 */
export function jsonFaults(document: unknown): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: document, path: '' }];
  const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) issues.push({ path: path || 'body', message: fault });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: join(path, String(index)) }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const fault = textFault(key);
        if (fault) issues.push({ path: join(path, shown(key)), message: `the key ${fault}` });
        stack.push({ value: item, path: join(path, shown(key)) });
      }
    }
  }
  return issues;
}

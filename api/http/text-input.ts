import type { Context, MiddlewareHandler } from 'hono';
import { ValidationError, type ErrorIssue } from '../domain/errors';
import type { AppEnv } from './env';
import { jsonFaults, pairFaults, pathFaults, shown, textFault } from './text-rules';

/**
 * The one edge check for text: the URL path, the query string and the body are read once,
 * before any route, and a request carrying text the database cannot hold (NUL, lone surrogates,
 * percent-encoding that is not UTF-8) or a body that cannot be parsed is refused with 400
 * naming the field. The error handler gives the answer each surface's shape (ours, OGC's,
 * GeoReport's).
 *
 * The body is read with `c.req.arrayBuffer()`, which Hono caches: routes read it again with
 * `c.req.json()` or `c.req.formData()`, which Hono derives from the cached bytes.
 */
export function checkTextInput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    refuse('URL path', pathFaults(url.pathname));
    refuse('Query parameter', pairFaults(url.search.slice(1)));
    await checkBody(c);
    await next();
  };
}

const MAX_ISSUES = 20;

function refuse(where: string, issues: ErrorIssue[]): void {
  const [first] = issues;
  if (!first) return;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const named = where === 'URL path' ? where : `${where} ${first.path}`;
  throw new ValidationError(`${named}: ${first.message}${more}.`, issues.slice(0, MAX_ISSUES));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    refuse('Request', [{ path: 'body', message: 'is not valid UTF-8 text' }]);
    return '';
  }
}

function parseJson(text: string, strict: boolean): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    if (!strict) return null;
    const why = error instanceof SyntaxError ? `: ${error.message}` : '';
    refuse('Request', [{ path: 'body', message: `is not valid JSON${why}` }]);
    return null;
  }
}

/** The body, when there is one: multipart, url-encoded, JSON, or other text (JSON if it parses). */
async function checkBody(c: Context<AppEnv>): Promise<void> {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return;
  const contentType = c.req.header('Content-Type') ?? '';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  // Read errors (the body limit's 413, an aborted upload) are not the caller's text: rethrown.
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength === 0) return;
  if (type === 'multipart/form-data') return checkMultipart(bytes, contentType);
  const text = decodeUtf8(bytes);
  if (type === 'application/x-www-form-urlencoded') return refuse('Form field', pairFaults(text));
  const json = type === 'application/json' || type.endsWith('+json');
  const parsed = parseJson(text, json);
  if (parsed) return refuse('JSON body field', jsonFaults(parsed.value));
  const fault = textFault(text);
  if (fault) refuse('Request', [{ path: 'body', message: fault }]);
}

async function checkMultipart(bytes: ArrayBuffer, contentType: string): Promise<void> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return refuse('Request', [
      {
        path: 'body',
        message: 'is not a readable multipart/form-data body (check the boundary and each part)',
      },
    ]);
  }
  const issues: ErrorIssue[] = [];
  form.forEach((value, name) => {
    const nameFault = textFault(name);
    if (nameFault) issues.push({ path: shown(name), message: `the name ${nameFault}` });
    const fault = textFault(typeof value === 'string' ? value : value.name);
    if (fault) issues.push({ path: shown(name), message: fault });
  });
  refuse('Form field', issues);
}

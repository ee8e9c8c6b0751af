import type { ErrorIssue } from '../domain/errors';

/**
 * Open311 documents in both formats of GeoReport v2. JSON is the natural form; XML follows the
 * Spark convention the specification uses to relate the two: a JSON array becomes a container
 * element holding one element per item (`services` → `service`, `service_requests` →
 * `request` …), object keys become child elements, null an empty element.
 */

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export const CONTENT_TYPES: Readonly<Record<Open311Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The element name of one item inside each container of the specification. */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

type Value =
  string | number | boolean | null | undefined | readonly Value[] | { [key: string]: Value };

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function element(name: string, value: Value): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v: Value) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([key, v]) => element(key, v));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** An XML document with root element `root` for a JSON value. */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value as Value)}`;
}

/** The body of a document in `format`; `root` names the XML root element. */
export function renderDocument(format: Open311Format, root: string, value: unknown): string {
  return format === 'json' ? JSON.stringify(value) : toXml(root, value);
}

/** `.json` or `.xml` at the end of a path segment, and the name before it. */
export function splitFormat(segment: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(segment);
  return match ? { name: match[1]!, format: match[2] as Open311Format } : null;
}

/**
 * GeoReport v2 keeps HTTP statuses coarse: 404 for what does not exist, 401/403 for credentials,
 * 400 for any other request it cannot fulfil. Statuses outside that set map to 400.
 */
export function open311HttpStatus(status: number): number {
  return [400, 401, 403, 404, 413, 429, 500, 503].includes(status) ? status : 400;
}

/**
 * The error document of GeoReport v2 (`[{ code, description }]`, XML `<errors><error>`) for an
 * error at `path`; field issues are appended to the description.
 */
export function open311Error(
  path: string,
  status: number,
  message: string,
  issues: readonly ErrorIssue[] = [],
): { status: number; contentType: string; body: string } {
  const code = open311HttpStatus(status);
  const details = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  const description = details === '' ? message : `${message} (${details})`;
  const format: Open311Format = path.endsWith('.xml') ? 'xml' : 'json';
  const body = renderDocument(format, 'errors', [{ code, description }]);
  return { status: code, contentType: CONTENT_TYPES[format], body };
}

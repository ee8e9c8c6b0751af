/**
 * One malformed request of the bad-input drill and what the drill knows while building them.
 */
export type Auth = 'admin' | 'forged' | 'revoked' | 'expired' | 'none' | { header: string };

export interface Probe {
  /** The route as documented (`GET /ogc/collections/{collectionId}`), for the coverage count. */
  route: string;
  /** What is wrong with the request, shown when it fails. */
  label: string;
  method: string;
  /** Path and query exactly as sent (already percent-encoded, or deliberately not). */
  target: string;
  auth?: Auth;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** A status the answer must have (the key variants: 401); otherwise any 4xx. */
  status?: number;
}

/** Real values from the running server, so mutations reach validation, not a 404. */
export interface DrillContext {
  district: string;
  incidentCode: string;
  /** A point inside the district, `[lng, lat]`. */
  point: [number, number];
  /** A real feature id per OGC collection. */
  featureIds: Record<string, string>;
  /** Keys the admin created and then revoked, or that have expired since. */
  revokedKey: string;
  expiredKey: string;
}

/** A JSON Schema as the OpenAPI documents write it (only what the drill reads). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
}

/** Concatenates bytes and text into one body. */
export function bytesOf(...parts: (string | number[])[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const chunks = parts.map((part) =>
    typeof part === 'string' ? encoder.encode(part) : Uint8Array.from(part),
  );
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Faults in a URL component, valid nowhere: NUL, bytes that are not UTF-8, a lone surrogate. */
export const ENCODING_FAULTS = ['%00', 'a%00b', '%FF', '%E0%A4%A', '%ED%A0%80', '%C0%80'];

/** Injection attempts, refused where a value has a type, a pattern or a code list. */
export const INJECTIONS = [
  "'%20OR%201=1--",
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%24%7Bjndi%3Aldap%3A%2F%2Fx%7D',
];

/** Numbers no numeric parameter takes. */
export const BAD_NUMBERS = ['NaN', 'Infinity', '-Infinity', '1e309', '0x10', 'abc', '1%2C5'];

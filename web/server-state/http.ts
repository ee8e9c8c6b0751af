import { ErrorCodeSchema, type ErrorCode } from '../../api/contract/errors';

/** What an error answer said about itself, as far as it could be read. */
export interface HttpErrorDetails {
  /**
   * `error.code` of the API's error body, one of the contract's codes (`unauthenticated`,
   * `invalid_credentials` …); compare with `ErrorCodeSchema.enum.…`. Absent for a code this
   * build does not know.
   */
  code?: ErrorCode;
  /** `error.message` of the API's error body. */
  message?: string;
  /** Seconds from a `Retry-After` header (429, 503). */
  retryAfterSeconds?: number;
}

/** A response with an HTTP status the caller did not accept. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly details: HttpErrorDetails = {},
  ) {
    super(`HTTP ${status} for ${url}${details.code ? ` (${details.code})` : ''}`);
    this.name = 'HttpError';
  }
}

/** Options for {@link request}. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Forwarded to `fetch` so TanStack Query can cancel stale requests. */
  signal?: AbortSignal;
  /** Statuses other than 2xx whose answer the caller handles itself (e.g. 503 from /readyz). */
  acceptStatuses?: readonly number[];
  /** The `Accept` header; JSON unless a surface has its own media type (GeoJSON). */
  accept?: string;
  /** A body to send as JSON (with `Content-Type: application/json`). */
  json?: unknown;
  /** More request headers (`If-Match` for optimistic locking). */
  headers?: Record<string, string>;
}

/** Options for {@link fetchJson}. */
export type FetchJsonOptions = Omit<RequestOptions, 'method' | 'json'>;

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `Retry-After` as seconds; the header may also be an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1_000));
}

/** Builds an {@link HttpError} from a response, reading the API's `{ error: { code, message } }`. */
async function toHttpError(response: Response, path: string): Promise<HttpError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const code = ErrorCodeSchema.safeParse(error.code);
  return new HttpError(response.status, path, {
    ...(code.success ? { code: code.data } : {}),
    ...(typeof error.message === 'string' ? { message: error.message } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

/**
 * Sends a request to a same-origin path; throws {@link HttpError} for a status outside 2xx and
 * `acceptStatuses`. The app only ever talks to its own origin, so paths are relative, and the
 * session cookie travels with every request (`credentials: 'same-origin'`).
 */
export async function request(
  path: string,
  {
    method = 'GET',
    signal,
    acceptStatuses = [],
    accept = 'application/json',
    json,
    headers: extra = {},
  }: RequestOptions,
): Promise<Response> {
  const headers: Record<string, string> = { ...extra, Accept: accept };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    signal,
    headers,
    credentials: 'same-origin',
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (!response.ok && !acceptStatuses.includes(response.status)) {
    throw await toHttpError(response, path);
  }
  return response;
}

/** GETs a same-origin path and parses its JSON body. */
export async function fetchJson(path: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const response = await request(path, options);
  return response.json();
}

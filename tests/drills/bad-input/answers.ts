import { randomBytes } from 'node:crypto';
import type { DrillContext, Probe } from './probe';

/**
 * Sends probes and judges the answers: a 4xx (or the exact status a probe asks for) whose body
 * is the error shape of the surface — ours `{ error: { code, message, issues } }`, OGC's
 * `{ code, description }` next to ours under `/ogc`, GeoReport's `[{ code, description }]` (or
 * `<errors>` for `.xml`) under `/open311`.
 */
export interface Answer {
  probe: Probe;
  /** 0 when no answer came (connection error or timeout). */
  status: number;
  /** Why the answer is wrong, or null. */
  fault: string | null;
}

const FORGED_KEY = randomBytes(36).toString('base64url');
const TIMEOUT_MS = 30_000;

function authorization(probe: Probe, adminKey: string, ctx: DrillContext): string | undefined {
  const auth = probe.auth ?? 'admin';
  if (typeof auth === 'object') return auth.header;
  const keys = {
    admin: adminKey,
    forged: FORGED_KEY,
    revoked: ctx.revokedKey,
    expired: ctx.expiredKey,
    none: undefined,
  };
  const key = keys[auth];
  return key === undefined ? undefined : `Bearer ${key}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ourShape(body: unknown): boolean {
  if (!isObject(body) || !isObject(body.error)) return false;
  const { code, message, issues } = body.error;
  return typeof code === 'string' && typeof message === 'string' && Array.isArray(issues);
}

/** Why `text` is not the error body expected at `path`, or null. */
export function shapeFault(path: string, status: number, text: string): string | null {
  if (path.startsWith('/open311') && path.endsWith('.xml')) {
    return /<errors>\s*<error>\s*<code>\d+<\/code>\s*<description>/.test(text)
      ? null
      : 'not a GeoReport <errors> document';
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `body is not JSON: ${text.slice(0, 80)}`;
  }
  if (path.startsWith('/open311')) {
    const ok =
      Array.isArray(body) &&
      body.length > 0 &&
      body.every((e) => isObject(e) && e.code === status && typeof e.description === 'string');
    return ok ? null : 'not a GeoReport [{ code, description }] array';
  }
  if (path.startsWith('/ogc')) {
    const ok =
      isObject(body) && typeof body.code === 'string' && typeof body.description === 'string';
    return ok && ourShape(body) ? null : 'not an OGC exception with our error object';
  }
  return ourShape(body) ? null : 'not our { error: { code, message, issues } } body';
}

/** Sends one probe to `base` and judges the answer. */
async function send(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    // A keep-alive socket the server closed after refusing an enormous body unread: resend once.
    if (!String((error as Error).cause).includes('other side closed')) throw error;
    retries++;
    return fetch(url, init);
  }
}

/** How many probes were resent after their reused connection had been closed. */
export let retries = 0;

export async function sendProbe(
  base: string,
  adminKey: string,
  ctx: DrillContext,
  probe: Probe,
): Promise<Answer> {
  const headers: Record<string, string> = { ...probe.headers };
  const auth = authorization(probe, adminKey, ctx);
  if (auth !== undefined) headers.Authorization = auth;
  let response: Response;
  try {
    response = await send(new URL(probe.target, base), {
      method: probe.method,
      headers,
      body: probe.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { probe, status: 0, fault: `no answer: ${(error as Error).cause ?? error}` };
  }
  const { status } = response;
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { probe, status, fault: `status ${status}: a live stream was opened` };
  }
  const text = await response.text();
  if (probe.status !== undefined && status !== probe.status) {
    return {
      probe,
      status,
      fault: `status ${status}, expected ${probe.status}: ${text.slice(0, 160)}`,
    };
  }
  if (status < 400 || status >= 500) {
    return { probe, status, fault: `status ${status}: ${text.slice(0, 160)}` };
  }
  const path = probe.target.split('?')[0]!;
  return { probe, status, fault: shapeFault(path, status, text) };
}

/** Sends every probe, `concurrency` at a time. */
export async function sendAll(
  base: string,
  adminKey: string,
  ctx: DrillContext,
  probes: Probe[],
  concurrency = 4,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      answers.push(await sendProbe(base, adminKey, ctx, probe));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

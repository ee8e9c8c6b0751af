import { hostname } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { lastForwardedValue, normaliseAddress, type ProxyTrust } from './proxy-trust';

/** What decides the public origin besides the request itself. */
export interface OriginSettings {
  /** `YIPING_PUBLIC_URL`, already normalised to an origin. */
  publicUrl: string | undefined;
  proxies: ProxyTrust;
  /** The configured listen address (`HOST`, `PORT`), for requests without a real socket. */
  host: string;
  port: number;
  /** This machine's name (`os.hostname()`); tests may pass another. */
  machineName?: string;
}

/** What a request says about where it was sent. */
export interface OriginRequest {
  /** The URL as the HTTP server built it (its host is the `Host` header). */
  url: string;
  forwardedProto: string | undefined;
  forwardedHost: string | undefined;
  socket: { remoteAddress?: string; localAddress?: string; localPort?: number } | undefined;
}

const HOST_SYNTAX = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);

const bracketed = (address: string) => (address.includes(':') ? `[${address}]` : address);
const unbracketed = (host: string) => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** `scheme://host[:port]` normalised, or undefined when `host` is not a plain host[:port]. */
function originFrom(scheme: string, host: string): string | undefined {
  if (!HOST_SYNTAX.test(host)) return undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/** Loopback names reach only this machine, whatever the port (dev servers, tunnels). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Whether `url`'s host is one this server really answers at: a loopback name on any port, or —
 * on the port the connection arrived at — the configured `HOST`, the address the connection
 * arrived at (one of this machine's interfaces) or this machine's name.
 */
function isOwnHost(url: URL, request: OriginRequest, settings: OriginSettings): boolean {
  const name = unbracketed(url.hostname);
  if (isLoopback(name)) return true;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (port !== (request.socket?.localPort ?? settings.port)) return false;
  const own = [settings.host, settings.machineName ?? hostname(), request.socket?.localAddress]
    .filter((candidate): candidate is string => Boolean(candidate))
    .map((candidate) => unbracketed(normaliseAddress(unbracketed(candidate))))
    .filter((candidate) => !WILDCARDS.has(candidate));
  return own.includes(name);
}

/**
 * The origin absolute URLs start with (links, TileJSON, styles) and that `Origin` headers are
 * compared with. In order: `YIPING_PUBLIC_URL`; from a trusted proxy, its `X-Forwarded-Proto`
 * and `X-Forwarded-Host` (else the `Host` it passed on); the request's own `Host` when it names
 * this server (see `isOwnHost`); otherwise the address the connection arrived at. A `Host` from
 * anyone else never becomes a URL. `Forwarded` (RFC 7239) is not read: a proxy that sets
 * `X-Forwarded-*` passes a client's `Forwarded` through unchanged, and the reverse.
 */
export function decidePublicOrigin(request: OriginRequest, settings: OriginSettings): string {
  if (settings.publicUrl) return settings.publicUrl;
  const url = new URL(request.url);
  const scheme = url.protocol.slice(0, -1);
  if (settings.proxies.trusts(request.socket?.remoteAddress)) {
    const proto = lastForwardedValue(request.forwardedProto)?.toLowerCase();
    const forwarded = originFrom(
      proto === 'https' || proto === 'http' ? proto : scheme,
      lastForwardedValue(request.forwardedHost) ?? url.host,
    );
    if (forwarded) return forwarded;
  }
  if (isOwnHost(url, request, settings)) return url.origin;
  const local = request.socket?.localAddress;
  const address = local ? normaliseAddress(local) : settings.host;
  const host = WILDCARDS.has(address) ? '127.0.0.1' : bracketed(unbracketed(address));
  return `${scheme}://${host}:${request.socket?.localPort ?? settings.port}`;
}

/** The Node socket under a request, when it came over the network. */
function socketOf(c: Context<AppEnv>): OriginRequest['socket'] {
  const env = c.env as { incoming?: { socket?: OriginRequest['socket'] } } | undefined;
  return env?.incoming?.socket;
}

/** Decides each request's public origin once and stores it as `publicOrigin`. */
export function publicOrigin(settings: OriginSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set(
      'publicOrigin',
      decidePublicOrigin(
        {
          url: c.req.url,
          forwardedProto: c.req.header('X-Forwarded-Proto'),
          forwardedHost: c.req.header('X-Forwarded-Host'),
          socket: socketOf(c),
        },
        settings,
      ),
    );
    await next();
  };
}

/** This request's public origin (`https://gis.example.org`), set by `publicOrigin()`. */
export function publicOriginOf(c: Context<AppEnv>): string {
  const origin = c.get('publicOrigin');
  if (!origin) throw new Error('The publicOrigin() middleware must run before this route.');
  return origin;
}

/** This request's URL (path and query) under its public origin, for `self`/`next` links. */
export function publicUrlOf(c: Context<AppEnv>): URL {
  const { pathname, search } = new URL(c.req.url);
  const url = new URL(publicOriginOf(c));
  // Assigned, not resolved: a path such as `//evil.example/x` must not become a new host.
  url.pathname = pathname;
  url.search = search;
  return url;
}

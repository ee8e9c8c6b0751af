import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, ForbiddenError } from '../domain/errors';
import { isReadSurface } from './cors';
import type { AppEnv } from './env';
import { publicOriginOf } from './public-origin';

/**
 * Strict CSP: our own origin, plus the basemap origins configured (`mapOrigins`: Tianditu, a
 * custom style's host) for images and fetches; inline styles are allowed for MapLibre/deck.gl.
 * `Cross-Origin-Resource-Policy` is `same-origin` except on the read surfaces (tiles, styles,
 * OGC API), which other origins' map pages may load.
 */
export function securityHeaders(mapOrigins: readonly string[] = []): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...mapOrigins],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", ...mapOrigins],
      workerSrc: ["'self'", 'blob:'],
      childSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: false,
  });
  return async (c, next) => {
    await headers(c, next);
    const policy = isReadSurface(c.req.path) ? 'cross-origin' : 'same-origin';
    c.res.headers.set('Cross-Origin-Resource-Policy', policy);
  };
}

class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super('payload_too_large', `The request body is larger than ${limit} bytes.`);
  }
}

/** 413 for bodies above `bytes`, in the one error shape. */
export function limitBody(bytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw new PayloadTooLargeError(bytes);
    },
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard: a state-changing request that carries a foreign Origin is
 * refused, and one authorised by the session cookie must carry our own Origin. Requests with
 * a bearer key are not sent automatically by browsers and need no Origin.
 */
export function checkOrigin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    const own = publicOriginOf(c);
    const cookieAuth = Boolean(c.get('principal')?.sessionHash);
    if ((origin && origin !== own) || (cookieAuth && !origin)) {
      throw new ForbiddenError(
        `Cross-origin request refused: Origin ${origin ?? '(none)'} is not ${own} (if users open another address, set YIPING_PUBLIC_URL to it).`,
      );
    }
    await next();
  };
}

import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { except } from 'hono/combine';
import type { Config } from './config';
import type { SurfaceName } from './contract/surfaces';
import type { Database } from './db/database';
import { flushCommits } from './db/events';
import { scopedRunner } from './db/scoped';
import { eventHead } from './db/stats-cache';
import { tileVersionReader } from './db/tiles-versions';
import { countFeatures } from './db/counts';
import { callerLookup } from './db/credentials';
import { credentialSignalFor, type CredentialSignal } from './db/credential-signal';
import { hitCounter } from './db/rate-limits';
import type { Clock } from './domain/clock';
import { authenticate } from './http/authenticate';
import { cachedCallers } from './http/caller-cache';
import { corsForReadSurfaces } from './http/cors';
import type { AppEnv } from './http/env';
import { createErrorHandler, createNotFoundHandler } from './http/error-handler';
import { assertEveryRouteDeclared } from './http/policy';
import { createProxyTrust } from './http/proxy-trust';
import { publicOrigin } from './http/public-origin';
import { rateLimit } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { checkOrigin, limitBody, securityHeaders } from './http/security';
import { checkTextInput } from './http/text-input';
import {
  errorRendererFor,
  mountSurfaces,
  renderJsonError,
  surfaceTable,
  type SurfaceParts,
} from './http/surfaces';
import { mountWebApp } from './http/web-app';
import type { Logger } from './log';
import { buildOgcOpenApi } from './ogc/openapi';
import { renderOgcError } from './ogc/error-response';
import { ogcRoutes } from './ogc/routes';
import { keyResolver } from './open311/form';
import { renderOpen311Error } from './open311/error-response';
import { open311Routes } from './open311/routes';
import { tileEncoderFor, tileRoutes } from './tiles/routes';
import { openApiRoutes } from './openapi/routes';
import { createAnalysisEngine, type AnalysisEngine } from './use-cases/analysis/engine';
import { analysisPorts } from './use-cases/analysis/ports';
import type { IncidentDeps } from './use-cases/incidents/deps';
import { adminRoutes } from './routes/admin';
import { analysisRoutes } from './routes/analysis';
import { planningRoutes } from './routes/planning';
import { qualityRoutes } from './routes/quality';
import { scenarioRoutes } from './routes/scenarios';
import { authRoutes } from './routes/auth';
import { healthRoutes, type Readiness } from './routes/health';
import { incidentRoutes } from './routes/incidents';
import { memberRoutes } from './routes/members';
import { nearbyRoutes } from './routes/nearby';
import { statsRoutes } from './routes/stats';
import { iotRoutes } from './routes/iot';
import { IMPORT_UPLOAD_PATH, importRoutes, limitUpload } from './routes/imports';
import { createImportQueue, type ImportQueue } from './use-cases/imports/jobs';
import { createStreamHub, type StreamHub } from './stream/hub';
import { createCredentialWatch } from './stream/credential-watch';
import { streamRoutes } from './stream/routes';
import { styleRoutes } from './styles/routes';

export { systemClock, type Clock } from './domain/clock';

export interface AppDeps {
  db: Database;
  config: Config;
  clock: Clock;
  log: Logger;
  readiness?: Readiness;
  /** Folder of the built web app; omitted in API-only tests. */
  webDir?: string;
  /** The live stream's hub; the server passes its own so it can stop it. Default: a new one. */
  hub?: StreamHub;
  /** The life-circle analysis model cache; the server passes its own to warm it. Default: new. */
  analysis?: AnalysisEngine;
  /** Where credential changes are heard. Default: the pool's own (api/db/credential-signal.ts). */
  credentials?: CredentialSignal;
  /** Import uploads: the largest body (default 200 MB) and the job queue (default: a new one). */
  imports?: { maxBytes?: number; queue?: ImportQueue };
}

/**
 * The composition root: every route gets its dependencies here and nowhere else. Layer
 * surfaces (OGC, tiles, …) read data only through `withScope`, so row-level security applies;
 * the owner pool is handed only to health, auth and admin code. The routes come from one table
 * of surfaces (paths in api/contract/surfaces.ts), which also decides each surface's error shape.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, config, log } = deps;
  const surfaces = surfaceTable(surfaceParts(deps));
  const rendererFor = errorRendererFor(surfaces);
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(log, rendererFor));
  app.notFound(createNotFoundHandler(rendererFor));
  app.use(requestLog(log));
  app.use(securityHeaders(config.mapOrigins));
  const proxies = createProxyTrust(config.trustedProxies);
  const { publicUrl, host, port } = config;
  app.use(publicOrigin({ publicUrl, proxies, host, port }));
  app.use(corsForReadSurfaces(config.corsOrigins));
  const isUpload = (c: { req: { path: string } }) => c.req.path === IMPORT_UPLOAD_PATH;
  app.use(IMPORT_UPLOAD_PATH, limitUpload(deps.imports?.maxBytes ?? config.importMaxBytes));
  app.use(except(isUpload, limitBody(config.limits.bodyBytes)));
  app.use(compress());
  const callers = cachedCallers(callerLookup(db.pool), credentialSignal(deps), {
    ttlMs: config.limits.callerCacheMs,
    maxEntries: 10_000,
  });
  app.use(authenticate(callers, clock, proxies));
  app.use(rateLimit(hitCounter(db.pool, config.limits.hitFlushMs), clock, config.limits));
  app.use(checkOrigin());
  app.use(checkTextInput());
  mountSurfaces(app, surfaces);
  if (deps.webDir) mountWebApp(app, deps.webDir);
  assertEveryRouteDeclared(app);
  return app;
}

/** The credential signal the deps bring, or the pool's own (LISTEN elsewhere on a server). */
function credentialSignal(deps: AppDeps): CredentialSignal {
  const { db } = deps;
  return deps.credentials ?? credentialSignalFor(db.pool, { listen: db.kind === 'server' });
}

/** The table of surfaces: each one's routes and error shape, keyed by its name. */
function surfaceParts(deps: AppDeps): Record<SurfaceName, SurfaceParts> {
  const { db, clock, config, log } = deps;
  const scoped = scopedRunner(db.pool);
  const hub = deps.hub ?? createStreamHub({ pool: db.pool, listen: false, pollMs: 500, log });
  const incidents = {
    scoped,
    clock,
    settings: config.incidents,
    onEvents: hub.wake,
    // One connection on the embedded database: no other writer waits behind a commit there.
    flushCommits: db.kind === 'server' ? () => flushCommits(db.pool) : undefined,
  };
  const readinessProbe = { kind: db.kind, counts: () => countFeatures(db.pool) };
  const open311 = new Hono<AppEnv>().route(
    '/v2',
    open311Routes({ ...incidents, resolveKey: keyResolver(callerLookup(db.pool), clock) }),
  );
  return {
    health: {
      routes: healthRoutes(readinessProbe, deps.readiness ?? { phase: 'ready' }, log),
      renderError: renderJsonError,
    },
    api: { routes: apiRoutes(deps, incidents, hub), renderError: renderJsonError },
    ogc: { routes: ogcRoutes(scoped, buildOgcOpenApi, clock), renderError: renderOgcError },
    tiles: {
      routes: tileRoutes({
        scoped,
        encoder: tileEncoderFor(db.capabilities),
        versions: tileVersionReader(db.pool),
      }),
      renderError: renderJsonError,
    },
    styles: {
      routes: styleRoutes({
        tiandituToken: config.tiandituToken,
        customBasemap: config.customBasemap,
      }),
      renderError: renderJsonError,
    },
    open311: { routes: open311, renderError: renderOpen311Error },
  };
}

/**
 * Connections of the pool (8 by default) the live stream's reads may hold at once: subscribers
 * share one read per scope, so two carry a thousand screens and leave the rest to writers.
 */
const STREAM_CONNECTIONS = 2;

/** `/api`: the JSON API (`/api/v1/…`, the live stream) and its OpenAPI document and docs. */
function apiRoutes(deps: AppDeps, incidents: IncidentDeps, hub: StreamHub): Hono<AppEnv> {
  const { db, clock, config, log } = deps;
  const api = new Hono<AppEnv>();
  api.route('/v1/auth', authRoutes({ pool: db.pool, clock, limits: config.limits }));
  api.route('/v1', adminRoutes({ db: db.pool, clock }));
  api.route('/v1', qualityRoutes({ db: db.pool }));
  api.route('/', openApiRoutes());
  api.route('/v1', incidentRoutes(incidents));
  api.route('/v1', iotRoutes(incidents));
  api.route('/v1', nearbyRoutes(incidents.scoped));
  api.route('/v1', statsRoutes({ ...incidents, head: eventHead(db.pool) }));
  api.route('/v1', memberRoutes(incidents));
  const analysis = {
    engine: deps.analysis ?? createAnalysisEngine(db.pool),
    ports: analysisPorts(db.pool),
    scoped: incidents.scoped,
    clock,
  };
  api.route('/v1', analysisRoutes(analysis));
  api.route('/v1', planningRoutes(analysis));
  api.route('/v1', scenarioRoutes(analysis));
  const credentials = createCredentialWatch({
    changes: credentialSignal(deps),
    resolve: callerLookup(db.pool).current,
    clock,
    log,
  });
  const settings = { ...config.stream, batch: 200, connections: STREAM_CONNECTIONS };
  const { scoped, flushCommits: flush } = incidents;
  api.route('/v1', streamRoutes({ scoped, hub, credentials, settings, flushCommits: flush }));
  const queue = deps.imports?.queue ?? createImportQueue({ pool: db.pool, clock, log });
  api.route('/v1', importRoutes({ db: db.pool, clock, queue }));
  return api;
}

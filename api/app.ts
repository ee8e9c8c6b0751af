import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Config } from './config';
import type { Database } from './db/database';
import { scopedRunner } from './db/scoped';
import { countFeatures } from './db/counts';
import { callerLookup } from './db/credentials';
import { hitCounter } from './db/rate-limits';
import type { Clock } from './domain/clock';
import { authenticate } from './http/authenticate';
import { corsForReadSurfaces } from './http/cors';
import type { AppEnv } from './http/env';
import { createErrorHandler, notFoundHandler } from './http/error-handler';
import { assertEveryRouteDeclared } from './http/policy';
import { createProxyTrust } from './http/proxy-trust';
import { publicOrigin } from './http/public-origin';
import { rateLimit } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { checkOrigin, limitBody, securityHeaders } from './http/security';
import { checkTextInput } from './http/text-input';
import { mountWebApp } from './http/web-app';
import type { Logger } from './log';
import { buildOgcOpenApi } from './ogc/openapi';
import { ogcRoutes } from './ogc/routes';
import { keyResolver } from './open311/form';
import { open311Routes } from './open311/routes';
import { tileEncoderFor, tileRoutes } from './tiles/routes';
import { openApiRoutes } from './openapi/routes';
import { createAnalysisEngine, type AnalysisEngine } from './use-cases/analysis/engine';
import { analysisPorts } from './use-cases/analysis/ports';
import { adminRoutes } from './routes/admin';
import { analysisRoutes } from './routes/analysis';
import { planningRoutes } from './routes/planning';
import { scenarioRoutes } from './routes/scenarios';
import { authRoutes } from './routes/auth';
import { healthRoutes, type Readiness } from './routes/health';
import { incidentRoutes } from './routes/incidents';
import { memberRoutes } from './routes/members';
import { nearbyRoutes } from './routes/nearby';
import { statsRoutes } from './routes/stats';
import { iotRoutes } from './routes/iot';
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
}

/**
 * The composition root: every route gets its dependencies here and nowhere else. Layer
 * surfaces (OGC, tiles, …) read data only through `withScope`, so row-level security applies;
 * the owner pool is handed only to health, auth and admin code.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { db, clock, config, log } = deps;
  const callers = callerLookup(db.pool);
  const readinessProbe = { kind: db.kind, counts: () => countFeatures(db.pool) };
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(log));
  app.notFound(notFoundHandler);
  app.use(requestLog(log));
  app.use(securityHeaders());
  const proxies = createProxyTrust(config.trustedProxies);
  const { publicUrl, host, port } = config;
  app.use(publicOrigin({ publicUrl, proxies, host, port }));
  app.use(corsForReadSurfaces(config.corsOrigins));
  app.use(limitBody(config.limits.bodyBytes));
  app.use(compress());
  app.use(authenticate(callers, clock, proxies));
  app.use(rateLimit(hitCounter(db.pool), clock, config.limits));
  app.use(checkOrigin());
  app.use(checkTextInput());
  app.route('/', healthRoutes(readinessProbe, deps.readiness ?? { phase: 'ready' }, log));
  app.route('/api/v1/auth', authRoutes({ pool: db.pool, clock, limits: config.limits }));
  app.route('/api/v1', adminRoutes({ db: db.pool, clock }));
  app.route('/api', openApiRoutes());
  app.route('/ogc', ogcRoutes(scopedRunner(db.pool), buildOgcOpenApi));
  app.route(
    '/tiles',
    tileRoutes({ scoped: scopedRunner(db.pool), encoder: tileEncoderFor(db.capabilities) }),
  );
  app.route('/styles', styleRoutes({ tiandituToken: config.tiandituToken }));
  const hub = deps.hub ?? createStreamHub({ pool: db.pool, listen: false, pollMs: 500, log });
  const incidents = {
    scoped: scopedRunner(db.pool),
    clock,
    settings: config.incidents,
    onEvents: hub.wake,
  };
  app.route('/api/v1', incidentRoutes(incidents));
  app.route('/api/v1', iotRoutes(incidents));
  app.route('/api/v1', nearbyRoutes(incidents.scoped));
  app.route('/api/v1', statsRoutes(incidents));
  app.route('/api/v1', memberRoutes(incidents));
  const analysis = {
    engine: deps.analysis ?? createAnalysisEngine(db.pool),
    ports: analysisPorts(db.pool),
    scoped: incidents.scoped,
    clock,
  };
  app.route('/api/v1', analysisRoutes(analysis));
  app.route('/api/v1', planningRoutes(analysis));
  app.route('/api/v1', scenarioRoutes(analysis));
  app.route(
    '/open311/v2',
    open311Routes({ ...incidents, resolveKey: keyResolver(callers, clock) }),
  );
  app.route(
    '/api/v1',
    streamRoutes({
      scoped: scopedRunner(db.pool),
      hub,
      credentials: createCredentialWatch({
        hub,
        resolve: callers.current,
        clock,
        log,
      }),
      settings: { ...config.stream, batch: 200 },
    }),
  );
  if (deps.webDir) mountWebApp(app, deps.webDir);
  assertEveryRouteDeclared(app);
  return app;
}

import { z } from 'zod';
import { CorsOriginsSchema, PublicUrlSchema, TrustedProxiesSchema } from './config-network';
import { SEED_SCALES } from './contract/codes';
import {
  BasemapCrsSchema,
  BasemapOriginsSchema,
  BasemapStyleUrlSchema,
  mapOrigins,
  type CustomBasemap,
} from './config-basemap';

/** The demo district's seed when `YIPING_SEED` is not set (the README's figures are for it). */
export const DEFAULT_SEED = 20240601;

const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  YIPING_DATA_DIR: z.string().min(1).default('.yiping/'),
  YIPING_SEED_SCALE: z.enum(SEED_SCALES).default('district'),
  YIPING_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(DEFAULT_SEED),
  YIPING_SIMULATOR: z.enum(['on', 'off']).default('on'),
  YIPING_SIMULATOR_INCIDENTS_PER_MINUTE: z.coerce.number().min(0).max(600).default(12),
  YIPING_BOOTSTRAP_ADMIN_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  YIPING_LOG: z.enum(['json', 'pretty', 'silent']).default('pretty'),
  YIPING_RATE_LIMIT: z.coerce.number().int().min(1).default(1200),
  YIPING_IP_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  YIPING_LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(300),
  YIPING_SESSION_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 90)
    .default(12),
  YIPING_DUPLICATE_RADIUS_M: z.coerce.number().min(1).max(5000).default(50),
  YIPING_DUPLICATE_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(24),
  YIPING_SLA_SWEEP_SECONDS: z.coerce.number().min(1).max(3600).default(15),
  YIPING_IOT_REPEAT_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(30),
  YIPING_STREAM_HEARTBEAT_SECONDS: z.coerce.number().min(0.05).max(300).default(15),
  YIPING_STREAM_STALL_SECONDS: z.coerce.number().min(0.05).max(600).default(30),
  YIPING_DB_QUERY_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(60),
  YIPING_SERVE_WEB: z.enum(['on', 'off']).default('on'),
  YIPING_PUBLIC_URL: PublicUrlSchema.optional(),
  YIPING_TRUSTED_PROXIES: TrustedProxiesSchema.default([]),
  YIPING_CORS_ORIGINS: CorsOriginsSchema.default('*'),
  TIANDITU_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9]+$/, 'must be the letters and digits of a Tianditu key')
    .optional(),
  BASEMAP_STYLE_URL: BasemapStyleUrlSchema.optional(),
  BASEMAP_CRS: BasemapCrsSchema.default('wgs84'),
  BASEMAP_TITLE: z.string().trim().min(1).max(60).default('自定义底图 Custom basemap'),
  BASEMAP_TILE_ORIGINS: BasemapOriginsSchema.default([]),
  YIPING_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(4096).default(200),
});

/** Every environment variable the server reads (the README's configuration table lists them). */
export const CONFIG_VARIABLES = Object.keys(
  ConfigSchema.shape,
) as (keyof typeof ConfigSchema.shape)[];

/** The value a variable takes when unset (undefined: none), for the documentation check. */
export function configDefault(name: (typeof CONFIG_VARIABLES)[number]): unknown {
  return ConfigSchema.shape[name].parse(undefined);
}

/** Abuse limits; tests lower them. */
export interface Limits {
  /** Requests per minute per signed-in caller (API key or user). */
  perCallerPerMinute: number;
  /** Requests per minute per client address. */
  perIpPerMinute: number;
  /**
   * Log-in throttling (api/domain/login-throttle.ts): failures free per address-and-account pair
   * and per account, then a wait from the first delay doubling per failure up to the longest;
   * failures are remembered for `loginMemoryHours`. An address is refused while
   * `loginAddressFailures` failures lie within the last `loginAddressWindowMinutes`.
   */
  loginPairFreeFailures: number;
  loginAccountFreeFailures: number;
  loginFirstDelaySeconds: number;
  loginMaxDelaySeconds: number;
  loginMemoryHours: number;
  loginAddressFailures: number;
  loginAddressWindowMinutes: number;
  /** Largest accepted request body. */
  bodyBytes: number;
  sessionHours: number;
  /** How long a verified key or session is believed without the database (api/http/caller-cache.ts). */
  callerCacheMs: number;
  /** How often rate-limit hits counted in memory are added to the shared counters. */
  hitFlushMs: number;
}

/** How incidents are handled: duplicate detection, the SLA sweep and repeated IoT alarms. */
export interface IncidentSettings {
  /** Same-category incidents this close (metres) and this recent (hours) are probable duplicates. */
  duplicateRadiusM: number;
  duplicateHours: number;
  /** How often the SLA sweep looks for missed deadlines. */
  slaSweepSeconds: number;
  /** An IoT alarm within this many minutes of the last alarm on an open incident updates it. */
  iotRepeatMinutes: number;
}

/** The live stream: heartbeat comments, and how long a client may stall before it is dropped. */
export interface StreamConfig {
  heartbeatMs: number;
  stallMs: number;
}

/** Values never echoed in error messages. */
const SECRET_KEYS = new Set(['DATABASE_URL', 'YIPING_BOOTSTRAP_ADMIN_KEY', 'TIANDITU_TOKEN']);

/** Everything the server reads from its environment, validated once at start-up. */
export interface Config {
  databaseUrl: string | undefined;
  /**
   * A statement with no answer for this long fails (503) and its connection is dropped: a
   * silently cut network path would otherwise hold requests until TCP gives up (minutes).
   */
  databaseQueryTimeoutMs: number;
  host: string;
  port: number;
  dataDir: string;
  seedScale: (typeof SEED_SCALES)[number];
  seed: number;
  simulator: boolean;
  /** New incidents a minute from the simulator (a real district sees about 265 a day). */
  simulatorIncidentsPerMinute: number;
  bootstrapAdminKey: string | undefined;
  log: 'json' | 'pretty' | 'silent';
  limits: Limits;
  incidents: IncidentSettings;
  stream: StreamConfig;
  /** Serve (and build if needed) the web app; `off` for API-only instances. */
  serveWeb: boolean;
  /** The origin users open (`https://gis.example.org`); unset: decided per request. */
  publicUrl: string | undefined;
  /** Peers (addresses, CIDR ranges) whose `X-Forwarded-*` headers are believed. */
  trustedProxies: string[];
  /** Pages that may read the map surfaces cross-origin: `*`, or a list (empty: none). */
  corsOrigins: '*' | string[];
  /** Key for the optional Tianditu (天地图) raster basemap style; unset means no internet use. */
  tiandituToken: string | undefined;
  /** A configured external MapLibre style (`BASEMAP_STYLE_URL`); unset means none. */
  customBasemap: CustomBasemap | undefined;
  /** Other origins the browser may load basemap tiles from (the page's Content-Security-Policy). */
  mapOrigins: string[];
  /** The largest import upload, in bytes (`YIPING_IMPORT_MAX_MB`). */
  importMaxBytes: number;
}

/** Thrown when an environment variable has a bad value; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the configuration. This is the only module that reads `process.env`;
 * tests pass their own record instead. Empty strings count as unset.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in ConfigSchema.shape && value !== ''),
  );
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const shown = SECRET_KEYS.has(name) ? '' : ` (got ${JSON.stringify(present[name])})`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    databaseQueryTimeoutMs: c.YIPING_DB_QUERY_TIMEOUT_SECONDS * 1000,
    host: c.HOST,
    port: c.PORT,
    dataDir: c.YIPING_DATA_DIR,
    seedScale: c.YIPING_SEED_SCALE,
    seed: c.YIPING_SEED,
    simulator: c.YIPING_SIMULATOR === 'on',
    simulatorIncidentsPerMinute: c.YIPING_SIMULATOR_INCIDENTS_PER_MINUTE,
    bootstrapAdminKey: c.YIPING_BOOTSTRAP_ADMIN_KEY,
    log: c.YIPING_LOG,
    limits: {
      perCallerPerMinute: c.YIPING_RATE_LIMIT,
      perIpPerMinute: c.YIPING_IP_RATE_LIMIT,
      loginPairFreeFailures: 5,
      loginAccountFreeFailures: 10,
      loginFirstDelaySeconds: 60,
      loginMaxDelaySeconds: 15 * 60,
      loginMemoryHours: 24,
      loginAddressFailures: c.YIPING_LOGIN_ADDRESS_LIMIT,
      loginAddressWindowMinutes: 15,
      bodyBytes: 1024 * 1024,
      sessionHours: c.YIPING_SESSION_HOURS,
      callerCacheMs: 30_000,
      hitFlushMs: 1000,
    },
    incidents: {
      duplicateRadiusM: c.YIPING_DUPLICATE_RADIUS_M,
      duplicateHours: c.YIPING_DUPLICATE_HOURS,
      slaSweepSeconds: c.YIPING_SLA_SWEEP_SECONDS,
      iotRepeatMinutes: c.YIPING_IOT_REPEAT_MINUTES,
    },
    stream: {
      heartbeatMs: c.YIPING_STREAM_HEARTBEAT_SECONDS * 1000,
      stallMs: c.YIPING_STREAM_STALL_SECONDS * 1000,
    },
    serveWeb: c.YIPING_SERVE_WEB === 'on',
    publicUrl: c.YIPING_PUBLIC_URL,
    trustedProxies: c.YIPING_TRUSTED_PROXIES,
    corsOrigins: c.YIPING_CORS_ORIGINS,
    tiandituToken: c.TIANDITU_TOKEN,
    customBasemap: c.BASEMAP_STYLE_URL
      ? { styleUrl: c.BASEMAP_STYLE_URL, crs: c.BASEMAP_CRS, title: c.BASEMAP_TITLE }
      : undefined,
    mapOrigins: mapOrigins({
      tiandituToken: c.TIANDITU_TOKEN,
      styleUrl: c.BASEMAP_STYLE_URL,
      tileOrigins: c.BASEMAP_TILE_ORIGINS,
    }),
    importMaxBytes: c.YIPING_IMPORT_MAX_MB * 1024 * 1024,
  };
}

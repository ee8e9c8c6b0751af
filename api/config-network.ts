import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The three network settings of api/config.ts: where users reach us (`YIPING_PUBLIC_URL`), which
 * peers may speak for clients (`YIPING_TRUSTED_PROXIES`) and which pages may read the map
 * surfaces (`YIPING_CORS_ORIGINS`). Each is parsed here, once, into a normalised value.
 */

/** `https://GIS.example.org/` → `https://gis.example.org`, or why it is not a bare origin. */
function parseOrigin(value: string): { origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'must be an absolute URL such as https://gis.example.org' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { problem: 'must start with http:// or https://' };
  }
  if (url.username || url.password) return { problem: 'must not carry a user name or password' };
  if (url.pathname !== '/' || url.search || url.hash) {
    return {
      problem:
        'must be an origin only (scheme, host, port), without a path: Yiping is served at the root of its host',
    };
  }
  return { origin: url.origin };
}

/** `YIPING_PUBLIC_URL`: the origin users open, e.g. `https://gis.example.org`. */
export const PublicUrlSchema = z.string().transform((value, ctx) => {
  const parsed = parseOrigin(value.trim());
  if ('origin' in parsed) return parsed.origin;
  ctx.addIssue({ code: 'custom', message: parsed.problem });
  return z.NEVER;
});

/** `10.0.0.0/8` or `::1`: an address with an optional prefix length that fits its family. */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** `YIPING_TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges. */
export const TrustedProxiesSchema = z.string().transform((value, ctx) => {
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `must list IP addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8 (not ${bad.map((entry) => JSON.stringify(entry)).join(', ')})`,
  });
  return z.NEVER;
});

/** `YIPING_CORS_ORIGINS`: `*` (any page), `none`, or comma-separated origins. */
export const CorsOriginsSchema = z.string().transform((value, ctx): '*' | string[] => {
  const trimmed = value.trim();
  if (trimmed === '*') return '*';
  if (trimmed === 'none') return [];
  const origins: string[] = [];
  for (const entry of trimmed.split(',').map((item) => item.trim())) {
    const parsed = parseOrigin(entry);
    if ('origin' in parsed) {
      origins.push(parsed.origin);
      continue;
    }
    ctx.addIssue({
      code: 'custom',
      message: `must be *, none, or origins separated by commas such as https://maps.example.org (${JSON.stringify(entry)} ${parsed.problem})`,
    });
    return z.NEVER;
  }
  return origins;
});

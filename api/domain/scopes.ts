/**
 * Area scopes. A scope is an admin-area code: a district (`370871000000`), a street
 * (`370871001000`) or a community (`370871001002`). Everything whose code starts with the
 * scope's significant digits lies inside it: a street scope covers its communities, their grids
 * (15-digit codes) and everything in them.
 */

/** The significant prefix of an admin-area code: 6 digits for a district, 9 for a street, 12 for a community. */
export function scopePrefix(code: string): string {
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** LIKE patterns for the database's row-level security (`yiping.scope_patterns`). */
export function scopePatterns(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => `${scopePrefix(code)}%`))].sort();
}

/** True when `code` (admin area or grid) lies inside one of `scopes`. */
export function inScope(code: string, scopes: readonly string[]): boolean {
  return scopes.some((scope) => code.startsWith(scopePrefix(scope)));
}

/** True when every scope in `requested` lies inside `granted` (no one hands out more than they hold). */
export function scopesWithin(requested: readonly string[], granted: readonly string[]): boolean {
  return requested.every((code) => inScope(code, granted));
}

/**
 * What row-level security needs to test a code against a caller's scope with an index: the
 * range `lo <= code < hi` holding every code under the scope's prefixes, and whether that range
 * is exact (one prefix: no further test) or only a bound (several prefixes: the LIKE patterns
 * recheck each row inside it). Null bounds for no scope (nothing visible).
 */
export interface ScopeBounds {
  lo: string | null;
  hi: string | null;
  exact: boolean;
  patterns: string[];
}

/** The index range and recheck patterns for `codes` (see `ScopeBounds`). */
export function scopeBounds(codes: readonly string[]): ScopeBounds {
  const prefixes = narrowestCover(codes.map(scopePrefix));
  if (prefixes.length === 0) return { lo: null, hi: null, exact: true, patterns: [] };
  const his = prefixes.map(nextPrefix);
  return {
    lo: prefixes[0]!,
    hi: his.reduce((max, hi) => (hi > max ? hi : max)),
    exact: prefixes.length === 1,
    patterns: prefixes.map((prefix) => `${prefix}%`),
  };
}

/** The distinct prefixes, sorted, without those another prefix in the list already covers. */
function narrowestCover(prefixes: readonly string[]): string[] {
  const sorted = [...new Set(prefixes)].sort();
  return sorted.filter((prefix) => !sorted.some((o) => o !== prefix && prefix.startsWith(o)));
}

/**
 * The smallest digit string above every code that starts with `prefix`: the prefix read as a
 * number plus one, at the same length (`370871001` → `370871002`). Digit strings of one length
 * compare the same under every collation, so the bound works with the column's own index.
 * All nines has no such string of that length: then a longer one of nines bounds every code
 * (and a prefix that is not all digits, which codes never are, gets the highest character).
 */
export function nextPrefix(prefix: string): string {
  if (!/^\d+$/.test(prefix)) return prefix + '\uffff';
  if (/^9+$/.test(prefix)) return '9'.repeat(32);
  return (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
}

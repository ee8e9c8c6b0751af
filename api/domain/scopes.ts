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

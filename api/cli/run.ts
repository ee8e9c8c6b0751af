import { userInfo } from 'node:os';
import { loadConfig } from '../config';
import { missingAreaCodes } from '../db/admin-area-codes';
import { appendAudit } from '../db/audit';
import { openDatabase, type Database } from '../db/database';
import { memberExists } from '../db/identities';
import { systemClock } from '../domain/clock';

/** How the audit log names an operator at the command line. */
export const CLI_ACTOR = `cli:${userInfo().username}`;

/**
 * Runs a CLI command against the configured database (DATABASE_URL, or the embedded database
 * in YIPING_DATA_DIR — which must not be open in a running server at the same time).
 */
export async function runCli(usage: string, command: (db: Database) => Promise<void>) {
  let db: Database | undefined;
  try {
    const config = loadConfig();
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await command(db);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    process.exitCode = 1;
  } finally {
    await db?.close();
  }
}

/** Throws with a readable message when a scope code is malformed or names no admin area. */
export async function checkScopeCodes(db: Database, scopes: string[]): Promise<void> {
  if (!scopes.length) throw new Error('Give at least one --scope (a 12-digit admin-area code).');
  const bad = scopes.filter((code) => !/^\d{12}$/.test(code));
  if (bad.length) throw new Error(`Not 12-digit admin-area codes: ${bad.join(', ')}`);
  const missing = await missingAreaCodes(db.pool, scopes);
  if (missing.length) throw new Error(`Unknown admin-area codes: ${missing.join(', ')}`);
}

/** The grid member an account is linked to (`--member`), checked to exist; null when not given. */
export async function checkMember(
  db: Database,
  memberId: string | undefined,
): Promise<string | null> {
  if (memberId === undefined) return null;
  if (!(await memberExists(db.pool, memberId))) throw new Error(`No grid member ${memberId}.`);
  return memberId;
}

export async function auditCli(db: Database, action: string, target: string, detail = {}) {
  await appendAudit(db.pool, { at: systemClock.now(), actor: CLI_ACTOR, action, target, detail });
}

/** Prints rows as aligned columns. */
export function printTable(rows: Record<string, unknown>[]): void {
  if (!rows.length) return void process.stdout.write('(none)\n');
  const keys = Object.keys(rows[0]!);
  const cell = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value ?? '—'));
  const widths = keys.map((key) =>
    Math.max(key.length, ...rows.map((row) => cell(row[key]).length)),
  );
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ') + '\n';
  process.stdout.write(
    line(keys) + rows.map((row) => line(keys.map((k) => cell(row[k])))).join(''),
  );
}

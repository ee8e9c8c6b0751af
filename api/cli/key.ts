import { parseArgs } from 'node:util';
import { RoleSchema } from '../contract/auth';
import type { Database } from '../db/database';
import { insertApiKey, listApiKeys, revokeApiKey } from '../db/identities';
import { keyExpiry } from '../domain/key-expiry';
import { digestSecret, newApiKey } from '../domain/secrets';
import { auditCli, checkMember, checkScopeCodes, CLI_ACTOR, printTable, runCli } from './run';
import { systemClock } from '../domain/clock';

const USAGE = `Usage:
  npm run key -- create --name <name> --role <role> --scope <code> [--scope <code>…] [--expires <ISO time with zone, in the future>] [--member <grid member id>]
  npm run key -- list
  npm run key -- revoke <id or prefix>
Roles: ${RoleSchema.options.join(', ')}. The key is printed once; only its digest is stored.`;

async function create(db: Database, values: Record<string, unknown>) {
  const name = values.name as string | undefined;
  if (!name) throw new Error('Name the key with --name.');
  const role = RoleSchema.parse(values.role);
  const scopes = (values.scope as string[] | undefined) ?? [];
  await checkScopeCodes(db, scopes);
  const expiresAt = keyExpiry(values.expires as string | undefined, systemClock.now());
  const { key, prefix } = newApiKey();
  const created = await insertApiKey(db.pool, {
    prefix,
    secretHash: digestSecret(key),
    name,
    role,
    scopes,
    expiresAt,
    createdBy: CLI_ACTOR,
    memberId: await checkMember(db, values.member as string | undefined),
  });
  await auditCli(db, 'api_key.create', `key:${name}`, { prefix, role });
  process.stdout.write(`Created key ${created.name} (id ${created.id}, ${role}).\n`);
  process.stdout.write(`Key (shown once): ${key}\n`);
}

/**
 * An id or a prefix. Prefixes are 8 hex digits and may be all decimal digits (61982713): 8
 * characters name a prefix, shorter numbers an id.
 */
function keyTarget(value: string): { id: number } | { prefix: string } {
  return /^\d{1,7}$/.test(value) ? { id: Number(value) } : { prefix: value };
}

async function main(db: Database) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string', multiple: true },
      expires: { type: 'string' },
      member: { type: 'string' },
    },
  });
  const [command, target] = positionals;
  if (command === 'create') return create(db, values);
  if (command === 'list') return printTable((await listApiKeys(db.pool)) as never);
  if (command === 'revoke') {
    const key = target ? await revokeApiKey(db.pool, keyTarget(target), systemClock.now()) : null;
    if (!key) throw new Error(`No key with id or prefix ${target ?? '(none)'}.`);
    await auditCli(db, 'api_key.revoke', `key:${key.name}`, { prefix: key.prefix });
    return void process.stdout.write(
      `Revoked ${key.name} (${key.prefix}); its sessions end now.\n`,
    );
  }
  throw new Error(command ? `Unknown command: ${command}` : 'Say what to do.');
}

await runCli(USAGE, main);

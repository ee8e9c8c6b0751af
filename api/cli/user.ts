import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { RoleSchema } from '../contract/auth';
import type { Database } from '../db/database';
import { disableUser, insertUser, listUsers } from '../db/identities';
import { hashPassword } from '../domain/secrets';
import { auditCli, checkMember, checkScopeCodes, CLI_ACTOR, printTable, runCli } from './run';
import { systemClock } from '../domain/clock';

const USAGE = `Usage:
  npm run user -- add <username> --role <role> --scope <code> [--scope <code>…] [--password-stdin] [--member <grid member id>]
  npm run user -- list
  npm run user -- disable <id>
Roles: ${RoleSchema.options.join(', ')}. Without --password-stdin a random password is printed once.`;

async function readStdinLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] ?? '';
}

async function add(db: Database, username: string | undefined, values: Record<string, unknown>) {
  if (!username) throw new Error('Name the user: npm run user -- add <username> …');
  const role = RoleSchema.parse(values.role);
  const scopes = (values.scope as string[] | undefined) ?? [];
  await checkScopeCodes(db, scopes);
  const generated = !values['password-stdin'];
  const password = generated ? randomBytes(12).toString('base64url') : await readStdinLine();
  if (password.length < 12) throw new Error('The password must have at least 12 characters.');
  const user = await insertUser(db.pool, {
    username,
    passwordHash: await hashPassword(password),
    role,
    scopes,
    createdBy: CLI_ACTOR,
    memberId: await checkMember(db, values.member as string | undefined),
  });
  await auditCli(db, 'user.create', `user:${username}`, { role, scopes });
  process.stdout.write(`Created user ${user.username} (id ${user.id}, ${role}).\n`);
  if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
}

async function main(db: Database) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      scope: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean' },
      member: { type: 'string' },
    },
  });
  const [command, target] = positionals;
  if (command === 'add') return add(db, target, values);
  if (command === 'list') return printTable((await listUsers(db.pool)) as never);
  if (command === 'disable') {
    const user =
      target && /^\d+$/.test(target)
        ? await disableUser(db.pool, Number(target), systemClock.now())
        : null;
    if (!user) throw new Error(`No user with id ${target ?? '(none)'}.`);
    await auditCli(db, 'user.disable', `user:${user.username}`);
    return void process.stdout.write(`Disabled ${user.username}; their sessions are revoked.\n`);
  }
  throw new Error(command ? `Unknown command: ${command}` : 'Say what to do.');
}

await runCli(USAGE, main);

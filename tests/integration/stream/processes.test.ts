import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../../api/web-build';
import { useTestDatabase } from '../support/db';
import { areaCodes, unique } from '../support/identities';
import { pointInGrid, reportBody } from '../incidents/support';
import { appendTestEvents, openStream } from './support';

const db = useTestDatabase();
const adminKey = `test-bootstrap-${randomBytes(24).toString('hex')}`;
const running = new Set<ChildProcess>();
let area: { district: string; street: string; communities: string[] };

interface Instance {
  url: string;
  child: ChildProcess;
}

/** Starts the real server (`api/server.ts`) on the test database, API only, on a free port. */
async function startServer(): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      HOST: '127.0.0.1',
      PORT: '0',
      YIPING_SIMULATOR: 'off',
      YIPING_SERVE_WEB: 'off',
      YIPING_LOG: 'silent',
      YIPING_BOOTSTRAP_ADMIN_KEY: adminKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  return { url, child };
}

function kill(instance: Instance, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (instance.child.exitCode !== null) return resolve();
    instance.child.once('exit', () => resolve());
    instance.child.kill(signal);
  });
}

beforeAll(async () => {
  area = await areaCodes(db());
});

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
});

const scope = () => ({ community: area.communities[0]!, street: area.street });

// Several server processes share one database only on a PostgreSQL server: the embedded database
// belongs to one process (its data directory is locked), and pglite-socket interleaves several
// processes' extended-protocol messages ("bind message supplies 1 parameters…").
const shared = inject('databaseKind') === 'server';

describe.skipIf(!shared)('the stream across server processes (PostgreSQL server only)', () => {
  it('after the server is killed and restarted, a reconnecting client misses nothing and sees nothing twice', async () => {
    const subject = unique('restart');
    const first = await startServer();
    const before = await openStream(first.url, adminKey, { topics: 'members' });
    const seen = await appendTestEvents(db(), scope(), subject, 3);
    const mine = (s: typeof before) => s.messages.filter((m) => m.data.subject === subject);
    await before.waitFor(() => mine(before).length === 3, 'the first events');
    const lastId = Number(mine(before).at(-1)!.id);

    await kill(first, 'SIGKILL');
    await before.waitFor(() => before.ended, 'the stream to break');
    const whileDown = await appendTestEvents(db(), scope(), subject, 4);

    const second = await startServer();
    const after = await openStream(second.url, adminKey, {
      topics: 'members',
      lastEventId: lastId,
    });
    const later = await appendTestEvents(db(), scope(), subject, 2);
    await after.waitFor(() => mine(after).length === 6, 'the missed and new events');
    const all = [...mine(before), ...mine(after)].map((m) => Number(m.id));
    expect(all).toEqual([...seen, ...whileDown, ...later]);
    await after.close();
    await kill(second, 'SIGTERM');
    expect(second.child.exitCode).toBe(0);
  });

  it('delivers an incident reported through one process to a subscriber of another', async () => {
    const [a, b] = await Promise.all([startServer(), startServer()]);
    const stream = await openStream(b.url, adminKey, { topics: 'incidents' });
    const at = await pointInGrid(db());
    const response = await fetch(`${a.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(reportBody(at.lng, at.lat)),
    });
    expect(response.status).toBe(201);
    const { incident } = (await response.json()) as { incident: { code: string } };
    await stream.waitFor(
      () => stream.messages.some((m) => m.data.subject === incident.code),
      'the event from the other process',
    );
    await stream.close();
    await Promise.all([kill(a, 'SIGTERM'), kill(b, 'SIGTERM')]);
  });
});

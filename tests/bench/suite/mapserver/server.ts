/**
 * MapServer 8 as the issue measured it: Debian's `mapserv` as two FastCGI processes
 * (spawn-fcgi -F 2) behind nginx, reading the bench database. Started and stopped by the bench;
 * every process it starts is stopped by its PID.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../env';
import { configText, mapfileText } from './mapfile';

/** A running MapServer. */
export interface MapServer {
  origin: string;
  /** The MVT tile path of `layers` (comma-joined collection ids) at z/x/y. */
  tilePath(layers: string, z: number, x: number, y: number): string;
  /** The OGC API Features items path of `collection` with `query`. */
  itemsPath(collection: string, query: string): string;
  stop(): Promise<void>;
}

/** The Debian packages MapServer needs here. */
export const MAPSERVER_PACKAGES = ['cgi-mapserver', 'spawn-fcgi', 'nginx-light'] as const;

const MAPSERV = '/usr/lib/cgi-bin/mapserv';

function nginxConf(dir: string, port: number, socket: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${dir}/${kind};`)
    .join('\n');
  return `daemon off;
user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 512; }
http {
  access_log off;
${temp}
  server {
    listen 127.0.0.1:${port};
    location /mapserv {
      fastcgi_split_path_info ^(/mapserv)(.*)$;
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_NAME $fastcgi_script_name;
      fastcgi_param PATH_INFO $fastcgi_path_info;
      fastcgi_buffers 64 16k;
      fastcgi_pass unix:${socket};
    }
  }
}
`;
}

async function waitForHttp(url: string, child: ChildProcess, logFile: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`nginx exited (${child.exitCode}): ${log.slice(-500)}`);
    }
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not answer at ${url}`);
}

/** mapserv defers SIGTERM until its next request, so its stateless processes get SIGKILL. */
async function killPids(file: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const pid of text.split(/\s+/).filter(Boolean).map(Number)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Starts mapserv (2 FastCGI processes) and nginx on a free port, serving `databaseUrl`. */
export async function startMapServer(databaseUrl: string): Promise<MapServer> {
  if (!existsSync(MAPSERV)) throw new Error(`${MAPSERV} is missing`);
  const dir = await mkdtemp(path.join(tmpdir(), 'yp-mapserver-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const files = {
    map: path.join(dir, 'yiping.map'),
    config: path.join(dir, 'mapserver.conf'),
    socket: path.join(dir, 'mapserv.sock'),
    pids: path.join(dir, 'mapserv.pids'),
    nginx: path.join(dir, 'nginx.conf'),
  };
  await writeFile(files.map, mapfileText(databaseUrl, origin));
  await writeFile(files.config, configText(files.map, path.join(dir, 'mapserver-error.log')));
  await writeFile(files.nginx, nginxConf(dir, port, files.socket));
  const fcgi = spawnSync(
    'spawn-fcgi',
    ['-s', files.socket, '-M', '0666', '-F', '2', '-P', files.pids, '--', MAPSERV],
    { env: { ...process.env, MAPSERVER_CONFIG_FILE: files.config }, encoding: 'utf8' },
  );
  if (fcgi.status !== 0) throw new Error(`spawn-fcgi failed: ${fcgi.stderr}${fcgi.stdout}`);
  const nginx = spawn('nginx', ['-c', files.nginx, '-p', dir], { stdio: 'ignore' });
  const stop = async () => {
    if (nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await killPids(files.pids);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${origin}/`, nginx, path.join(dir, 'nginx-error.log'));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    origin,
    tilePath: (layers, z, x, y) =>
      `/mapserv?mode=tile&tilemode=gmap&tile=${x}+${y}+${z}&layers=${layers.split(',').join('%20')}`,
    itemsPath: (collection, query) =>
      `/mapserv/yiping/ogcapi/collections/${collection}/items?f=json${query ? `&${query}` : ''}`,
    stop,
  };
}

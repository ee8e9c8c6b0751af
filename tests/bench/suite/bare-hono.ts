/**
 * The ceiling of an HTTP route on this machine: a bare Hono app on @hono/node-server answering
 * `GET /` with text, run as its own process (`node --import tsx bare-hono.ts`, PORT in the
 * environment) and loaded with wrk like the API.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('ok'));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) }, () => {
  process.stdout.write('ready\n');
});

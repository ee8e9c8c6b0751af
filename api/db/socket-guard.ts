import type { Server, Socket } from 'node:net';
import type { PGLiteSocketHandler, PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** The parts of pglite-socket 0.2.11's server that the guard reaches (private in its types). */
interface SocketServerInternals {
  server: Server | null;
  handlers: Set<PGLiteSocketHandler>;
}

/**
 * Keeps pglite-socket serving after connections break. Two faults of pglite-socket 0.2.11,
 * both seen when a connection is reset (a client's socket destroyed mid-query):
 *
 * - a handler whose socket failed with an error is detached but never leaves the server's
 *   connection count, so after `maxConnections` such failures every new connection is refused
 *   ("Too many connections") and the embedded database is unreachable until restart;
 * - refusing writes to the socket without an 'error' listener, so a refused connection that
 *   was already reset throws an unhandled error and ends the process.
 *
 * Before each new connection is counted, handlers without a socket are dropped, and every
 * incoming socket gets an error listener. Call after `start()`.
 */
export function guardSocketServer(socketServer: PGLiteSocketServer): void {
  const internals = socketServer as unknown as Partial<SocketServerInternals>;
  const { server, handlers } = internals;
  if (!server || !(handlers instanceof Set)) {
    throw new Error('pglite-socket changed: review api/db/socket-guard.ts before upgrading it.');
  }
  // 'connection' listeners run before pglite-socket's own handling (deferred with setImmediate).
  server.on('connection', (socket: Socket) => {
    socket.on('error', () => undefined);
    for (const handler of handlers) {
      if (!handler.isAttached) handlers.delete(handler);
    }
  });
}

import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on a free loopback port in front of a database: `cut()` destroys every connection
 * through it at once, as a network failure or a restart of the database would, while new
 * connections keep working; `silence()` forwards nothing more and closes nothing, as a
 * silently dropped network path (a firewall, a dead link) would, until `cut()`.
 */
export interface TcpProxy {
  port: number;
  /** How many connections are open through the proxy. */
  open(): number;
  /** Destroys every open connection (both sides) and ends a silence; returns how many there were. */
  cut(): number;
  /** From now on nothing passes in either direction and new connections hang, until `cut()`. */
  silence(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let silent = false;
  const hung = new Set<Socket>();
  const server = createServer((inbound) => {
    if (silent) {
      inbound.pause();
      hung.add(inbound.on('error', () => undefined));
      return;
    }
    const outbound = connect(target.port, target.host);
    const pair: [Socket, Socket] = [inbound, outbound];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  const cut = () => {
    const count = pairs.size;
    for (const [inbound, outbound] of pairs) {
      // resetAndDestroy sends RST, as a broken network path would; destroy() alone sends FIN.
      inbound.resetAndDestroy();
      outbound.resetAndDestroy();
    }
    pairs.clear();
    for (const socket of hung) socket.resetAndDestroy();
    hung.clear();
    silent = false;
    return count;
  };
  const silence = () => {
    silent = true;
    for (const [inbound, outbound] of pairs) {
      inbound.unpipe(outbound);
      outbound.unpipe(inbound);
      inbound.pause();
      outbound.pause();
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    open: () => pairs.size,
    cut,
    silence,
    close() {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

import { BlockList, isIP } from 'node:net';

/** Which socket peers are our own reverse proxies, whose `X-Forwarded-*` headers we believe. */
export interface ProxyTrust {
  trusts(address: string | undefined): boolean;
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) → `127.0.0.1`; others unchanged. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/** A trust list from validated config entries (`127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`). */
export function createProxyTrust(entries: readonly string[]): ProxyTrust {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return {
    trusts(address) {
      if (!address || entries.length === 0) return false;
      const plain = normaliseAddress(address);
      const family = isIP(plain);
      return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/** Trusts nobody: `X-Forwarded-*` is ignored. */
export const TRUST_NO_PROXY: ProxyTrust = createProxyTrust([]);

/** The last (rightmost) comma-separated value of a forwarded header: the one our proxy added. */
export function lastForwardedValue(header: string | undefined): string | undefined {
  const value = header?.split(',').at(-1)?.trim();
  return value ? value : undefined;
}

/** An `X-Forwarded-For` hop as an address; some proxies add a port (`1.2.3.4:5678`, `[::1]:80`). */
function hopAddress(hop: string): string {
  const port =
    /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(hop) ?? /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(hop);
  return normaliseAddress(port ? port[1]! : hop);
}

/**
 * The client behind a trusted `peer`: walking `X-Forwarded-For` from the right, the first
 * address that is not a trusted proxy (anything further left could be forged by that client).
 * An entry that is not an address ends the walk at the last trusted hop.
 */
export function forwardedClient(peer: string, header: string | undefined, trust: ProxyTrust) {
  let client = normaliseAddress(peer);
  if (!header || !trust.trusts(client)) return client;
  const hops = header.split(',').map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hopAddress(hops[i]!);
    if (!isIP(hop)) return client;
    client = hop;
    if (!trust.trusts(hop)) return client;
  }
  return client;
}

import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

// Behind a reverse proxy every request's socket comes from the proxy, so per-address limits would
// count everyone behind it as one sender. For proxies the admin names (EARMARK_TRUSTED_PROXIES), the
// sender is read from X-Forwarded-For instead. Only for those: anyone can write that header, so
// from any other peer it is ignored. The loopback trust (access.ts) never reads it.

/**
 * The peer address, or null for a request with no socket: `app.request()` in-process calls,
 * which cannot come from the network and so count as loopback.
 */
export function peer(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return null;
  }
}

/** The proxies whose X-Forwarded-For the hub believes: addresses and CIDR ranges. */
export type TrustedProxies = BlockList;

/** Parses EARMARK_TRUSTED_PROXIES ("10.0.0.0/8, 192.168.1.5, ::1"); throws naming a bad entry. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | null {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? null : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    )
      throw new Error(`EARMARK_TRUSTED_PROXIES: not an address or CIDR range: ${entry}`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** Whether an address (IPv4, IPv6, or IPv4 mapped into IPv6) is on the list. */
function trusted(list: TrustedProxies, address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const plain = mapped ?? address;
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The sender of a request: the socket's peer, or, when that peer is a trusted proxy, the
 * right-most X-Forwarded-For address that is not a trusted proxy itself (each proxy appends the
 * address it received from; what is left of the first untrusted one may be made up). Null for
 * in-process calls, as `peer`.
 */
export function clientAddress(c: Context, list: TrustedProxies | null): string | null {
  const socket = peer(c);
  if (socket === null || !list || !trusted(list, socket)) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => isIP(a.replace(/^::ffff:/i, '')) !== 0 || isIP(a) !== 0);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const address = forwarded[i] as string;
    if (!trusted(list, address)) return address;
  }
  return forwarded[0] ?? socket;
}

/** Sets the request's sender (see clientAddress) for the per-address limits to read. */
export function clientAddressMiddleware(list: TrustedProxies | null): MiddlewareHandler {
  return async (c, next) => {
    c.set('client', clientAddress(c, list));
    await next();
  };
}

/** The sender set by clientAddressMiddleware, else the socket's peer. */
export function senderOf(c: Context): string | null {
  const client = c.get('client') as string | null | undefined;
  return client === undefined ? peer(c) : client;
}

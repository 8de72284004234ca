import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubApp } from '../../server/app';
import { parseTrustedProxies, type TrustedProxies } from '../../server/auth/client-address';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';

// Behind a reverse proxy the hub counts per-address limits by the sender the proxy names in
// X-Forwarded-For, but only for proxies in EARMARK_TRUSTED_PROXIES: anyone can write the header.

describe('EARMARK_TRUSTED_PROXIES', () => {
  it('takes addresses and CIDR ranges, IPv4 and IPv6, and names a bad entry', () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
    expect(parseTrustedProxies(' , ')).toBeNull();
    const list = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, ::1, fd00::/8') as TrustedProxies;
    expect(list.check('10.2.3.4', 'ipv4')).toBe(true);
    expect(list.check('192.168.1.5', 'ipv4')).toBe(true);
    expect(list.check('192.168.1.6', 'ipv4')).toBe(false);
    expect(list.check('fd12::1', 'ipv6')).toBe(true);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '1.2.3'])
      expect(() => parseTrustedProxies(`127.0.0.1, ${bad}`)).toThrow(bad);
  });
});

describe('per-address limits behind a reverse proxy', () => {
  let store: HubStore | null = null;
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    await store?.close();
  });

  /** A hub on loopback allowing two token-less requests per sender address, then 429. */
  async function hub(trusted: string | undefined) {
    store = await openPgliteStore();
    const app = createHubApp({
      store,
      anonymousRateLimit: { perSecond: 0.001, burst: 2 },
      trustedProxies: parseTrustedProxies(trusted),
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    /** Three token-less requests as if from `forwardedFor`; their statuses. */
    return async (forwardedFor: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const reply = await fetch(`http://127.0.0.1:${port}/v1/items`, {
          headers: { 'x-forwarded-for': forwardedFor },
        });
        statuses.push(reply.status);
      }
      return statuses;
    };
  }

  it('counts each sender a trusted proxy names apart', async () => {
    const from = await hub('127.0.0.1');
    expect(await from('203.0.113.7')).toEqual([401, 401, 429]);
    expect(await from('198.51.100.9')).toEqual([401, 401, 429]);
    // A sender that writes its own header gets the address the proxy appended, not its claim.
    expect(await from('198.51.100.9, 203.0.113.99')).toEqual([401, 401, 429]);
    expect(await from('203.0.113.99')).toEqual([429, 429, 429]);
  });

  it('skips trusted proxies in a chain, right to left', async () => {
    const from = await hub('127.0.0.1, 10.0.0.0/8');
    expect(await from('203.0.113.7, 10.1.2.3')).toEqual([401, 401, 429]);
    expect(await from('203.0.113.8, 10.1.2.3')).toEqual([401, 401, 429]);
  });

  it('believes no header from a peer that is not a trusted proxy', async () => {
    const from = await hub('10.0.0.0/8');
    expect(await from('203.0.113.7')).toEqual([401, 401, 429]);
    // The socket is loopback, not a trusted proxy: another claimed sender shares its bucket.
    expect(await from('198.51.100.9')).toEqual([429, 429, 429]);
  });

  it('without trusted proxies, counts the socket peer as before', async () => {
    const from = await hub(undefined);
    expect(await from('203.0.113.7')).toEqual([401, 401, 429]);
    expect(await from('198.51.100.9')).toEqual([429, 429, 429]);
  });
});

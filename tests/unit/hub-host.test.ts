import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import { createHubApp } from '../../server/app';
import { hostAllowed, LOOPBACK_HOSTS, parsePublicHosts } from '../../server/auth/host';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';
import { makeItem, TEST_SECRET } from '../helpers/items';

// DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1 reaches the hub's socket as
// a loopback peer. Its requests still say `Host: evil.example`, so the hub answers 421 before any route.

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One HTTP/1.1 request with a chosen Host header (fetch may not set Host), over a real socket. */
function send(
  port: number,
  path: string,
  host: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { ...init.headers, host } },
      (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}

let store: HubStore;
const storeCalls: string[] = [];
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  store = await openPgliteStore();
  // Every store method the routes could reach is recorded: a refused request must record none.
  const watched = new Proxy(store, {
    get: (target, key) => {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        storeCalls.push(String(key));
        return value.apply(target, args);
      };
    },
  });
  // demo: true trusts every peer for reads, the widest trust there is: the Host check still applies.
  const app = createHubApp({
    store: watched,
    demo: true,
    secret: TEST_SECRET,
    publicHosts: ['hub.example.com'],
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((ok) => server.once('listening', ok));
  port = (server.address() as AddressInfo).port;
  close = () => new Promise<void>((ok) => server.close(() => ok()));
}, 30_000);
afterAll(async () => {
  await close?.();
  await store?.close();
});

describe('Host header allow-list (over a real socket)', () => {
  it('answers 421 to a foreign Host on every route, and reaches none of them', async () => {
    storeCalls.length = 0;
    const body = batchBody('rebound', [makeItem()], Date.now());
    const signed = {
      ...signBatch(TEST_SECRET, 'rebound', body, Date.now()),
      'content-type': 'application/json',
    };
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      'localhost.evil.example',
      'hub.example.com.evil.example',
      '127.0.0.1.nip.io',
    ]) {
      const replies = [
        await send(port, '/v1/items', host),
        await send(port, '/', host),
        await send(port, '/healthz', host),
        await send(port, '/v1/webhook', host, { method: 'POST', body, headers: signed }),
      ];
      for (const reply of replies) {
        expect(reply.status, host).toBe(421);
        expect(JSON.parse(reply.body)).toEqual({ error: 'misdirected request: host not allowed' });
        expect(reply.headers['cache-control']).toBe('no-store');
        expect(reply.headers['x-content-type-options']).toBe('nosniff');
      }
    }
    expect(storeCalls).toEqual([]);
    expect(await store.listItems({ limit: 10 })).toEqual([]);
  });

  it('serves localhost, 127.0.0.1 and [::1] on any port, and the configured public host', async () => {
    for (const host of [
      'localhost',
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      '[::1]:8787',
      'LocalHost:1',
      'hub.example.com',
      'HUB.example.com:443',
    ]) {
      const reply = await send(port, '/v1/items?limit=1', host);
      expect(reply.status, host).toBe(200);
    }
    const body = batchBody('direct', [makeItem()], Date.now());
    const signed = {
      ...signBatch(TEST_SECRET, 'direct', body, Date.now()),
      'content-type': 'application/json',
    };
    const stored = await send(port, '/v1/webhook', `127.0.0.1:${port}`, {
      method: 'POST',
      body,
      headers: signed,
    });
    expect(stored.status).toBe(200);
    expect(JSON.parse(stored.body)).toMatchObject({ stored: 1 });
  });

  it('answers 421 in-process too, for a request URL naming another host', async () => {
    const app = createHubApp({ store, demo: true });
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('http://evil.example/healthz')).status).toBe(421);
    expect((await app.request('http://hub.example.com/healthz')).status).toBe(421);
  });
});

describe('EARMARK_PUBLIC_HOST', () => {
  it('takes one host or a comma-separated list, with or without a port, and refuses URLs', () => {
    expect(parsePublicHosts(undefined)).toEqual([]);
    expect(parsePublicHosts('  ')).toEqual([]);
    expect(parsePublicHosts('Hub.Example.com')).toEqual(['hub.example.com']);
    expect(parsePublicHosts('hub.example.com, hub.internal:8443')).toEqual([
      'hub.example.com',
      'hub.internal:8443',
    ]);
    for (const bad of ['https://hub.example.com', 'hub.example.com/v1', 'hub example', 'a,,b'])
      expect(() => parsePublicHosts(bad), bad).toThrow(/EARMARK_PUBLIC_HOST/);
  });

  it('a host entry with a port allows that port only; loopback names allow any', () => {
    const allowed = [...LOOPBACK_HOSTS, 'hub.internal:8443'];
    expect(hostAllowed('hub.internal:8443', allowed)).toBe(true);
    expect(hostAllowed('hub.internal', allowed)).toBe(false);
    expect(hostAllowed('hub.internal:8444', allowed)).toBe(false);
    expect(hostAllowed('[::1]', allowed)).toBe(true);
    expect(hostAllowed('::1', allowed)).toBe(false);
    expect(hostAllowed('', allowed)).toBe(false);
  });
});

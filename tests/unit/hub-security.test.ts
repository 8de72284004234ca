import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import { createHubApp, MAX_BODY_BYTES } from '../../server/app';
import { generateToken, hashToken, sameHash } from '../../server/auth/tokens';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';
import { makeItem, TEST_SECRET } from '../helpers/items';

// Every comparison of a caller's token goes through node:crypto's timingSafeEqual: spied on here.
const crypto = vi.hoisted(() => ({ calls: [] as Array<[Buffer, Buffer]> }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      const bytes = (v: NodeJS.ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      crypto.calls.push([bytes(a), bytes(b)]);
      return real.timingSafeEqual(a, b);
    },
  };
});

/** The headers every hub response carries, whatever the route or outcome. */
const SECURITY_HEADERS: Record<string, string | RegExp> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': /^max-age=\d+/,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
  'content-security-policy': /^default-src 'none';.*frame-ancestors 'none'/,
};

function expectSecurityHeaders(res: Response, what: string): void {
  for (const [name, expected] of Object.entries(SECURITY_HEADERS)) {
    const value = res.headers.get(name);
    if (typeof expected === 'string') expect(value, `${what}: ${name}`).toBe(expected);
    else expect(value, `${what}: ${name}`).toMatch(expected);
  }
}

let store: HubStore;
let app: ReturnType<typeof createHubApp>;
let admin: string;
const countItems = async () => (await store.listItems({ limit: 500 })).length;

beforeAll(async () => {
  store = await openPgliteStore();
  app = createHubApp({ store, secret: TEST_SECRET, rateLimit: { perSecond: 1000, burst: 1000 } });
  admin = generateToken();
  await store.createToken({ hash: hashToken(admin), role: 'admin', teamId: null, agentId: null });
}, 30_000);
afterAll(() => store.close());

describe('hub security headers', () => {
  it('are on every registered route, with and without a token, whatever the status', async () => {
    const routes = app.routes.filter((r) => r.method !== 'ALL');
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const seen = new Set<number>();
    for (const route of routes) {
      const path = route.path.replace(/:[a-zA-Z]+/g, '01a20824-fdb7-7d58-9e34-380b25f4449b');
      for (const auth of [undefined, `Bearer ${admin}`, 'Bearer not-a-valid-token-at-all-xxxxxx']) {
        const res = await app.request(path, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
          ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { body: '{}' }),
        });
        seen.add(res.status);
        expectSecurityHeaders(
          res,
          `${route.method} ${route.path} (${auth ? 'token' : 'anonymous'}) → ${res.status}`,
        );
      }
    }
    // The sweep met successes and refusals alike (200, 400, 401, 404 at least).
    for (const status of [200, 400, 401, 404]) expect(seen).toContain(status);
  });

  it('are on 404s, 413s, rejected signatures, rate limits and internal errors', async () => {
    const responses: Array<[string, Response]> = [
      ['unknown path', await app.request('/nope/../etc/passwd')],
      ['unknown method', await app.request('/healthz', { method: 'DELETE' })],
      [
        'webhook over the body limit',
        await app.request('/v1/webhook', { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) }),
      ],
      ['unsigned webhook', await app.request('/v1/webhook', { method: 'POST', body: '{}' })],
    ];
    const limited = createHubApp({ store, rateLimit: { perSecond: 1, burst: 1 } });
    await limited.request('/v1/items', { headers: { authorization: `Bearer ${admin}` } });
    responses.push([
      'rate limited',
      await limited.request('/v1/items', { headers: { authorization: `Bearer ${admin}` } }),
    ]);
    const failing = createHubApp({
      store: new Proxy(store, {
        get: (target, key) =>
          key === 'listItems' ? () => Promise.reject(new Error('database down')) : Reflect.get(target, key),
      }),
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    responses.push([
      'internal error',
      await failing.request('/v1/items', { headers: { authorization: `Bearer ${admin}` } }),
    ]);

    expect(responses.map(([what, res]) => [what, res.status])).toEqual([
      ['unknown path', 404],
      ['unknown method', 404],
      ['webhook over the body limit', 413],
      ['unsigned webhook', 401],
      ['rate limited', 429],
      ['internal error', 500],
    ]);
    for (const [what, res] of responses) expectSecurityHeaders(res, what);
    // An internal error says nothing about the internals.
    expect(await responses[5]?.[1].json()).toEqual({ error: 'internal error' });
  });
});

describe('rate limits per peer address (over a real socket)', () => {
  /** Serves the app on a loopback port, so requests have a peer address as from the network. */
  async function served(options: Partial<Parameters<typeof createHubApp>[0]>) {
    const server = serve({
      fetch: createHubApp({ store, ...options }).fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    await new Promise((ok) => server.once('listening', ok));
    const address = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${address.port}`,
      close: () => new Promise<void>((ok) => server.close(() => ok())),
    };
  }

  it('throttles callers without a valid token (token guessing), not the callers with one', async () => {
    const hub = await served({ anonymousRateLimit: { perSecond: 0.01, burst: 3 } });
    try {
      const guesses = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${hub.url}/v1/items`, {
          headers: { authorization: `Bearer ${'g'.repeat(30)}${i}` },
        });
        guesses.push(res.status);
      }
      expect(guesses).toEqual([401, 401, 401, 429, 429]);
      const valid = await fetch(`${hub.url}/v1/items`, { headers: { authorization: `Bearer ${admin}` } });
      expect(valid.status).toBe(200);
      expectSecurityHeaders(valid, 'valid token after guesses');
    } finally {
      await hub.close();
    }
  });

  it('throttles a webhook flood before reading the body, with Retry-After', async () => {
    const hub = await served({ secret: TEST_SECRET, webhookRateLimit: { perSecond: 0.01, burst: 2 } });
    try {
      const statuses = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${hub.url}/v1/webhook`, { method: 'POST', body: '{}' });
        statuses.push(res.status);
        retryAfter ??= res.headers.get('retry-after');
      }
      expect(statuses).toEqual([401, 401, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await hub.close();
    }
  });
});

describe('hub webhook limits', () => {
  it('refuses an oversized body before verifying or storing anything', async () => {
    const before = await countItems();
    const items = Array.from({ length: 1 }, () => makeItem({ note: 'n'.repeat(9_000) }));
    const body = `${batchBody('big', items, Date.now()).slice(0, -1)}${' '.repeat(MAX_BODY_BYTES)}}`;
    const res = await app.request('/v1/webhook', {
      method: 'POST',
      body,
      headers: signBatch(TEST_SECRET, 'big', body, Date.now()),
    });
    expect(res.status).toBe(413);
    expect(await countItems()).toBe(before);
  });

  it('refuses timestamps more than 5 minutes in the future as well as the past', async () => {
    const body = batchBody('future', [makeItem()], Date.now());
    for (const offsetMs of [6 * 60_000, -6 * 60_000]) {
      const res = await app.request('/v1/webhook', {
        method: 'POST',
        body,
        headers: signBatch(TEST_SECRET, 'future', body, Date.now() + offsetMs),
      });
      expect(res.status).toBe(401);
    }
  });
});

describe('constant-time comparisons', () => {
  it('sameHash: equal only for the same bytes, false (not a throw) for other lengths or non-hex', () => {
    const a = hashToken('token-a-xxxxxxxxxxxxxxxx');
    expect(sameHash(a, a)).toBe(true);
    expect(sameHash(a, hashToken('token-b-xxxxxxxxxxxxxxxx'))).toBe(false);
    expect(sameHash(a, a.slice(0, -2))).toBe(false);
    expect(sameHash(a, 'zz')).toBe(false);
  });

  it('a bearer token is checked with crypto.timingSafeEqual on its SHA-256', async () => {
    crypto.calls.length = 0;
    const res = await app.request('/v1/items', { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const expected = Buffer.from(hashToken(admin), 'hex');
    expect(crypto.calls.some(([x, y]) => x.equals(expected) && y.equals(expected))).toBe(true);
  });

  it('webhook signatures are compared by standardwebhooks in constant time', async () => {
    // The hub delegates to the official library; this pins that the library still compares with
    // its timing-safe routine (an upgrade that changed it would fail here).
    const source = readFileSync(
      new URL('../../node_modules/standardwebhooks/dist/index.js', import.meta.url),
      'utf8',
    );
    expect(source).toMatch(
      /timingSafeEqual\)\(encoder\.encode\(signature\), encoder\.encode\(expectedSignature\)\)/,
    );
    // …and a signature off by its last character is refused like any other.
    const body = batchBody('near', [makeItem()], Date.now());
    const headers = signBatch(TEST_SECRET, 'near', body, Date.now());
    const sig = headers['webhook-signature'];
    const last = sig.at(-2) === 'A' ? 'B' : 'A'; // the final char may be "=" padding
    const forged = `${sig.slice(0, -2)}${last}${sig.at(-1)}`;
    const res = await app.request('/v1/webhook', {
      method: 'POST',
      body,
      headers: { ...headers, 'webhook-signature': forged },
    });
    expect(res.status).toBe(401);
  });
});

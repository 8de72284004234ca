import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Webhook } from 'standardwebhooks';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import { createHubApp } from '../../server/app';
import { WEBHOOK_FAILURE_RATE_LIMIT } from '../../server/auth/rate-limit';
import { openPgliteStore } from '../../server/pglite-store';
import type { HubStore } from '../../server/store';
import { makeItem, TEST_SECRET } from '../helpers/items';

// A sender that names its team is verified against that team's secrets only; a peer whose
// signatures keep failing is throttled long before one whose deliveries verify.
const SECRET_A = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx';
const SECRET_B = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const SECRET_C = 'whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=';
const UNKNOWN_SECRET = 'whsec_EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE=';

let store: HubStore;
let app: ReturnType<typeof createHubApp>;
let teamA: string;

/** A signed one-item batch, as the extension sends it. */
function signed(secret: string, item = makeItem()) {
  const id = `b-${Math.random()}`;
  const body = batchBody(id, [item], Date.now());
  return { method: 'POST', body, headers: signBatch(secret, id, body, Date.now()) };
}
const inTeam = async (teamId: string, id: string) =>
  (await store.listItems({ limit: 500, scope: { teamId } })).some((h) => h.item.id === id);

beforeAll(async () => {
  store = await openPgliteStore();
  app = createHubApp({ store, secret: TEST_SECRET });
  teamA = (await store.createTeam('A', SECRET_A)).id;
  await store.createTeam('B', SECRET_B);
  await store.createTeam('C', SECRET_C);
}, 30_000);
afterAll(() => store.close());

describe('POST /v1/webhook/<teamId>', () => {
  it("verifies against that team's secrets only and attributes the batch to it", async () => {
    const verify = vi.spyOn(Webhook.prototype, 'verify');
    const item = makeItem();
    const res = await app.request(`/v1/webhook/${teamA}`, signed(SECRET_A, item));
    expect(res.status).toBe(200);
    expect(await inTeam(teamA, item.id)).toBe(true);
    expect(verify).toHaveBeenCalledTimes(1);

    verify.mockClear();
    const other = makeItem();
    // Signed with team B's (valid) secret: refused on team A's path, after one HMAC, not four.
    const refused = await app.request(`/v1/webhook/${teamA}`, signed(SECRET_B, other));
    expect(refused.status).toBe(401);
    expect(verify).toHaveBeenCalledTimes(1);
    // Nor does the team-less legacy secret of the bare path verify on a team's path.
    expect((await app.request(`/v1/webhook/${teamA}`, signed(TEST_SECRET, other))).status).toBe(401);
    expect((await store.listItems({ limit: 500 })).some((h) => h.item.id === other.id)).toBe(false);
  });

  it("accepts both of a team's secrets during a rotation", async () => {
    const fresh = 'whsec_CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC=';
    const team = await store.createTeam('Rotating', 'whsec_DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD=');
    await store.rotateSecret(team.id, fresh, 3_600_000);
    for (const secret of [fresh, 'whsec_DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD=']) {
      expect((await app.request(`/v1/webhook/${team.id}`, signed(secret))).status).toBe(200);
    }
  });

  it('answers 401 for an unknown or malformed team without verifying any secret', async () => {
    const verify = vi.spyOn(Webhook.prototype, 'verify');
    for (const path of [`/v1/webhook/${uuidv7()}`, '/v1/webhook/not-a-team']) {
      const res = await app.request(path, signed(SECRET_A));
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error: 'unknown team' });
    }
    expect(verify).not.toHaveBeenCalled();
  });

  it("keeps /v1/webhook: any team's secret or the legacy one verifies, trying each", async () => {
    const verify = vi.spyOn(Webhook.prototype, 'verify');
    const item = makeItem();
    expect((await app.request('/v1/webhook', signed(SECRET_A, item))).status).toBe(200);
    expect(await inTeam(teamA, item.id)).toBe(true);
    expect((await app.request('/v1/webhook', signed(TEST_SECRET))).status).toBe(200);
    expect(verify.mock.calls.length).toBeGreaterThan(2);
  });
});

describe('webhook failure limit per peer', () => {
  it('throttles repeated bad signatures from one peer long before good deliveries', async () => {
    const server = serve({ fetch: createHubApp({ store }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((ok) => server.once('listening', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/webhook`;
    const post = async (secret: string) => {
      const { body, headers } = signed(secret);
      return fetch(url, { method: 'POST', body, headers });
    };
    try {
      const burst = WEBHOOK_FAILURE_RATE_LIMIT.burst;
      // More good deliveries than the failure burst: none is throttled.
      const good = [];
      for (let i = 0; i < burst + 5; i++) good.push((await post(SECRET_A)).status);
      expect(good.every((s) => s === 200)).toBe(true);
      const bad = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < burst + 2; i++) {
        const res = await post(UNKNOWN_SECRET);
        bad.push(res.status);
        if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
      }
      expect(bad).toEqual([...Array(burst).fill(401), 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});

import { Webhook } from 'standardwebhooks';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it, vi } from 'vitest';
import type { Endpoint, Hub } from '../../lib/config/settings';
import { flush } from '../../lib/delivery';
import { createEndpointHandlers } from '../../lib/delivery/endpoint-handlers';
import { hubAuthorization } from '../../lib/delivery/hub-token';
import { dispatch, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { saveRevision } from '../../lib/store/queue';
import { makeItem, TEST_SECRET } from '../helpers/items';

// The hub agent token proves which agent sent a batch (docs/hub-api.md). It goes with deliveries to
// the configured hub only: never to a chat service, another receiver or a look-alike host.
const AGENT_TOKEN = 'agentTokenOfAda_0123456789abcdefghijklmnopq';
const HUB: Hub = { url: 'https://hub.example.com', agentToken: AGENT_TOKEN };

const endpoint = (id: string, url: string, format?: Endpoint['format']): Endpoint => ({
  id,
  name: id,
  url,
  secret: TEST_SECRET,
  ...(format ? { format } : {}),
});

const ENDPOINTS: Endpoint[] = [
  endpoint('hub-team', 'https://hub.example.com/v1/webhook/0190c2a4-5b1e-7c3d-9f00-1a2b3c4d5e6f'),
  endpoint('hub-bare', 'https://hub.example.com/v1/webhook'),
  endpoint('other', 'https://receiver.example.org/hooks/earmark'),
  endpoint('slack', 'https://hooks.slack.com/services/T000/B000/XXXX', 'slack'),
  endpoint('teams', 'https://acme.webhook.office.com/workflows/1', 'teams'),
  endpoint('lookalike', 'https://hub.example.com.evil.example/v1/webhook'),
  endpoint('other-port', 'https://hub.example.com:8443/v1/webhook'),
  endpoint('subdomain', 'https://eu.hub.example.com/v1/webhook'),
];

/** A receiver that records each request's URL and headers and answers 200. */
function recorder() {
  const requests: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
  const fetchImpl = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const headers = init?.headers as Record<string, string>;
    requests.push({ url: String(url), headers, body: String(init?.body) });
    return Response.json({ ok: true });
  }) as unknown as typeof fetch;
  return { requests, fetchImpl };
}

/** Flushes one item routed to every endpoint; returns the authorization header each endpoint got. */
async function deliver(hub: Hub | null) {
  const db = await openEarmarkDB(`delivery-hub-token-${Math.random()}`);
  await saveRevision(
    db,
    makeItem(),
    ENDPOINTS.map((e) => e.id),
    Date.now(),
  );
  const { requests, fetchImpl } = recorder();
  const result = await flush({
    db,
    endpoints: ENDPOINTS,
    hub,
    fetch: fetchImpl,
    now: Date.now,
    newBatchId: uuidv7,
  });
  expect(result.delivered).toBe(ENDPOINTS.length);
  const byEndpoint = new Map(requests.map((r) => [ENDPOINTS.find((e) => e.url === r.url)?.id, r]));
  return { byEndpoint, requests };
}

describe('the hub agent token on deliveries', () => {
  it('goes as a bearer authorization header to endpoints on the hub, and to no other', async () => {
    const { byEndpoint } = await deliver(HUB);
    const authorizations = Object.fromEntries(
      ENDPOINTS.map((e) => [e.id, byEndpoint.get(e.id)?.headers.authorization ?? null]),
    );
    expect(authorizations).toEqual({
      'hub-team': `Bearer ${AGENT_TOKEN}`,
      'hub-bare': `Bearer ${AGENT_TOKEN}`,
      other: null,
      slack: null,
      teams: null,
      lookalike: null,
      'other-port': null,
      subdomain: null,
    });
    // The token rides alongside the signature; the signed batch is unchanged.
    const hub = byEndpoint.get('hub-team');
    expect(() => new Webhook(TEST_SECRET).verify(String(hub?.body), hub?.headers ?? {})).not.toThrow();
  });

  it('is not sent at all without an agent token or a hub, nor is the lead token ever sent', async () => {
    for (const hub of [null, { url: HUB.url }, { url: HUB.url, leadToken: AGENT_TOKEN }]) {
      const { requests } = await deliver(hub);
      expect(requests.map((r) => r.headers.authorization ?? null)).toEqual(ENDPOINTS.map(() => null));
    }
  });

  it('stays within the path of a hub behind a path prefix', () => {
    const prefixed: Hub = { url: 'https://tools.example.com/earmark', agentToken: AGENT_TOKEN };
    const header = (url: string) => hubAuthorization(url, prefixed).authorization ?? null;
    expect(header('https://tools.example.com/earmark/v1/webhook')).toBe(`Bearer ${AGENT_TOKEN}`);
    expect(header('https://tools.example.com/other/hook')).toBeNull();
    expect(header('https://tools.example.com/earmark-evil/v1/webhook')).toBeNull();
    expect(header('http://tools.example.com/earmark/v1/webhook')).toBeNull();
    expect(header('not a url')).toBeNull();
  });
});

describe('"Send test" to the hub', () => {
  it('carries the agent token to an endpoint on the hub only, as deliveries do', async () => {
    const { requests, fetchImpl } = recorder();
    const handlers = createEndpointHandlers({
      db: () => openEarmarkDB(`delivery-hub-token-${Math.random()}`),
      now: Date.now,
      fetch: fetchImpl,
      loadConfig: async () => ({ hub: HUB }),
    });
    for (const target of [ENDPOINTS[0], ENDPOINTS[2]]) {
      const reply = await dispatch(
        handlers,
        { type: 'endpoint-test', endpoint: target },
        {},
        'extension-page',
      );
      expect(unwrapReply('endpoint-test', reply).ok).toBe(true);
    }
    expect(requests.map((r) => [r.url, r.headers.authorization ?? null])).toEqual([
      [ENDPOINTS[0]?.url, `Bearer ${AGENT_TOKEN}`],
      [ENDPOINTS[2]?.url, null],
    ]);
  });
});

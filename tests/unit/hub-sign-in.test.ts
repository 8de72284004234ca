import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchBody } from '../../lib/delivery/batching';
import { signBatch } from '../../lib/delivery/signing';
import type { Item } from '../../lib/schema';
import { signInAtIdp, startTestIdp, type TestIdp } from '../../scripts/harness/dev-idp';
import { createHubApp } from '../../server/app';
import { oidcSettingsFromEnv } from '../../server/auth/oidc';
import { SIGN_IN_RATE_LIMIT } from '../../server/auth/rate-limit';
import { hashToken } from '../../server/auth/tokens';
import { runCommand } from '../../server/cli';
import type { SessionInfo } from '../../server/sign-in-types';
import type { HubStore } from '../../server/store';
import { hubStores } from '../helpers/hub-stores';
import { makeItem } from '../helpers/items';

// Sign-in with the organisation's identity provider (oidc-provider on loopback), driven as the
// extension's launchWebAuthFlow would: start, the IdP's login and consent forms, the hub's callback,
// the one-time code exchanged with the extension's PKCE verifier, then the tokens at work.
const { stores, dropSchema } = hubStores('hub-sign-in', 't_sign_in');

const HUB = 'http://127.0.0.1:8787';
const RETURN_TO = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/hub';
const PEOPLE = {
  ana: { email: 'ana@corp.example', name: 'Ana Agent', groups: ['cc-tier1'] },
  lee: { email: 'lee@corp.example', name: 'Lee Lead', groups: ['cc-tier1', 'cc-tier1-leads'] },
  nob: { email: 'nob@corp.example', name: 'No Body', groups: ['finance'] },
};

describe.each(stores)('sign-in on $name', ({ open }) => {
  let store: HubStore;
  let idp: TestIdp;
  let app: ReturnType<typeof createHubApp>;
  let teamId: string;
  let secret: string;

  /** The extension's side: a verifier, its challenge, the start, and what comes back to its redirect URL. */
  async function signIn(login: string, verifier = randomBytes(32).toString('base64url')) {
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const start = await app.request(
      `/v1/auth/start?${new URLSearchParams({ return_to: RETURN_TO, code_challenge: challenge, state: 'ext-state-1' })}`,
    );
    expect(start.status).toBe(302);
    const callback = await signInAtIdp(start.headers.get('location') as string, login);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${HUB}/v1/auth/callback`);
    const back = await app.request(`${callback.pathname}${callback.search}`);
    expect(back.status).toBe(302);
    const returned = new URL(back.headers.get('location') as string);
    expect(`${returned.origin}${returned.pathname}`).toBe(RETURN_TO);
    expect(returned.searchParams.get('state')).toBe('ext-state-1');
    return { returned, verifier };
  }

  const exchange = (code: string, verifier: string) =>
    app.request('/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, code_verifier: verifier }),
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const refresh = (token: string) =>
    app.request('/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: token }),
    });
  /** The agent's own tally over all time, asked with `token` (an agent route). */
  const summaryAs = (token: string) =>
    app.request('/v1/agent/summary?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z', {
      headers: bearer(token),
    });

  beforeAll(async () => {
    store = await open();
    idp = await startTestIdp(`${HUB}/v1/auth/callback`, PEOPLE);
    const oidc = oidcSettingsFromEnv({
      EARMARK_OIDC_ISSUER: idp.issuer,
      EARMARK_OIDC_CLIENT_ID: idp.clientId,
      EARMARK_OIDC_CLIENT_SECRET: idp.clientSecret,
      EARMARK_PUBLIC_URL: HUB,
    });
    app = createHubApp({ store, oidc, rateLimit: { perSecond: 1000, burst: 1000 } });
    const created = (await runCommand(store, ['team', 'create', 'Tier 1'])) as {
      team: { id: string };
      secret: string;
    };
    teamId = created.team.id;
    secret = created.secret;
    await runCommand(store, [
      'team',
      'map',
      'Tier 1',
      '--group',
      'cc-tier1',
      '--lead-group',
      'cc-tier1-leads',
    ]);
  }, 30_000);
  afterAll(async () => {
    await idp?.close();
    await store?.close();
    await dropSchema();
  });

  it('signs an agent in: the code, exchanged with the PKCE verifier, gives tokens for their own items', async () => {
    const { returned, verifier } = await signIn('ana');
    const code = returned.searchParams.get('code') as string;
    expect(code).toBeTruthy();
    expect((await exchange(code, 'x'.repeat(43))).status).toBe(400); // another verifier: refused…
    expect((await exchange(code, verifier)).status).toBe(400); // …and the code is spent

    const again = await signIn('ana');
    const response = await exchange(again.returned.searchParams.get('code') as string, again.verifier);
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
      person: unknown;
    };
    expect(tokens.expires_in).toBe(900);
    expect(tokens.person).toEqual({
      agentId: 'ana@corp.example',
      name: 'Ana Agent',
      email: 'ana@corp.example',
      teamId,
      team: 'Tier 1',
      role: 'agent',
    });

    const agent = makeItem().agent;
    await store.upsertItems(
      [
        makeItem({ agent: { ...agent, id: 'ana@corp.example' } }),
        makeItem({ agent: { ...agent, id: 'someone.else' } }),
      ],
      teamId,
    );
    const summary = await summaryAs(tokens.access_token);
    expect(summary.status).toBe(200);
    expect(((await summary.json()) as { captures: number }).captures).toBe(1); // only hers
  });

  it('signs a lead in with the lead group, refreshes silently, and sign-out ends the session at once', async () => {
    const { returned, verifier } = await signIn('lee');
    const first = (await (await exchange(returned.searchParams.get('code') as string, verifier)).json()) as {
      access_token: string;
      refresh_token: string;
      session_id: string;
      person: { role: string };
    };
    expect(first.person.role).toBe('lead');
    expect((await app.request('/v1/items', { headers: bearer(first.access_token) })).status).toBe(200);

    const refreshed = await refresh(first.refresh_token);
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect((await app.request('/v1/items', { headers: bearer(first.access_token) })).status).toBe(401); // replaced
    expect((await app.request('/v1/items', { headers: bearer(second.access_token) })).status).toBe(200);

    const out = await app.request('/v1/auth/sign-out', {
      method: 'POST',
      headers: bearer(second.access_token),
    });
    expect(out.status).toBe(200);
    expect((await app.request('/v1/items', { headers: bearer(second.access_token) })).status).toBe(401);
    expect((await refresh(second.refresh_token)).status).toBe(401);
    const listed = (await runCommand(store, ['session', 'list', '--team', 'Tier 1'])) as {
      sessions: SessionInfo[];
    };
    expect(listed.sessions.find((s) => s.id === first.session_id)?.revokedAt).not.toBeNull();
  });

  it('keeps one access-token row per session, and forgets sessions that ended a month ago', async () => {
    const tokensNow = async () => (await store.listTokens(teamId)).length;
    const before = await tokensNow();
    const { returned, verifier } = await signIn('ana');
    let current = (await (await exchange(returned.searchParams.get('code') as string, verifier)).json()) as {
      refresh_token: string;
    };
    for (let n = 0; n < 3; n++)
      current = (await (await refresh(current.refresh_token)).json()) as typeof current;
    expect(await tokensNow()).toBe(before + 1); // not one row per refresh

    const person = {
      subject: 's-old',
      email: null,
      name: null,
      agentId: 'old-agent',
      teamId,
      role: 'agent' as const,
    };
    const issued = (end: Date) => ({
      accessHash: hashToken(randomBytes(32).toString('base64url')),
      accessExpiresAt: end,
      refreshHash: hashToken(randomBytes(32).toString('base64url')),
      sessionExpiresAt: end,
    });
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600_000);
    const old = await store.createSession(person, issued(monthAgo));
    const sessionIds = async () => (await store.listSessions(teamId)).map((x) => x.id);
    expect(await sessionIds()).toContain(old.sessionId);
    await store.createSession(person, issued(new Date(Date.now() + 3600_000)));
    expect(await sessionIds()).not.toContain(old.sessionId);
  });

  it('ends the session when a replaced refresh token comes back (stolen or replayed)', async () => {
    const { returned, verifier } = await signIn('ana');
    const first = (await (await exchange(returned.searchParams.get('code') as string, verifier)).json()) as {
      refresh_token: string;
    };
    const second = (await (await refresh(first.refresh_token)).json()) as {
      access_token: string;
      refresh_token: string;
    };
    expect((await refresh(first.refresh_token)).status).toBe(401); // the old one again
    expect((await summaryAs(second.access_token)).status).toBe(401);
    expect((await refresh(second.refresh_token)).status).toBe(401);
  });

  it('refuses a person in no mapped team with a clear message, sent back to the extension', async () => {
    const { returned } = await signIn('nob');
    expect(returned.searchParams.get('code')).toBeNull();
    expect(returned.searchParams.get('error')).toBe('no_team');
    expect(returned.searchParams.get('error_description')).toContain(
      'nob@corp.example signed in, but none of your groups belongs to an Earmark team',
    );
  });

  it("with requireSignedInAgents, takes deliveries only with a signed-in agent's token and for that agent", async () => {
    const post = (items: Item[], token: string) => {
      const id = `b-${Math.random()}`;
      const body = batchBody(id, items, Date.now());
      const headers: Record<string, string> = signBatch(secret, id, body, Date.now());
      headers.authorization = `Bearer ${token}`;
      return app.request(`/v1/webhook/${teamId}`, { method: 'POST', body, headers });
    };
    const { returned, verifier } = await signIn('ana');
    const tokens = (await (await exchange(returned.searchParams.get('code') as string, verifier)).json()) as {
      access_token: string;
      session_id: string;
    };
    const cliToken = (await runCommand(store, [
      'token',
      'create',
      '--team',
      'Tier 1',
      '--role',
      'agent',
      '--agent',
      'ana@corp.example',
    ])) as { token: string };
    expect(await runCommand(store, ['team', 'require-signed-in-agents', 'Tier 1', 'on'])).toMatchObject({
      requireSignedInAgents: true,
    });
    const agent = { ...makeItem().agent, id: 'ana@corp.example' };
    const hers = makeItem({ agent });
    const ok = await post([hers], tokens.access_token);
    expect(ok.status).toBe(200);
    expect((await store.listItems({ limit: 500 })).find((h) => h.item.id === hers.id)?.agentVerified).toBe(
      true,
    );

    const other = makeItem({ agent: { ...agent, id: 'someone.else' } });
    const claimed = await post([makeItem({ agent }), other], tokens.access_token);
    expect(claimed.status).toBe(400);
    expect(((await claimed.json()) as { error: string }).error).toContain('someone.else');
    expect((await store.listItems({ limit: 500 })).some((h) => h.item.id === other.id)).toBe(false);

    const handedOut = await post([makeItem({ agent })], cliToken.token);
    expect(handedOut.status).toBe(401);
    expect(((await handedOut.json()) as { error: string }).error).toContain('signed-in agent required');

    await runCommand(store, ['session', 'revoke', tokens.session_id]);
    expect((await post([makeItem({ agent })], tokens.access_token)).status).toBe(401); // at once
    await runCommand(store, ['team', 'require-signed-in-agents', 'Tier 1', 'off']);
  });

  it('limits sign-in requests per peer address', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/auth/start?return_to=x`;
      const statuses: number[] = [];
      for (let i = 0; i < SIGN_IN_RATE_LIMIT.burst + 60; i++) statuses.push((await fetch(url)).status);
      expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]); // a bad request, answered
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('sends codes only to an extension redirect URL, and a revoked session answers 401 at once', async () => {
    const bad = await app.request(
      `/v1/auth/start?${new URLSearchParams({ return_to: 'https://evil.example/steal', code_challenge: 'a'.repeat(43), state: 'ext-state-1' })}`,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('redirect URL of an extension');

    const { returned, verifier } = await signIn('ana');
    const tokens = (await (await exchange(returned.searchParams.get('code') as string, verifier)).json()) as {
      access_token: string;
      session_id: string;
    };
    expect(await runCommand(store, ['session', 'revoke', tokens.session_id])).toEqual({
      revoked: tokens.session_id,
    });
    expect((await summaryAs(tokens.access_token)).status).toBe(401);
  });
});

describe('a hub without sign-in', () => {
  it('answers 404 on /v1/auth/*, and a half-set configuration names what is missing', async () => {
    const [first] = stores;
    const store = await (first as (typeof stores)[number]).open();
    const app = createHubApp({ store });
    expect((await app.request('/v1/auth/start')).status).toBe(404);
    await store.close();
    expect(() => oidcSettingsFromEnv({ EARMARK_OIDC_ISSUER: 'https://idp.example' })).toThrow(
      /EARMARK_OIDC_CLIENT_ID, EARMARK_OIDC_CLIENT_SECRET, EARMARK_PUBLIC_URL/,
    );
    expect(oidcSettingsFromEnv({})).toBeNull();
  });
});

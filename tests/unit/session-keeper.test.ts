import { describe, expect, it, vi } from 'vitest';
import { pageTokenSource, withSignInToken } from '../../lib/auth/page-token';
import { challengeOf } from '../../lib/auth/pkce';
import type { StoredSession, TokenResponse } from '../../lib/auth/session';
import { REFRESH_MARGIN_MS } from '../../lib/auth/session';
import { createSessionKeeper } from '../../lib/auth/session-keeper';
import { codeFromRedirect, SignInError } from '../../lib/auth/sign-in-flow';

// The worker's sign-in session against a fake hub (its /v1/auth routes as docs/hub-api.md has
// them), on a fake clock: refresh happens when due, once for concurrent callers, and a session the
// hub ended ends here too.

const HUB = 'https://hub.example';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/sign-in';
const PERSON = {
  agentId: 'ana@corp.example',
  name: 'Ana Agent',
  email: 'ana@corp.example',
  teamId: '0190a000-0000-7000-8000-000000000001',
  team: 'Tier 1',
  role: 'agent' as const,
};
const token = (n: number) => `token-${String(n).padStart(12, '0')}`;

/** A fake hub: hands out numbered tokens, rotates refresh tokens, ends a session on replay. */
function fakeHub(expiresIn = 900) {
  let issued = 0;
  let liveRefresh: string | null = null;
  const calls: Array<{ path: string; body: Record<string, string>; auth: string | null }> = [];
  let challenge = '';
  const answer = (): TokenResponse => {
    issued += 2;
    liveRefresh = token(issued);
    return {
      token_type: 'Bearer',
      access_token: token(issued - 1),
      refresh_token: liveRefresh,
      expires_in: expiresIn,
      session_id: 's-1',
      person: PERSON,
    };
  };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, string>;
    const auth = new Headers(init?.headers).get('authorization');
    calls.push({ path, body, auth });
    if (path === '/v1/auth/token') {
      const ok = body.code === 'one-time-code' && (await challengeOf(body.code_verifier ?? '')) === challenge;
      return ok ? json(200, answer()) : json(400, { error: 'invalid_grant' });
    }
    if (path === '/v1/auth/refresh') {
      if (body.refresh_token !== liveRefresh) return json(401, { error: 'invalid_grant' });
      return json(200, answer());
    }
    if (path === '/v1/auth/sign-out') return json(200, { signedOut: true });
    return json(404, { error: 'not found' });
  }) as unknown as typeof globalThis.fetch;
  return {
    fetch,
    calls,
    /** The auth window: the hub's start URL, then the IdP, then back with a code. */
    launch: async (url: string) => {
      const start = new URL(url);
      challenge = start.searchParams.get('code_challenge') ?? '';
      const back = new URL(start.searchParams.get('return_to') ?? '');
      back.searchParams.set('code', 'one-time-code');
      back.searchParams.set('state', start.searchParams.get('state') ?? '');
      return back.href;
    },
    endSession: () => {
      liveRefresh = null;
    },
  };
}

function keeperWith(hub: ReturnType<typeof fakeHub>, clock: { now: number }) {
  let stored: StoredSession | null = null;
  const changed = vi.fn();
  const keeper = createSessionKeeper({
    read: async () => stored,
    write: async (session) => {
      stored = session;
    },
    onChanged: changed,
    launch: hub.launch,
    redirectUrl: () => REDIRECT,
    fetch: hub.fetch,
    now: () => clock.now,
  });
  return { keeper, changed, stored: () => stored };
}

describe('the sign-in session', () => {
  it('signs in with PKCE and keeps who signed in and the tokens', async () => {
    const hub = fakeHub();
    const { keeper, changed, stored } = keeperWith(hub, { now: 1_000 });
    const session = await keeper.signIn(HUB);
    expect(session).toMatchObject({ hubUrl: HUB, accessToken: token(1), accessExpiresAt: 901_000 });
    expect(session.person).toEqual(PERSON);
    expect(stored()).toEqual(session);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(hub.calls.map((c) => c.path)).toEqual(['/v1/auth/token']);
  });

  it('refreshes an access token that is about to expire, silently and once for concurrent callers', async () => {
    const hub = fakeHub();
    const clock = { now: 0 };
    const { keeper, changed } = keeperWith(hub, clock);
    await keeper.signIn(HUB);
    clock.now = 900_000 - REFRESH_MARGIN_MS - 1; // still valid long enough
    expect((await keeper.fresh(HUB))?.accessToken).toBe(token(1));
    clock.now = 900_000 - REFRESH_MARGIN_MS + 1;
    const [a, b, c] = await Promise.all([keeper.fresh(HUB), keeper.fresh(HUB), keeper.fresh(HUB)]);
    expect([a?.accessToken, b?.accessToken, c?.accessToken]).toEqual([token(3), token(3), token(3)]);
    expect(hub.calls.filter((call) => call.path === '/v1/auth/refresh')).toHaveLength(1);
    expect(a?.accessExpiresAt).toBe(clock.now + 900_000);
    expect(changed).toHaveBeenCalledTimes(1); // the sign-in only: a refresh changes nobody
    expect(await keeper.fresh('https://other-hub.example')).toBeNull();
  });

  it('refreshes a short-lived token a quarter of its life early, and an expired one before it is used', async () => {
    const hub = fakeHub(40);
    const clock = { now: 0 };
    const { keeper } = keeperWith(hub, clock);
    await keeper.signIn(HUB);
    clock.now = 29_999;
    expect((await keeper.fresh(HUB))?.accessToken).toBe(token(1));
    clock.now = 30_000;
    expect((await keeper.fresh(HUB))?.accessToken).toBe(token(3));
    clock.now = 500_000; // long expired: the agent was away
    const fresh = await keeper.fresh(HUB);
    expect(fresh).toMatchObject({ accessToken: token(5), accessExpiresAt: 540_000 });
  });

  it('signs out here when the hub ended the session, and keeps it when the hub is out of reach', async () => {
    const hub = fakeHub();
    const clock = { now: 0 };
    const { keeper, changed, stored } = keeperWith(hub, clock);
    await keeper.signIn(HUB);
    clock.now = 899_000;
    const offline = vi.mocked(hub.fetch).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect((await keeper.fresh(HUB))?.accessToken).toBe(token(1));
    expect(offline).toHaveBeenCalled();
    hub.endSession(); // revoked by an admin
    expect(await keeper.fresh(HUB)).toBeNull();
    expect(stored()).toBeNull();
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('signs out: the hub is told with the access token, and nothing stays here', async () => {
    const hub = fakeHub();
    const { keeper, stored } = keeperWith(hub, { now: 0 });
    await keeper.signIn(HUB);
    await keeper.signOut();
    expect(hub.calls.at(-1)).toMatchObject({ path: '/v1/auth/sign-out', auth: `Bearer ${token(1)}` });
    expect(stored()).toBeNull();
    expect(await keeper.current()).toBeNull();
  });
});

describe('the answer in the auth window', () => {
  const back = (query: Record<string, string>) => `${REDIRECT}?${new URLSearchParams(query)}`;

  it('takes the code only for this sign-in', () => {
    expect(codeFromRedirect(back({ code: 'c0de', state: 'st4te' }), REDIRECT, 'st4te')).toBe('c0de');
    expect(() => codeFromRedirect(back({ code: 'c0de', state: 'other' }), REDIRECT, 'st4te')).toThrow(
      /not for this sign-in/,
    );
    expect(() => codeFromRedirect(`https://evil.example/?code=c&state=st4te`, REDIRECT, 'st4te')).toThrow(
      SignInError,
    );
  });

  it("gives the hub's refusal in its own words", () => {
    const refused = () =>
      codeFromRedirect(
        back({
          error: 'no_team',
          error_description: 'You are in no team on this hub: ask your admin.',
          state: 'st4te',
        }),
        REDIRECT,
        'st4te',
      );
    expect(refused).toThrow('You are in no team on this hub: ask your admin.');
    expect(refused).toThrow(expect.objectContaining({ reason: 'refused' }));
  });
});

describe("an extension page's token", () => {
  it('asks the worker once per token, and again when it is about to expire', async () => {
    const clock = { now: 0 };
    let n = 0;
    const ask = vi.fn(async () => ({ token: token(++n), expiresAt: clock.now + 900_000 }));
    const source = pageTokenSource(ask, () => clock.now);
    expect(await Promise.all([source(), source()])).toEqual([token(1), token(1)]);
    clock.now = 860_000;
    expect(await source()).toBe(token(1));
    clock.now = 880_000;
    expect(await source()).toBe(token(2));
    expect(ask).toHaveBeenCalledTimes(2);
  });
});

describe('Test connection while signed in', () => {
  it("tests the sign-in's token where no token is typed for that role, and only for its hub", () => {
    const access = { url: HUB, token: token(1), role: 'lead' as const, expiresAt: 0 };
    expect(withSignInToken({ url: HUB }, access)).toEqual({ url: HUB, leadToken: token(1) });
    expect(withSignInToken({ url: HUB, leadToken: token(9) }, access)).toEqual({
      url: HUB,
      leadToken: token(9),
    });
    expect(withSignInToken({ url: 'https://other.example' }, access)).toEqual({
      url: 'https://other.example',
    });
    expect(withSignInToken({ url: HUB }, null)).toEqual({ url: HUB });
  });
});

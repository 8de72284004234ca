import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { describeZodError } from '../../lib/schema';
import type { HubEnv } from '../auth/access';
import { senderOf } from '../auth/client-address';
import type { OidcClient } from '../auth/oidc';
import { createRateLimiter, SIGN_IN_RATE_LIMIT } from '../auth/rate-limit';
import { isExtensionRedirect, personFor, pkceMatches, SIGN_IN_TIMES } from '../auth/sign-in-flow';
import { generateToken, hashToken } from '../auth/tokens';
import type { SignedInPerson } from '../sign-in-types';
import type { HubStore, Role } from '../store';

// Sign-in with the organisation's identity provider, for the extension's launchWebAuthFlow
// (docs/hub-api.md, Sign-in): /v1/auth/start sends the person to the IdP; its answer comes back to
// /v1/auth/callback, which sends the extension a one-time code; the extension exchanges the code,
// with the verifier of the PKCE challenge it sent at the start, for an access token (15 minutes)
// and a refresh token; /v1/auth/refresh replaces both, /v1/auth/sign-out ends the session.

type Need = (roles: Role[], opts?: { bootstrap?: boolean }) => MiddlewareHandler<HubEnv>;

const Base64url = z.string().regex(/^[A-Za-z0-9_-]+$/);
/** `GET /v1/auth/start`'s query; `extensionIds`: the extensions allowed to sign in (null: any). */
const startQuery = (extensionIds: ReadonlySet<string> | null) =>
  z.strictObject({
    return_to: z
      .string()
      .max(2000)
      .refine((url) => isExtensionRedirect(url, extensionIds), {
        message: 'must be the redirect URL of an extension this hub lets sign people in',
      }),
    code_challenge: Base64url.length(43),
    state: Base64url.min(8).max(200),
  });
const TokenBody = z.strictObject({ code: Base64url.max(100), code_verifier: Base64url.min(43).max(128) });
const RefreshBody = z.strictObject({ refresh_token: Base64url.max(100) });

/** Sends the extension back to its redirect URL with these parameters. */
function backToExtension(c: Context, returnTo: string, params: Record<string, string>) {
  const url = new URL(returnTo);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return c.redirect(url.href, 302);
}

/** Mints an access and a refresh token (only their hashes are stored). */
function issue(now: Date, accessMs: number) {
  const access = generateToken();
  const refresh = generateToken();
  return {
    access,
    refresh,
    expiresIn: accessMs / 1000,
    stored: {
      accessHash: hashToken(access),
      accessExpiresAt: new Date(now.getTime() + accessMs),
      refreshHash: hashToken(refresh),
      sessionExpiresAt: new Date(now.getTime() + SIGN_IN_TIMES.sessionMs),
    },
  };
}

/** The token response: the tokens, and who they are for (the extension shows it and captures as them). */
function tokenResponse(
  tokens: ReturnType<typeof issue>,
  sessionId: string,
  person: SignedInPerson,
  team: string | null,
) {
  return {
    token_type: 'Bearer',
    access_token: tokens.access,
    refresh_token: tokens.refresh,
    expires_in: tokens.expiresIn,
    session_id: sessionId,
    person: {
      agentId: person.agentId,
      name: person.name,
      email: person.email,
      teamId: person.teamId,
      team: team ?? '',
      role: person.role,
    },
  };
}

/** The sign-in routes; `oidc` null answers 404 (the hub has no identity provider configured). */
export function signInRoutes(
  app: Hono<HubEnv>,
  need: Need,
  store: HubStore,
  oidc: (() => Promise<OidcClient>) | null,
  now: () => Date,
  limits: { accessMs: number; extensionIds: ReadonlySet<string> | null } = {
    accessMs: SIGN_IN_TIMES.accessMs,
    extensionIds: null,
  },
): void {
  const { accessMs } = limits;
  const StartQuery = startQuery(limits.extensionIds);
  app.use(
    '/v1/auth/*',
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.json({ error: 'body too large' }, 413) }),
  );
  const limiter = createRateLimiter(SIGN_IN_RATE_LIMIT);
  app.use('/v1/auth/*', async (c, next) => {
    if (!oidc) return c.json({ error: 'sign-in is not configured on this hub' }, 404);
    // Per peer address; in-process calls (no socket) cannot come from the network.
    const address = senderOf(c);
    const wait = address === null ? 0 : limiter.take(address);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json({ error: 'rate limit exceeded' }, 429);
    }
    await next();
  });

  app.get('/v1/auth/start', async (c) => {
    const query = StartQuery.safeParse(c.req.query());
    if (!query.success)
      return c.json({ error: `invalid sign-in request: ${describeZodError(query.error)}` }, 400);
    const { checks, url } = await (oidc as () => Promise<OidcClient>)().then((rp) => rp.begin());
    await store.savePendingSignIn({
      ...checks,
      returnTo: query.data.return_to,
      clientChallenge: query.data.code_challenge,
      clientState: query.data.state,
    });
    return c.redirect(url.href, 302);
  });

  app.get('/v1/auth/callback', async (c) => {
    const state = c.req.query('state');
    const pending = state ? await store.takePendingSignIn(state, SIGN_IN_TIMES.pendingMs) : null;
    if (!pending)
      return c.text('This sign-in has expired or was already used. Start again from Earmark.', 400);
    const back = (params: Record<string, string>) =>
      backToExtension(c, pending.returnTo, { ...params, state: pending.clientState });
    const idpError = c.req.query('error');
    if (idpError)
      return back({
        error: 'access_denied',
        error_description: `The identity provider refused: ${idpError}`,
      });
    const rp = await (oidc as () => Promise<OidcClient>)();
    const answer = new URL(c.req.url).searchParams;
    const identity = await rp.finish(answer, pending).catch((error: unknown) => {
      console.error('Earmark hub: sign-in answer refused:', error);
      return null;
    });
    if (!identity)
      return back({ error: 'access_denied', error_description: 'The sign-in could not be verified.' });
    const person = personFor(identity, await store.teamsForGroups(identity.groups));
    if ('error' in person) return back({ error: person.error, error_description: person.description });
    const code = generateToken();
    await store.saveSignInCode(hashToken(code), pending.clientChallenge, person);
    return back({ code });
  });

  app.post('/v1/auth/token', async (c) => {
    const body = TokenBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: `invalid request: ${describeZodError(body.error)}` }, 400);
    const redeemed = await store.redeemSignInCode(hashToken(body.data.code), SIGN_IN_TIMES.codeMs);
    if (!redeemed || !pkceMatches(body.data.code_verifier, redeemed.clientChallenge))
      return c.json({ error: 'invalid_grant' }, 400);
    const tokens = issue(now(), accessMs);
    const { sessionId } = await store.createSession(redeemed.person, tokens.stored);
    const team = await store.teamName(redeemed.person.teamId);
    return c.json(tokenResponse(tokens, sessionId, redeemed.person, team));
  });

  app.post('/v1/auth/refresh', async (c) => {
    const body = RefreshBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) return c.json({ error: `invalid request: ${describeZodError(body.error)}` }, 400);
    const tokens = issue(now(), accessMs);
    const refreshed = await store.refreshSession(hashToken(body.data.refresh_token), tokens.stored);
    if (!refreshed) return c.json({ error: 'invalid_grant' }, 401);
    const team = await store.teamName(refreshed.person.teamId);
    return c.json(tokenResponse(tokens, refreshed.sessionId, refreshed.person, team));
  });

  app.post('/v1/auth/sign-out', need(['agent', 'lead']), async (c) => {
    const { tokenId } = c.get('principal');
    const sessionId = tokenId ? await store.sessionOfToken(tokenId) : null;
    if (!sessionId) return c.json({ error: 'this token belongs to no sign-in session' }, 400);
    await store.revokeSession(sessionId);
    return c.json({ signedOut: true });
  });
}

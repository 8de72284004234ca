import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { generateSecret } from '../../../lib/config/secret';
import type { ExtensionBrowser } from '../../../scripts/harness/launch';
import { oidcSettingsFromEnv } from '../../../server/auth/oidc';
import { generateToken, hashToken } from '../../../server/auth/tokens';
import { type RunningHub, startHub } from '../../../server/serve';
import { openHub } from '../../../server/setup';
import { type IdpPerson, startTestIdp, type TestIdp } from '../../helpers/oidc-idp';

// A hub that signs people in with the organisation's identity provider: oidc-provider on
// loopback with test people, the hub its relying party, groups mapped to team "Tier 1".

/** The IdP groups mapped to "Tier 1": agents and leads. */
export const GROUPS = { agents: 'support-agents', leads: 'support-leads' } as const;

/** A running sign-in hub and its IdP. */
export interface SignInHub {
  hub: RunningHub;
  idp: TestIdp;
  teamId: string;
  teamSecret: string;
  /** GETs from the hub's API with a lead token made as the CLI would (the test's own view). */
  asLead(path: string): Promise<Response>;
  /** GETs from the hub's API with the given bearer token. */
  get(path: string, token: string): Promise<Response>;
  stop(): Promise<void>;
}

/** A free loopback port: the IdP must know the hub's callback before the hub starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts the IdP and a hub (PGlite) configured to sign in against it. */
export async function startSignInHub(
  people: Record<string, IdpPerson>,
  options: { accessSeconds?: number; requireSignedInAgents?: boolean } = {},
): Promise<SignInHub> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const idp = await startTestIdp(`${publicUrl}/v1/auth/callback`, people);
  const dataDir = mkdtempSync(join(tmpdir(), 'earmark-hub-'));
  const secret = generateSecret();
  const teamSecret = generateSecret();
  const { store } = await openHub({ dataDir, secret });
  const leadToken = generateToken();
  let teamId: string;
  try {
    teamId = (await store.createTeam('Tier 1', teamSecret)).id;
    await store.createToken({ hash: hashToken(leadToken), role: 'lead', teamId, agentId: null });
    await store.mapGroup(teamId, GROUPS.agents, 'agent');
    await store.mapGroup(teamId, GROUPS.leads, 'lead');
    if (options.requireSignedInAgents) await store.setRequireSignedInAgents(teamId, true);
  } finally {
    await store.close();
  }
  const oidc = oidcSettingsFromEnv({
    EARMARK_OIDC_ISSUER: idp.issuer,
    EARMARK_OIDC_CLIENT_ID: idp.clientId,
    EARMARK_OIDC_CLIENT_SECRET: idp.clientSecret,
    EARMARK_PUBLIC_URL: publicUrl,
    EARMARK_SIGN_IN_ACCESS_SECONDS: String(options.accessSeconds ?? 900),
  });
  const hub = await startHub({ dataDir, port, secret, oidc });
  const get = (path: string, token: string) =>
    fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    hub,
    idp,
    teamId,
    teamSecret,
    asLead: (path) => get(path, leadToken),
    get,
    async stop() {
      await hub.stop();
      await idp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs `login` in as a person does: clicks "Sign in to …", then, in the browser's sign-in window,
 * fills the IdP's login form and agrees to share the profile. Resolves once the window moved on.
 */
export async function signInThrough(
  browser: ExtensionBrowser,
  button: Locator,
  issuer: string,
  login: string,
): Promise<void> {
  // A new person at this computer: the IdP's own session (its cookie) is the previous person's.
  await browser.context.clearCookies();
  await button.click();
  const atIdp = (page: Page) => page.url().startsWith(issuer);
  const window =
    browser.context.pages().find(atIdp) ??
    (await browser.context.waitForEvent('page', { predicate: atIdp, timeout: 15_000 }).catch(async () => {
      const page = browser.context.pages().find(atIdp);
      if (!page)
        throw new Error(`no sign-in window at ${issuer}: ${browser.context.pages().map((p) => p.url())}`);
      return page;
    }));
  await window.waitForLoadState();
  await window.locator('input[name="login"]').fill(login);
  await window.locator('input[name="password"]').fill('any password');
  await window.locator('button[type="submit"]').click();
  // The IdP asks once whether to share the profile with the hub.
  const consent = window.locator('button[type="submit"]');
  await consent.waitFor({ timeout: 10_000 }).catch(() => {});
  if (!window.isClosed() && atIdp(window)) await consent.click().catch(() => {});
}

import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { configure, openExtensionPage } from './support/extension';
import { openWithSidebar } from './support/pages';
import { GROUPS, type SignInHub, signInThrough, startSignInHub } from './support/sign-in-hub';

// Fleet sign-in (#22) as people do it: the hub requires sign-in (policy `hub.signIn: "required"`),
// captures made before it wait ("Sign in to send"); the agent signs in from the popup through the
// browser's auth window at the organisation's IdP (oidc-provider), and the waiting captures reach
// the hub as theirs, verified; an expired access token is refreshed unnoticed; a lead signs in
// and reviews with no pasted token; sign-out ends each session; a person in no team is refused.

const ACCESS_SECONDS = 30;
let crm: CrmServer;
let browser: ExtensionBrowser;
let hub: SignInHub;
let hubHost: string;

type Listed = {
  items: Array<{
    item: { note: string | null; agent: { id: string; name: string; team: string } };
    agentVerified: boolean;
  }>;
};
const listed = async () => ((await (await hub.asLead('/v1/items?limit=50')).json()) as Listed).items;
const notes = async () => (await listed()).map((i) => i.item.note).sort();

/** The access token the worker holds now (read from its own IndexedDB, as only it can). */
function storedAccessToken(worker: Worker): Promise<string | null> {
  return worker.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('earmark-settings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('records').objectStore('records').get('session');
          get.onsuccess = () => {
            open.result.close();
            const value = (get.result as { value?: { accessToken?: string } } | undefined)?.value;
            resolve(value?.accessToken ?? null);
          };
        };
      }),
  );
}

beforeAll(async () => {
  hub = await startSignInHub(
    {
      ana: { email: 'ana@corp.example', name: 'Ana Agent', groups: [GROUPS.agents] },
      lee: { email: 'lee@corp.example', name: 'Lee Lead', groups: [GROUPS.leads] },
      pat: { email: 'pat@corp.example', name: 'Pat Nobody', groups: ['marketing'] },
    },
    { accessSeconds: ACCESS_SECONDS, requireSignedInAgents: true },
  );
  hubHost = new URL(hub.hub.url).host;
  crm = await startCrmServer();
  browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  const endpoint: Endpoint = {
    id: 'hub',
    name: 'Team hub',
    url: `${hub.hub.url}/v1/webhook/${hub.teamId}`,
    secret: hub.teamSecret,
  };
  await configure(browser.worker, [endpoint], 0.02);
  await seedSettings(browser.worker, {
    endpoints: [endpoint],
    hub: { url: hub.hub.url, signIn: 'required' },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await crm?.close();
  await hub?.stop();
});

describe('signing in with the company account', () => {
  it('keeps captures made before sign-in, and delivers them as the agent who signs in from the popup', async () => {
    const { sidebar } = await openWithSidebar(browser, 'https://acme.zendesk.com/agent/tickets/4821');
    const notice = sidebar.getByRole('region', { name: 'Sign-in required' });
    await expect.poll(() => notice.getByRole('button', { name: `Sign in to ${hubHost}` }).count()).toBe(1);
    expect(await notice.textContent()).toContain('Sign in to send');
    await sidebar.getByRole('textbox', { name: 'Note' }).fill('Wants SSO for contractors');
    await sidebar.getByRole('button', { name: 'Feature request', exact: true }).click();
    const entry = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => entry.getAttribute('title'), { timeout: 10_000 }).toContain('Sign in to send');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a flush would have sent it by now
    expect(await listed()).toEqual([]);

    const popup = await openExtensionPage(browser, 'popup.html');
    await signInThrough(
      browser,
      popup.getByRole('button', { name: `Sign in to ${hubHost}` }),
      hub.idp.issuer,
      'ana',
    );
    await expect
      .poll(() => popup.getByRole('region', { name: 'Sign-in' }).textContent(), { timeout: 15_000 })
      .toContain('Signed in as Ana Agent (Tier 1, agent)');
    await expect
      .poll(async () => (await listed()).map((i) => [i.item.note, i.item.agent, i.agentVerified]), {
        timeout: 15_000,
      })
      .toEqual([
        ['Wants SSO for contractors', { id: 'ana@corp.example', name: 'Ana Agent', team: 'Tier 1' }, true],
      ]);
    await expect.poll(() => notice.count()).toBe(0); // the sidebar no longer asks
    // The tokens stay in the extension's IndexedDB: nothing of them in storage content scripts read.
    const token = await storedAccessToken(browser.worker);
    const local = await browser.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<unknown> } } } })
        .chrome;
      return JSON.stringify(await api.storage.local.get());
    });
    expect(token).toBeTruthy();
    expect(local).not.toContain(token);
    await popup.close();

    const options = await openExtensionPage(browser, 'options.html');
    await expect
      .poll(() => options.getByRole('region', { name: 'Agent' }).textContent())
      .toContain('Set by sign-in: captures are made as Ana Agent');
    await options.close();
  });

  it('refreshes an expired access token without the agent noticing', async () => {
    const first = await storedAccessToken(browser.worker);
    expect(first).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, (ACCESS_SECONDS + 1) * 1000)); // it expires
    expect(
      (await hub.get('/v1/agent/summary?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z', first ?? ''))
        .status,
    ).toBe(401);
    const { sidebar } = await openWithSidebar(browser, 'https://acme.zendesk.com/agent/tickets/4822');
    await sidebar.getByRole('textbox', { name: 'Note' }).fill('Export to CSV times out');
    await sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    await expect
      .poll(notes, { timeout: 15_000 })
      .toEqual(['Export to CSV times out', 'Wants SSO for contractors']);
    expect((await listed()).every((i) => i.agentVerified)).toBe(true);
    const second = await storedAccessToken(browser.worker);
    expect(second).not.toBe(first);
  }, 90_000);

  it('signs the agent out (the hub ends the session at once) and a lead in, who reviews with no token typed', async () => {
    const agentToken = await storedAccessToken(browser.worker);
    const popup = await openExtensionPage(browser, 'popup.html');
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => popup.getByRole('button', { name: `Sign in to ${hubHost}` }).count()).toBe(1);
    expect(
      (await hub.get('/v1/agent/summary?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z', agentToken ?? ''))
        .status,
    ).toBe(401);
    await popup.close();

    const review = await openExtensionPage(browser, 'review.html');
    await signInThrough(
      browser,
      review.getByRole('button', { name: `Sign in to ${hubHost}` }),
      hub.idp.issuer,
      'lee',
    );
    const grid = review.getByRole('grid');
    await expect.poll(() => grid.textContent(), { timeout: 15_000 }).toContain('Export to CSV times out');
    expect(await grid.textContent()).toContain('Wants SSO for contractors');

    const leadToken = await storedAccessToken(browser.worker);
    const again = await openExtensionPage(browser, 'popup.html');
    await expect
      .poll(() => again.getByRole('region', { name: 'Sign-in' }).textContent())
      .toContain('Lee Lead (Tier 1, lead)');
    await again.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => again.getByRole('button', { name: `Sign in to ${hubHost}` }).count()).toBe(1);
    expect((await hub.get('/v1/items?limit=1', leadToken ?? '')).status).toBe(401);
    await again.close();
    await review.close();
  });

  it('refuses a person in no mapped team, in words they can act on', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    await signInThrough(
      browser,
      popup.getByRole('button', { name: `Sign in to ${hubHost}` }),
      hub.idp.issuer,
      'pat',
    );
    await expect
      .poll(() => popup.getByRole('region', { name: 'Sign-in' }).getByRole('alert').textContent(), {
        timeout: 15_000,
      })
      .toContain('pat@corp.example signed in, but none of your groups belongs to an Earmark team');
    expect(await storedAccessToken(browser.worker)).toBeNull();
    await popup.close();
  });
});

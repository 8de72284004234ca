import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { configure, openExtensionPage, TEST_AGENT } from './support/extension';
import { startTestHub, type TestHub } from './support/hub';
import { openWithSidebar } from './support/pages';

// Agent attribution against a real hub whose team requires agent tokens: without the token the
// hub refuses and the endpoint pauses with the hub's reason; once the agent saves the token in the
// options page and resumes, captures arrive marked as verified; a capture naming another agent
// than the token's is refused and parked, and the hub stores none of it.
let crm: CrmServer;
let browser: ExtensionBrowser;
let hub: TestHub;
let endpoint: Endpoint;

type Listed = {
  items: Array<{ item: { note: string | null; agent: { id: string } }; agentVerified: boolean }>;
};
const listed = async () => ((await (await hub.asLead('/v1/items?limit=50')).json()) as Listed).items;

beforeAll(async () => {
  hub = await startTestHub(TEST_AGENT.id, { requireAgentToken: true });
  crm = await startCrmServer();
  browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  endpoint = {
    id: 'hub',
    name: 'Team hub',
    url: `${hub.hub.url}/v1/webhook/${hub.teamId}`,
    secret: hub.teamSecret,
  };
  await configure(browser.worker, [endpoint], 0.02);
  // The hub is configured, but the agent has not entered their agent token yet.
  await seedSettings(browser.worker, { endpoints: [endpoint], agent: TEST_AGENT, hub: { url: hub.hub.url } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await crm?.close();
  await hub?.stop();
});

describe('a team that requires agent tokens', () => {
  it('pauses the endpoint without the token, and takes verified captures once it is saved', async () => {
    const { sidebar } = await openWithSidebar(browser, 'https://acme.zendesk.com/agent/tickets/4821');
    await sidebar.getByRole('textbox', { name: 'Note' }).fill('Wants SSO for contractors');
    await sidebar.getByRole('button', { name: 'Feature request', exact: true }).click();
    const popup = await openExtensionPage(browser, 'popup.html');
    const endpoints = popup.getByRole('list', { name: 'Sync endpoints' });
    await expect
      .poll(() => endpoints.textContent(), { timeout: 15_000 })
      .toMatch(/refused our signature or token.*agent token required/);
    expect(await listed()).toEqual([]);

    const options = await openExtensionPage(browser, 'options.html');
    const region = options.getByRole('region', { name: 'Hub', exact: true });
    await region.getByLabel('Agent token', { exact: true }).fill(hub.agentToken);
    await region.getByRole('button', { name: 'Save hub', exact: true }).click();
    await expect.poll(() => region.getByRole('status').textContent()).toBe(`Saved the hub ${hub.hub.url}.`);
    await options.close();

    await popup.reload();
    await popup.getByRole('button', { name: 'Resume Team hub' }).click();
    await expect
      .poll(async () => (await listed()).map((h) => [h.item.note, h.item.agent.id, h.agentVerified]), {
        timeout: 15_000,
      })
      .toEqual([['Wants SSO for contractors', TEST_AGENT.id, true]]);
    await popup.close();
  });

  it('parks a capture naming another agent than the token, and the hub stores none of it', async () => {
    await seedSettings(browser.worker, {
      endpoints: [endpoint],
      agent: { id: 'agent-8', name: 'Someone Else', team: 'Tier 1' },
      hub: { url: hub.hub.url, agentToken: hub.agentToken },
    });
    const { sidebar } = await openWithSidebar(browser, 'https://acme.zendesk.com/agent/tickets/4822');
    await sidebar.getByRole('textbox', { name: 'Note' }).fill('Claimed by another agent');
    await sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    const entry = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toMatch(/Failed/);
    expect(await entry.getAttribute('title')).toContain(
      `agent mismatch: the agent token is for '${TEST_AGENT.id}' but 1 item(s) name 'agent-8'`,
    );
    expect((await listed()).map((h) => h.item.note)).toEqual(['Wants SSO for contractors']);
  });
});

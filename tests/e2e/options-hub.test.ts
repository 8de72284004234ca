import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmServer, startCrmServer } from '../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, readSettings } from '../../scripts/harness/launch';
import { configure, openExtensionPage } from './support/extension';
import { startTestHub, type TestHub } from './support/hub';

let crm: CrmServer;
let browser: ExtensionBrowser;
let hub: TestHub;

/** The hub settings as stored in the extension's settings database. */
async function storedHub(): Promise<unknown> {
  return (await readSettings(browser.worker)).hub;
}

beforeAll(async () => {
  hub = await startTestHub('agent-7');
  crm = await startCrmServer();
  browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  await configure(browser.worker, []);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await crm?.close();
  await hub?.stop();
});

describe('options page: Hub', () => {
  let options: Page;
  const region = () => options.getByRole('region', { name: 'Hub', exact: true });
  const field = (name: string) => region().getByRole('textbox', { name, exact: true });
  /** Password inputs have no textbox role until shown; find them by their label. */
  const token = (name: string) => region().getByLabel(name, { exact: true });

  it('saves the hub with tokens hidden until shown, then tests the connection', async () => {
    options = await openExtensionPage(browser, 'options.html');
    await field('Hub URL').fill(`${hub.hub.url}/`);
    await token('Agent token').fill(hub.agentToken);
    await token('Lead token').fill(hub.leadToken);
    expect(await token('Agent token').getAttribute('type')).toBe('password');
    const show = region().getByRole('button', { name: 'Show agent token', exact: true });
    await show.click();
    expect(await show.getAttribute('aria-pressed')).toBe('true');
    expect(await field('Agent token').inputValue()).toBe(hub.agentToken);

    await region().getByRole('button', { name: 'Save hub', exact: true }).click();
    await expect.poll(() => region().getByRole('status').textContent()).toBe(`Saved the hub ${hub.hub.url}.`);
    expect(await storedHub()).toEqual({
      url: hub.hub.url,
      agentToken: hub.agentToken,
      leadToken: hub.leadToken,
    });

    await region().getByRole('button', { name: 'Test connection', exact: true }).click();
    const results = region().getByRole('list', { name: 'Connection test' });
    await expect
      .poll(() => results.getByRole('listitem').allTextContents())
      .toEqual(['Hub reachable', 'Agent token accepted', 'Lead token accepted']);
  });

  it('says which token the hub refused', async () => {
    await token('Lead token').fill(hub.agentToken);
    await token('Agent token').fill('not-a-token-the-hub-knows');
    await region().getByRole('button', { name: 'Test connection', exact: true }).click();
    await expect
      .poll(() =>
        region().getByRole('list', { name: 'Connection test' }).getByRole('listitem').allTextContents(),
      )
      .toEqual([
        'Hub reachable',
        'Agent token refused (HTTP 401: the hub refused the token)',
        'Lead token refused: not a lead token (HTTP 403)',
      ]);
    // Testing never saves: the stored tokens are unchanged.
    expect(await storedHub()).toMatchObject({ agentToken: hub.agentToken, leadToken: hub.leadToken });
  });

  it('refuses an invalid URL with the reason, storing nothing', async () => {
    await field('Hub URL').fill('http://hub.example.com');
    await region().getByRole('button', { name: 'Save hub', exact: true }).click();
    await expect
      .poll(() => region().getByRole('alert').textContent())
      .toMatch(/^Not saved: url: must be an https URL/);
    expect(await storedHub()).toMatchObject({ url: hub.hub.url });
  });

  it('removes the hub', async () => {
    await region().getByRole('button', { name: 'Remove hub', exact: true }).click();
    // A destructive action says what will be lost before it happens.
    const confirm = region().getByRole('group', { name: 'Remove the hub?' });
    expect(await confirm.textContent()).toContain('your agent and lead tokens are forgotten');
    await confirm.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => region().getByRole('status').textContent()).toBe('Removed the hub.');
    expect(await storedHub()).toBeNull();
    await expect.poll(() => field('Hub URL').inputValue()).toBe('');
  });
});

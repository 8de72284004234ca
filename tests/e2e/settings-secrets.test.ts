import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret } from '../../lib/config/secret';
import { readSettings, seedSettings } from '../../scripts/harness/launch';
import { TEST_AGENT } from './support/extension';
import { type Receiver, startReceiver } from './support/receiver';
import { type Session, startSession } from './support/session';

// Endpoint secrets and hub tokens must be out of a content script's reach: a compromised CRM
// renderer runs with the content script's powers (its isolated world), so whatever that world
// can read from chrome.storage, the page's attacker can too. Checked from that very world, over
// CDP, on a real CRM tab.

const AGENT_TOKEN = 'agentTokenE2E_0123456789abcdef';
const LEAD_TOKEN = 'leadTokenE2E_0123456789abcdef';

let session: Session;
let page: Page;
let cdp: CDPSession;
let contentWorld: number;
let evil: Receiver;

/** Runs `expression` in the extension's isolated world of the CRM tab, as its content script would. */
async function inContentScript(expression: string): Promise<unknown> {
  const result = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: contentWorld,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
  if (result.exceptionDetails) throw new Error(`content-script evaluate: ${result.exceptionDetails.text}`);
  return result.result.value;
}

beforeAll(async () => {
  session = await startSession();
  evil = await startReceiver();
  // Settings with both kinds of secret, saved as the options page saves them.
  await seedSettings(session.browser.worker, {
    endpoints: [session.endpoint],
    agent: TEST_AGENT,
    hub: { url: 'https://hub.example.com', agentToken: AGENT_TOKEN, leadToken: LEAD_TOKEN },
  });
  page = await session.browser.context.newPage();
  cdp = await session.browser.context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  await page.goto('https://acme.zendesk.com/agent/tickets/4821');
  await page
    .getByRole('complementary', { name: 'Earmark' })
    .getByRole('button', { name: 'Bug', exact: true })
    .waitFor();
  const origin = `chrome-extension://${session.browser.extensionId}`;
  const isContentWorld = (w: (typeof worlds)[number]) =>
    w.origin === origin && w.auxData?.type === 'isolated';
  for (let waited = 0; !worlds.some(isContentWorld) && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const world = worlds.filter(isContentWorld).at(-1);
  if (!world) throw new Error('no content-script world reported for the CRM tab');
  contentWorld = world.id;
}, 90_000);

afterAll(async () => {
  await session?.close();
  await evil?.close();
});

describe('secrets out of content-script reach', () => {
  it('storage.local, read from the content script, holds no webhook secret and no hub token', async () => {
    const local = (await inContentScript('chrome.storage.local.get(null).then(JSON.stringify)')) as string;
    expect(local).not.toContain('whsec_');
    expect(local).not.toContain(session.secret);
    expect(local).not.toContain(AGENT_TOKEN);
    expect(local).not.toContain(LEAD_TOKEN);
    // Not vacuous: the content script does read storage.local (the change announcement is there).
    expect(JSON.parse(local)).toHaveProperty('settingsChanged');
    // The settings are there all the same, for the worker.
    const stored = await readSettings(session.browser.worker);
    expect(stored.endpoints[0]?.secret).toBe(session.secret);
    expect(stored.hub?.leadToken).toBe(LEAD_TOKEN);
  });

  it('a content script cannot add its own endpoint by writing settings to storage.local', async () => {
    const planted = {
      ...(await readSettings(session.browser.worker)),
      endpoints: [{ id: 'evil', name: 'Evil', url: evil.url, secret: generateSecret() }],
    };
    await inContentScript(
      `chrome.storage.local.set(${JSON.stringify({ settings: planted, settings$: { v: 3 }, settingsChanged: 'x' })})`,
    );
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    await expect.poll(() => session.delivered()).toBeGreaterThanOrEqual(1);
    expect(evil.committed()).toHaveLength(0);
    expect((await readSettings(session.browser.worker)).endpoints.map((e) => e.id)).toEqual(['receiver']);
  });
});

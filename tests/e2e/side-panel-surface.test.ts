import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startSession } from './support/session';
import { attachSidePanel, closeSidePanel, type SidePanelTarget } from './support/side-panel';

// A site whose surface the agent set to the side panel (the popup's switch writes this choice):
// its pages show no sidebar and load no app, only a button that opens the panel.

const ZENDESK = 'https://acme.zendesk.com/agent/tickets/4821';
const SALESFORCE = 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZabIAF/view';

let s: Session;
let zendesk: Page;
let cdp: CDPSession;
let panel: SidePanelTarget;

/**
 * Counts the page's requests for one of the modules the content script imports by URL: the
 * overlay launcher (sidebar-launcher.js), the context reader, the sidebar app.
 */
function countLoads(page: Page, file: string): () => number {
  let loads = 0;
  page.on('request', (request) => {
    if (request.url().endsWith(`/${file}`)) loads++;
  });
  return () => loads;
}
const countAppLoads = (page: Page) => countLoads(page, 'sidebar-app.js');
let zendeskAppLoads: () => number;
let zendeskLauncherLoads: () => number;
let zendeskReaderLoads: () => number;

/** What Earmark shows on the page: the sidebar (open or collapsed), the panel's button, or nothing. */
async function onPage(page: Page): Promise<string> {
  if ((await page.getByRole('complementary', { name: 'Earmark' }).count()) > 0) return 'sidebar';
  if ((await page.getByRole('button', { name: 'Open Earmark', exact: true }).count()) > 0) return 'sidebar';
  if ((await page.getByRole('button', { name: 'Open Earmark side panel' }).count()) > 0)
    return 'panel-button';
  return 'nothing';
}

beforeAll(async () => {
  s = await startSession();
  await s.browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
    };
    await chrome.storage.local.set({ sidebarSurfaces: { 'acme.zendesk.com': 'sidePanel' } });
  });
  zendesk = await s.browser.context.newPage();
  zendeskAppLoads = countAppLoads(zendesk);
  zendeskLauncherLoads = countLoads(zendesk, 'sidebar-launcher.js');
  zendeskReaderLoads = countLoads(zendesk, 'context-reader.js');
  await zendesk.goto(ZENDESK);
  cdp = await s.browser.context.newCDPSession(zendesk);
}, 60_000);

afterAll(async () => {
  await s?.close();
});

describe('a site whose surface is the side panel', { timeout: 60_000 }, () => {
  it('shows only a button that opens the side panel, and loads no launcher, adapters or app', async () => {
    await expect.poll(() => onPage(zendesk), { timeout: 5000 }).toBe('panel-button');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await onPage(zendesk)).toBe('panel-button');
    expect(zendeskAppLoads()).toBe(0);
    expect(zendeskLauncherLoads()).toBe(0);
    expect(zendeskReaderLoads()).toBe(0);
  });

  it('opens the panel from that button, and the page then shows nothing of Earmark', async () => {
    await zendesk.getByRole('button', { name: 'Open Earmark side panel' }).click();
    panel = await attachSidePanel(cdp, s.browser.extensionId);
    await expect.poll(() => panel.text(), { timeout: 5000 }).toContain('Capturing for Zendesk · #4821');
    await expect.poll(() => onPage(zendesk), { timeout: 5000 }).toBe('nothing');
    // The panel's request for the ticket imported the adapters alone, not the overlay launcher.
    expect(zendeskReaderLoads()).toBeGreaterThan(0); // a module import may show as two requests
    expect(zendeskLauncherLoads()).toBe(0);
  });

  it('brings the button back, not the sidebar, when the panel closes', async () => {
    await closeSidePanel(s.browser.worker);
    await expect.poll(() => onPage(zendesk), { timeout: 5000 }).toBe('panel-button');
  });

  it('leaves other sites with the in-page sidebar', async () => {
    const salesforce = await s.browser.context.newPage();
    const appLoads = countAppLoads(salesforce);
    const launcherLoads = countLoads(salesforce, 'sidebar-launcher.js');
    await salesforce.goto(SALESFORCE);
    await expect.poll(() => onPage(salesforce), { timeout: 5000 }).toBe('sidebar');
    expect(appLoads()).toBeGreaterThan(0); // what the count above would see, had the app been loaded
    expect(launcherLoads()).toBeGreaterThan(0);
    await salesforce.close();
  });

  it('follows the agent switching the site back to the overlay', async () => {
    await s.browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
      };
      await chrome.storage.local.set({ sidebarSurfaces: { 'acme.zendesk.com': 'overlay' } });
    });
    await expect.poll(() => onPage(zendesk), { timeout: 5000 }).toBe('sidebar');
  });

  it('opens from the collapsed tab too, beside the page', async () => {
    await s.browser.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
      };
      const collapsed = { side: 'right', width: 360, collapsed: true, tabTop: 0.4 };
      await chrome.storage.local.set({ sidebarLayouts: { 'acme.lightning.force.com': collapsed } });
    });
    const salesforce = await s.browser.context.newPage();
    await salesforce.goto(SALESFORCE);
    await salesforce.bringToFront();
    await salesforce.getByRole('button', { name: 'Open in side panel' }).click();
    const second = await attachSidePanel(cdp, s.browser.extensionId, [panel]);
    await expect.poll(() => second.text(), { timeout: 5000 }).toContain('Capturing for Salesforce');
    await expect.poll(() => onPage(salesforce), { timeout: 5000 }).toBe('nothing');
    await salesforce.close();
  });
});

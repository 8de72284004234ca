import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Endpoint } from '../../../lib/config/settings';
import type { Theme } from '../../../lib/hub/review/theme-schemas';
import { type CrmServer, startCrmServer } from '../../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../../scripts/harness/launch';
import { demoItems } from '../../../server/demo-data';
import { seedHubViaWebhook } from '../../../server/demo-seed';
import { configure, openExtensionPage, TEST_AGENT } from './extension';
import { startTestHub, type TestHub } from './hub';

/** A hub holding the `npm start` demo data, a browser that is both the test agent and the lead, and the review page. */
export interface ThemesReview {
  hub: TestHub;
  crm: CrmServer;
  browser: ExtensionBrowser;
  review: Page;
  close(): Promise<void>;
}

/**
 * Starts a hub seeded like `npm start` (400 demo items over 8 weeks, sent through the signed
 * webhook, so the hub groups them into themes), a browser whose extension delivers to it as
 * TEST_AGENT and holds the lead token, and the review page at 1280 × 1000.
 */
export async function startThemesReview(): Promise<ThemesReview> {
  const hub = await startTestHub(TEST_AGENT.id);
  await seedHubViaWebhook(hub.hub.url, hub.teamSecret, demoItems(400, { weeks: 8, now: new Date() }));
  const crm = await startCrmServer();
  const browser = await launchWithExtension({ hostResolverRules: crm.hostResolverRules });
  const endpoint: Endpoint = {
    id: 'hub',
    name: 'Team hub',
    url: `${hub.hub.url}/v1/webhook`,
    secret: hub.teamSecret,
  };
  await configure(browser.worker, [endpoint], 0.02);
  await seedSettings(browser.worker, {
    endpoints: [endpoint],
    agent: TEST_AGENT,
    hub: { url: hub.hub.url, agentToken: hub.agentToken, leadToken: hub.leadToken },
  });
  const review = await openExtensionPage(browser, 'review.html');
  await review.setViewportSize({ width: 1280, height: 1000 });
  return {
    hub,
    crm,
    browser,
    review,
    async close() {
      await browser.close();
      await crm.close();
      await hub.stop();
    },
  };
}

/** The lead API (as the test's lead) and the Themes view's parts, by role and name. */
export function themesHelpers(hub: TestHub, review: Page) {
  const api = async <T>(path: string): Promise<T> => {
    const response = await hub.asLead(path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const panel = () => review.getByRole('tabpanel', { name: 'Themes', exact: true });
  const list = () => panel().getByRole('list', { name: 'Themes', exact: true });
  return {
    api,
    themesApi: (query: string) => api<{ themes: Theme[]; nextCursor: string | null }>(`/v1/themes?${query}`),
    itemTheme: async (id: string) => (await api<{ themeId: string | null }>(`/v1/items/${id}`)).themeId,
    panel,
    list,
    detail: () => panel().getByRole('region', { name: 'Theme details', exact: true }),
    status: () => panel().getByRole('status').textContent(),
    /** The titles on the theme cards, in order. */
    shownTitles: () => list().locator(':scope > li h3').allTextContents(),
    /** Shows the Themes view from the keyboard: the Items tab, then the right arrow. */
    async openThemes() {
      const tabs = review.getByRole('tablist', { name: 'Review views', exact: true });
      await tabs.getByRole('tab', { name: 'Items', exact: true }).focus();
      await review.keyboard.press('ArrowRight');
    },
  };
}

/** axe-core on the whole page: no serious or critical violations; the rest is printed. */
export async function scanPage(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of results.violations.filter((x) => !blocking.includes(x))) {
    console.log(`[axe ${label}] ${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
  }
  const summary = blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label}: serious or critical axe violations`).toEqual([]);
  expect(results.passes.length, `${label}: axe checked nothing`).toBeGreaterThan(10);
}

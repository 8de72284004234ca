import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, Site } from '../../lib/schema';
import { CRM_ROUTES } from '../../scripts/harness/crm-server';
import { verifiedItems } from './support/extension';
import { type Session, startSession } from './support/session';

// Each CRM's saved page on its real hostname, in real Chromium with the built extension: a click
// captures the ticket the adapter reads there, and after an in-page (SPA) route change the next
// click captures the new ticket, with no reload in between.

interface CrmCase {
  name: string;
  /** The CRM_ROUTES entry serving the page is found by its fixture. */
  fixture: string;
  site: Site;
  /** A ticket path of the route's shape, and the ticket id and title the adapter reads there. */
  path: string;
  ticketId: string;
  title: string;
  /** Another ticket of the same shape, reached by history.pushState. */
  nextPath: string;
  nextTicketId: string;
  /** Only where the page itself holds the other ticket (Salesforce console tabs). */
  nextTitle?: string;
}

const CASES: CrmCase[] = [
  {
    name: 'Zendesk',
    fixture: 'zendesk-ticket.html',
    site: 'zendesk',
    path: '/agent/tickets/4821',
    ticketId: '4821',
    title: 'Export to CSV keeps timing out',
    nextPath: '/agent/tickets/4822',
    nextTicketId: '4822',
  },
  {
    name: 'Salesforce Lightning console case',
    fixture: 'salesforce-console.html',
    site: 'salesforce',
    path: '/lightning/r/Case/500Hs00001XyZabIAF/view',
    ticketId: '500Hs00001XyZabIAF',
    title: 'Sync stops after 2 GB upload',
    nextPath: '/lightning/r/Case/500Hs00001AbCdEIAZ/view',
    nextTicketId: '500Hs00001AbCdEIAZ',
    nextTitle: 'Invoices show the wrong VAT rate',
  },
  {
    name: 'Freshdesk',
    fixture: 'freshdesk-ticket.html',
    site: 'freshdesk',
    path: '/a/tickets/1042',
    ticketId: '1042',
    title: 'Billing export is empty',
    nextPath: '/a/tickets/1043',
    nextTicketId: '1043',
  },
  {
    name: 'HubSpot ticket record',
    fixture: 'hubspot-ticket.html',
    site: 'hubspot',
    path: '/contacts/2139471/record/0-5/8812345',
    ticketId: '8812345',
    title: 'Webhook retries flood our endpoint',
    nextPath: '/contacts/2139471/record/0-5/8812399',
    nextTicketId: '8812399',
  },
  {
    name: 'HubSpot help desk',
    fixture: 'hubspot-help-desk.html',
    site: 'hubspot',
    path: '/help-desk/2139471/view/3301/ticket/9901234',
    ticketId: '9901234',
    title: 'Refund for duplicate charge',
    nextPath: '/help-desk/2139471/view/3301/ticket/9901299',
    nextTicketId: '9901299',
  },
  {
    name: 'Intercom',
    fixture: 'intercom-conversation.html',
    site: 'intercom',
    path: '/a/inbox/k2x9qz7a/inbox/shared/unassigned/conversation/215467893012345',
    ticketId: '215467893012345',
    title: 'App crashes when exporting reports',
    nextPath: '/a/inbox/k2x9qz7a/inbox/shared/unassigned/conversation/215467893012399',
    nextTicketId: '215467893012399',
  },
];

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

/** The latest revision of every item the receiver stored, signatures verified, by item id. */
function receivedItems(): Map<string, Item> {
  const latest = new Map<string, Item>();
  for (const item of verifiedItems(session.receiver.committed(), session.secret)) {
    const known = latest.get(item.id);
    if (!known || known.revision < item.revision) latest.set(item.id, item);
  }
  return latest;
}

/** Clicks a tag in the page's sidebar and returns the one new item the receiver got for it. */
async function captureWith(page: Page, label: string): Promise<Item> {
  const before = new Set(receivedItems().keys());
  const sidebar = page.getByRole('complementary', { name: 'Earmark' });
  await sidebar.getByRole('button', { name: label, exact: true }).click();
  await sidebar
    .getByRole('status')
    .filter({ hasText: `Saved: ${label}` })
    .waitFor();
  const fresh = () => [...receivedItems().values()].filter((i) => !before.has(i.id));
  await expect.poll(() => fresh().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  const items = fresh();
  expect(items, 'exactly one new item per click').toHaveLength(1);
  expect(items[0]!.tags.map((t) => t.label)).toEqual([label]);
  return items[0]!;
}

/** What proves the document was never reloaded: a main-world marker and a single navigation entry. */
function documentState(page: Page): Promise<{ marker: unknown; navigations: number; path: string }> {
  return page.evaluate(() => ({
    marker: (window as unknown as { earmarkTestMarker?: unknown }).earmarkTestMarker,
    navigations: performance.getEntriesByType('navigation').length,
    path: location.pathname,
  }));
}

describe('capture on each CRM, on its real hostname', () => {
  it.each(CASES)('$name: captures the ticket, then follows an SPA route change', async (crm) => {
    const route = CRM_ROUTES.find((r) => r.fixture === crm.fixture);
    if (!route) throw new Error(`no CRM route serves ${crm.fixture}`);
    // The paths must be ones the harness serves (and the adapter's URL shape), not made-up ones.
    expect(crm.path).toMatch(route.path);
    expect(crm.nextPath).toMatch(route.path);
    const origin = `https://${route.host}`;

    const page = await session.browser.context.newPage();
    const documentLoads: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document' && r.frame() === page.mainFrame()) documentLoads.push(r.url());
    });
    try {
      // Query and fragment (view state, tokens) must not reach the item.
      await page.goto(`${origin}${crm.path}?view=list&session=abc#reply`);
      const sidebar = page.getByRole('complementary', { name: 'Earmark' });
      await sidebar.getByRole('button', { name: 'Bug', exact: true }).waitFor();
      await page.evaluate(() => {
        (window as unknown as { earmarkTestMarker?: unknown }).earmarkTestMarker = 'same-document';
      });

      const first = await captureWith(page, 'Bug');
      expect(first.source).toEqual({
        site: crm.site,
        url: `${origin}${crm.path}`,
        title: crm.title,
        ticketId: crm.ticketId,
      });

      // The CRM's router moves to another ticket without loading a document.
      await page.evaluate((next) => {
        const state = { earmark: next };
        history.pushState(state, '', next);
        window.dispatchEvent(new PopStateEvent('popstate', { state }));
      }, crm.nextPath);
      expect(await documentState(page)).toEqual({
        marker: 'same-document',
        navigations: 1,
        path: crm.nextPath,
      });

      const second = await captureWith(page, 'Chaser');
      expect(second.source).toMatchObject({
        site: crm.site,
        url: `${origin}${crm.nextPath}`,
        ticketId: crm.nextTicketId,
        ...(crm.nextTitle ? { title: crm.nextTitle } : {}),
      });

      // Back button: a real popstate to the first ticket, still the same document.
      await page.evaluate(() => history.back());
      await expect.poll(async () => (await documentState(page)).path).toBe(crm.path);
      expect(await documentState(page)).toEqual({ marker: 'same-document', navigations: 1, path: crm.path });

      const third = await captureWith(page, 'Praise');
      expect(third.source).toEqual(first.source);
      expect(documentLoads, 'only the first page load fetched a document').toHaveLength(1);
    } finally {
      await page.close();
    }
  });
});

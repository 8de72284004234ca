import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { rowLabel } from '../../lib/hub/review/labels';
import type { HubItem } from '../../lib/hub/review/schemas';
import type { Item } from '../../lib/schema';
import { type ExtensionBrowser, launchWithExtension, seedSettings } from '../../scripts/harness/launch';
import { ROOT } from '../../scripts/harness/paths';
import { generateToken, hashToken } from '../../server/auth/tokens';
import { demoItems } from '../../server/demo-data';
import { postSignedBatch, seedHubViaWebhook } from '../../server/demo-seed';
import { provisionDemoTeam } from '../../server/demo-team';
import { type RunningHub, startHub } from '../../server/serve';
import { openHub } from '../../server/setup';
import { openExtensionPage } from './support/extension';

// The team lead's review page against a real hub (PGlite) seeded with 5,000 demo items through
// the signed webhook, in real Chromium. The test checks what the page shows against the API.
const COUNT = 5_000;
const FORMULA_NOTES = ['=HYPERLINK("http://x","refund")', '=1+1 chased again', '=cmd|calc', '=SUM(A1:A9)'];
const CHASER = DEFAULT_TAXONOMY.find((t) => t.id === 'chaser');

let dataDir: string;
let hub: RunningHub;
let browser: ExtensionBrowser;
let apiToken: string;
let secret: string;
let page: Page;

type Page1 = { items: HubItem[]; nextCursor: string | null; total?: number };

/** GET on the hub's lead API with the test's own lead token (the page has its own). */
async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${apiToken}` } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Every item the API lists for a query, following cursors. */
async function allItems(query: string): Promise<HubItem[]> {
  const out: HubItem[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : '';
    const p: Page1 = await api<Page1>(`/v1/items?limit=500&${query}${suffix}`);
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return out;
}

const filters = () => page.getByRole('search', { name: 'Filters', exact: true });
const grid = () => page.getByRole('grid', { name: 'Captured items', exact: true });
const dataRows = (): Locator => grid().locator('tbody').getByRole('row');
const countText = () => page.getByRole('status').textContent();
const number = (n: number) => n.toLocaleString('en-GB');

/** axe-core on the whole page: no serious or critical violations; the rest is printed. */
async function scan(label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of results.violations.filter((x) => !blocking.includes(x))) {
    console.log(`[axe ${label}] ${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
  }
  const summary = blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${label}: serious or critical axe violations`).toEqual([]);
  expect(results.passes.length, `${label}: axe checked nothing`).toBeGreaterThan(10);
}

/** The accessible names of the first n rendered rows. */
async function firstRowNames(n: number): Promise<string[]> {
  await dataRows().first().waitFor();
  const names = await dataRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  return names.slice(0, n);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'earmark-review-'));
  // Team and tokens first, in-process (as `npm run hub -- team create` / `token create` do);
  // PGlite holds its directory, so the store is closed before the hub opens it.
  const { store } = await openHub({ dataDir });
  const team = await provisionDemoTeam(store, 'Tier 1', 'dana.whitfield');
  apiToken = generateToken();
  await store.createToken({ hash: hashToken(apiToken), role: 'lead', teamId: team.team.id, agentId: null });
  await store.close();
  hub = await startHub({ dataDir, port: 0 });

  const items: Item[] = demoItems(COUNT, { seed: 42, weeks: 8, now: new Date() });
  // A few chaser notes a spreadsheet would run as formulas: the CSV export must defuse them.
  FORMULA_NOTES.forEach((note, i) => {
    const item = items[i * 97];
    if (item && CHASER)
      Object.assign(item, { note, tags: [{ id: 'chaser', label: 'Chaser', category: CHASER.category }] });
  });
  secret = team.secret;
  await seedHubViaWebhook(hub.url, team.secret, items);

  browser = await launchWithExtension({
    // Another process may be rebuilding .output while this one starts; a copy can be named instead.
    ...(process.env.EARMARK_EXTENSION_DIR ? { extensionDir: process.env.EARMARK_EXTENSION_DIR } : {}),
    hostResolverRules: 'MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  });
  await seedSettings(browser.worker, { hub: { url: hub.url, leadToken: team.leadToken } });
  page = await openExtensionPage(browser, 'review.html');
  await page.setViewportSize({ width: 1280, height: 1000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('review page', () => {
  it('shows the team’s items, newest first, with the total', async () => {
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Earmark review');
    const first = await api<Page1>('/v1/items?limit=10&total=true');
    expect(first.total).toBe(COUNT);
    await expect.poll(countText, { timeout: 20_000 }).toBe(`Showing 200 of ${number(COUNT)} items`);
    expect(await firstRowNames(5)).toEqual(first.items.slice(0, 5).map(rowLabel));
  });

  it('loads further pages by cursor when scrolled', async () => {
    await grid()
      .locator('xpath=..')
      .evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
    await expect.poll(countText, { timeout: 20_000 }).toBe(`Showing 400 of ${number(COUNT)} items`);
    // Virtualized: a few dozen rows in the DOM, not hundreds.
    expect(await dataRows().count()).toBeLessThan(80);
    await grid()
      .locator('xpath=..')
      .evaluate((scroller) => scroller.scrollTo(0, 0));
  });

  it('filters by tag and status, and searches, matching the API', async () => {
    await filters().getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'Chaser' });
    await filters().getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'New' });
    const filtered = await api<Page1>('/v1/items?limit=10&total=true&tag=chaser&status=new');
    expect(filtered.total).toBeGreaterThan(100);
    await expect
      .poll(countText, { timeout: 20_000 })
      .toBe(`Showing ${number(Math.min(200, filtered.total ?? 0))} of ${number(filtered.total ?? 0)} items`);
    expect(await firstRowNames(10)).toEqual(filtered.items.map(rowLabel));

    // Search for a long word of a recent chaser's note or quote; the hub's full-text search decides the rows.
    const words = filtered.items.flatMap((h) =>
      `${h.item.note ?? ''} ${h.item.quote ?? ''}`.split(/[^A-Za-z]+/),
    );
    const word = words.find((w) => w.length >= 7) ?? '';
    expect(word).not.toBe('');
    await filters().getByRole('searchbox', { name: 'Search notes and quotes', exact: true }).fill(word);
    const searched = await api<Page1>(
      `/v1/items?limit=10&total=true&tag=chaser&status=new&q=${encodeURIComponent(word)}`,
    );
    expect(searched.total).toBeGreaterThan(0);
    expect(searched.total).toBeLessThan(filtered.total ?? 0);
    await expect
      .poll(countText, { timeout: 20_000 })
      .toBe(
        `Showing ${number(Math.min(200, searched.total ?? 0))} of ${number(searched.total ?? 0)} ${searched.total === 1 ? 'item' : 'items'}`,
      );
    expect(await firstRowNames(10)).toEqual(searched.items.map(rowLabel));

    await filters().getByRole('searchbox', { name: 'Search notes and quotes', exact: true }).fill('');
    await expect.poll(countText, { timeout: 20_000 }).toContain(`of ${number(filtered.total ?? 0)} items`);
  });

  it('filters by a date range, To included', async () => {
    const day =
      (await api<Page1>('/v1/items?limit=1&tag=chaser&status=new')).items[0]?.item.capturedAt.slice(0, 10) ??
      '';
    const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
    const expected = await api<Page1>(
      `/v1/items?limit=1&total=true&tag=chaser&status=new&from=${day}T00:00:00.000Z&to=${encodeURIComponent(next)}`,
    );
    expect(expected.total).toBeGreaterThan(0);
    await filters().getByRole('textbox', { name: 'From', exact: true }).fill(day);
    await filters().getByRole('textbox', { name: 'To', exact: true }).fill(day);
    const total = expected.total ?? 0;
    await expect
      .poll(countText, { timeout: 20_000 })
      .toBe(`Showing ${number(Math.min(200, total))} of ${number(total)} ${total === 1 ? 'item' : 'items'}`);
    await filters().getByRole('textbox', { name: 'From', exact: true }).fill('');
    await filters().getByRole('textbox', { name: 'To', exact: true }).fill('');
    await expect.poll(countText, { timeout: 20_000 }).toMatch(/^Showing 200 of /);
  });

  it('sorts oldest first', async () => {
    await filters()
      .getByRole('combobox', { name: 'Sort', exact: true })
      .selectOption({ label: 'Oldest first' });
    const oldest = await api<Page1>('/v1/items?limit=5&tag=chaser&status=new&sort=oldest');
    await expect.poll(() => firstRowNames(5), { timeout: 20_000 }).toEqual(oldest.items.map(rowLabel));
    await filters()
      .getByRole('combobox', { name: 'Sort', exact: true })
      .selectOption({ label: 'Newest first' });
    const newest = await api<Page1>('/v1/items?limit=5&tag=chaser&status=new');
    await expect.poll(() => firstRowNames(5), { timeout: 20_000 }).toEqual(newest.items.map(rowLabel));
  });

  it('exports the filtered rows as CSV, with formula notes neutralised', async () => {
    const expected = await allItems('tag=chaser&status=new');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export CSV', exact: true }).click(),
    ]);
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(download.suggestedFilename()).toBe(
      `earmark-items-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.csv`,
    );
    const path = await download.path();
    const rows = parse(readFileSync(path), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.id)).toEqual(expected.map((h) => h.item.id));
    const formulas = rows.filter((r) => FORMULA_NOTES.some((n) => r.note?.endsWith(n)));
    expect(formulas).toHaveLength(FORMULA_NOTES.length);
    for (const row of formulas) expect(row.note?.startsWith("'=")).toBe(true);
  });

  it('bulk-triages selected rows to Actioned with a comment', async () => {
    const targets = (await api<Page1>('/v1/items?limit=3&tag=chaser&status=new')).items;
    // Demo notes repeat, so rows are picked by position: the grid lists what the API lists.
    expect(await firstRowNames(3)).toEqual(targets.map(rowLabel));
    for (const i of [0, 1, 2]) await dataRows().nth(i).getByRole('checkbox').check();
    await page
      .getByRole('combobox', { name: 'Bulk status', exact: true })
      .selectOption({ label: 'Actioned' });
    await page
      .getByRole('textbox', { name: 'Bulk comment', exact: true })
      .fill('Refund rule changed; thanks for flagging');
    await page.getByRole('button', { name: 'Apply to selected', exact: true }).click();
    await expect.poll(countText, { timeout: 20_000 }).toContain('Marked 3 items as Actioned.');
    for (const h of targets) {
      const now = await api<
        HubItem & { history: Array<{ status: string; comment: string | null; actorRole: string }> }
      >(`/v1/items/${h.item.id}`);
      expect(now.status).toBe('actioned');
      expect(now.comment).toBe('Refund rule changed; thanks for flagging');
      expect(now.history).toEqual([
        expect.objectContaining({
          status: 'actioned',
          comment: 'Refund rule changed; thanks for flagging',
          actorRole: 'lead',
        }),
      ]);
    }
    expect(await page.getByRole('button', { name: 'Apply to selected', exact: true }).count()).toBe(0);
  });

  it('opens an item from the keyboard and shows its quote, note, ticket link and history', async () => {
    const target = (await api<Page1>('/v1/items?limit=2&tag=chaser&status=actioned')).items[1];
    if (!target) throw new Error('no actioned item');
    await filters()
      .getByRole('combobox', { name: 'Status', exact: true })
      .selectOption({ label: 'Actioned' });
    await expect
      .poll(() => firstRowNames(2), { timeout: 20_000 })
      .toEqual((await api<Page1>('/v1/items?limit=2&tag=chaser&status=actioned')).items.map(rowLabel));
    await dataRows().first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe('3');
    await page.keyboard.press('Space');
    await expect.poll(() => dataRows().nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('button', { name: 'Apply to selected', exact: true }).count()).toBe(1);
    await scan('row selected, bulk bar shown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: 'Item details', exact: true });
    const history = detail.getByRole('list', { name: 'Triage history', exact: true });
    await expect
      .poll(() => history.textContent(), { timeout: 20_000 })
      .toContain('Refund rule changed; thanks for flagging');
    expect(await history.textContent()).toContain('Actioned by lead');
    if (target.item.note) expect(await detail.textContent()).toContain(target.item.note);
    if (target.item.quote) expect(await detail.textContent()).toContain(target.item.quote);
    const link = detail.getByRole('link', { name: 'Open ticket', exact: true });
    expect(await link.getAttribute('href')).toBe(target.item.source.url);
    expect(await link.getAttribute('target')).toBe('_blank');

    // The triage form: mark it reviewed, history grows.
    await detail.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Reviewed' });
    await detail.getByRole('textbox', { name: 'Comment', exact: true }).fill('Checked again');
    await detail.getByRole('button', { name: 'Save triage', exact: true }).click();
    await expect.poll(() => history.getByRole('listitem').count(), { timeout: 20_000 }).toBe(2);
    expect((await api<HubItem>(`/v1/items/${target.item.id}`)).status).toBe('reviewed');
    await scan('item details open');
  });

  it('draws the trends chart with its data table, and passes axe', async () => {
    const close = page.getByRole('button', { name: 'Close details', exact: true });
    if (await close.count()) await close.click();
    await filters().getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'All tags' });
    await filters()
      .getByRole('combobox', { name: 'Status', exact: true })
      .selectOption({ label: 'Any status' });
    await expect.poll(countText, { timeout: 20_000 }).toBe(`Showing 200 of ${number(COUNT)} items`);
    const trends = page.getByRole('region', { name: 'Trends', exact: true });
    const chart = trends.getByRole('img', { name: 'Captures per tag per week', exact: true });
    await chart.waitFor({ timeout: 20_000 });
    // Chart.js painted bars: the canvas holds non-transparent pixels.
    const painted = await chart.evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(5_000);

    await trends.getByRole('button', { name: 'Show data table', exact: true }).click();
    const table = trends.getByRole('table', { name: 'Trends data', exact: true });
    const api8 = await api<{ tags: Array<{ tag: string; count: number }> }>('/v1/trends?bucket=week');
    const chasers = api8.tags.filter((t) => t.tag === 'chaser').reduce((a, t) => a + t.count, 0);
    const chaserRow = table.getByRole('row', { name: /^Chaser / });
    expect(await chaserRow.getByRole('cell').last().textContent()).toBe(String(chasers));
    expect(await table.getByRole('row', { name: /^Failure demand / }).count()).toBe(1);
    await scan('trends with the data table');

    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await trends.getByRole('button', { name: 'Show data table', exact: true }).click();
    await page.screenshot({
      path: resolve(ROOT, 'docs/review-trends.png'),
      fullPage: true,
      animations: 'disabled',
    });
  });

  it('puts a capture that arrives while the page is open on top within seconds', async () => {
    const [fresh] = demoItems(1, { seed: 99, weeks: 1, now: new Date() });
    if (!fresh) throw new Error('no demo item');
    const note = `Arrived while the lead was looking (${Date.now()})`;
    Object.assign(fresh, { note, capturedAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
    expect(await postSignedBatch(hub.url, secret, [fresh])).toBe(1);
    await expect
      .poll(() => firstRowNames(1), { timeout: 20_000 })
      .toEqual([rowLabel({ item: fresh, status: 'new', comment: null, statusUpdatedAt: null })]);
    await expect.poll(countText).toBe(`Showing 201 of ${number(COUNT + 1)} items`);
  });

  it('opens from the popup when a lead token is configured', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    const [opened] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 15_000 }),
      popup.getByRole('button', { name: 'Open review page', exact: true }).click(),
    ]);
    await opened.waitForURL(/\/review\.html$/);
    await opened.getByRole('grid', { name: 'Captured items', exact: true }).waitFor();
    await opened.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('asks to connect a hub when no lead token is set', async () => {
    await seedSettings(browser.worker, { hub: null });
    const fresh = await openExtensionPage(browser, 'review.html');
    await fresh.getByText('Connect a hub').waitFor();
    expect(
      await fresh.getByRole('link', { name: 'Open settings', exact: true }).getAttribute('href'),
    ).toMatch(/options\.html$/);
    await fresh.close();
    const popup = await openExtensionPage(browser, 'popup.html');
    await popup.getByRole('heading', { name: 'Earmark', exact: true }).waitFor();
    expect(await popup.getByRole('button', { name: 'Open review page', exact: true }).count()).toBe(0);
    await popup.close();
  });
});

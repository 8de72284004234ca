import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { changeText, percent, weekStart } from '../../lib/hub/review/demand-data';
import type { Demand } from '../../lib/hub/review/demand-schema';
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

  it('shows the failure-demand share per week and the causes with data tables, and passes axe', async () => {
    const close = page.getByRole('button', { name: 'Close details', exact: true });
    if (await close.count()) await close.click();
    await filters().getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'All tags' });
    await filters()
      .getByRole('combobox', { name: 'Status', exact: true })
      .selectOption({ label: 'Any status' });
    await expect.poll(countText, { timeout: 20_000 }).toBe(`Showing 200 of ${number(COUNT)} items`);
    const demand = page.getByRole('region', { name: 'Failure demand', exact: true });
    const shareFigure = demand.getByRole('figure', { name: 'Failure-demand share per week', exact: true });
    // No From: the last 12 weeks, one row per week in the share table.
    await shareFigure.getByRole('img', { name: 'Failure-demand share per week', exact: true }).waitFor({
      timeout: 20_000,
    });
    await shareFigure.getByRole('button', { name: 'Show data table', exact: true }).click();
    const shareTable = shareFigure.getByRole('table', { name: 'Failure-demand share data', exact: true });
    expect(await shareTable.locator('tbody').getByRole('row').count()).toBe(12);
    await shareFigure.getByRole('button', { name: 'Show data table', exact: true }).click();

    // The filter bar's From: the last four weeks, against the four before (both within the demo's 8).
    const from = new Date(weekStart(new Date()).getTime() - 3 * 7 * 86_400_000).toISOString().slice(0, 10);
    await filters().getByRole('textbox', { name: 'From', exact: true }).fill(from);
    const expected = await api<Demand>(`/v1/demand?bucket=week&from=${from}T00:00:00.000Z`);
    const { failure, total } = expected.summary;
    expect(failure.causes.length).toBeGreaterThan(1);
    await expect
      .poll(() => demand.textContent(), { timeout: 20_000 })
      .toContain(`${percent(failure.share)} of ${number(total)} captures`);
    // Each week's point is labelled with its share (a week without captures has no point).
    const labels = shareFigure.locator('text.em-point-label');
    expect(await labels.allTextContents()).toEqual(
      expected.buckets.filter((b) => b.total > 0).map((b) => percent(b.failure.share)),
    );
    await shareFigure.getByRole('button', { name: 'Show data table', exact: true }).click();
    const rows = shareTable.locator('tbody').getByRole('row');
    expect(await rows.count()).toBe(expected.buckets.length);
    expect(await rows.first().getByRole('cell').allTextContents()).toEqual([
      number(expected.buckets[0]?.total ?? 0),
      number(expected.buckets[0]?.failure.count ?? 0),
      percent(expected.buckets[0]?.failure.share ?? 0),
      number(expected.buckets[0]?.value.count ?? 0),
    ]);

    // The causes, ranked, each with its change; the first opens from the keyboard to its themes.
    const causes = demand.getByRole('list', { name: 'Failure-demand causes', exact: true });
    const names = await causes
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.textContent?.replace(/^[▸▾]\s*/, '') ?? ''));
    expect(names).toEqual(failure.causes.map((c) => c.label));
    const top = failure.causes[0];
    if (!top) throw new Error('no cause');
    const topItem = causes.getByRole('listitem').first();
    expect(await topItem.textContent()).toContain(changeText(top.count, top.previous));
    await causes.getByRole('button', { name: top.label, exact: true }).focus();
    await page.keyboard.press('Enter');
    const themes = demand.getByRole('list', { name: `Themes of ${top.label}`, exact: true });
    expect(await themes.getByRole('listitem').count()).toBe(top.themes.length);
    expect(await themes.textContent()).toContain(top.themes[0]?.title ?? '-');
    const sample = top.themes[0]?.sample;
    expect(await themes.textContent()).toContain((sample?.quote || sample?.note) ?? '-');
    expect(
      await causes.getByRole('button', { name: top.label, exact: true }).getAttribute('aria-expanded'),
    ).toBe('true');

    const causeFigure = demand.getByRole('figure', {
      name: 'Causes against the previous period',
      exact: true,
    });
    await causeFigure.getByRole('button', { name: 'Show data table', exact: true }).click();
    const causeTable = causeFigure.getByRole('table', { name: 'Failure-demand causes data', exact: true });
    const topRow = causeTable.getByRole('row', { name: new RegExp(`^${top.label} `) });
    expect((await topRow.getByRole('cell').allTextContents()).slice(0, 2)).toEqual([
      number(top.count),
      number(top.previous),
    ]);
    await scan('failure demand with its data tables');

    await shareFigure.getByRole('button', { name: 'Show data table', exact: true }).click();
    await causeFigure.getByRole('button', { name: 'Show data table', exact: true }).click();
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await demand.screenshot({ path: resolve(ROOT, 'docs/review-demand.png'), animations: 'disabled' });
    await filters().getByRole('textbox', { name: 'From', exact: true }).fill('');
    await expect.poll(countText, { timeout: 20_000 }).toBe(`Showing 200 of ${number(COUNT)} items`);
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

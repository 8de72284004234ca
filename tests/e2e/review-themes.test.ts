import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Theme } from '../../lib/hub/review/theme-schemas';
import { ROOT } from '../../scripts/harness/paths';
import { TEST_AGENT } from './support/extension';
import { openWithSidebar } from './support/pages';
import { scanPage, startThemesReview, type ThemesReview, themesHelpers } from './support/review-themes';

// The lead's Themes view against a hub holding the `npm start` demo data, plus one capture the
// test agent makes in the sidebar. The lead triages that capture's theme as a whole from the
// Themes view; the agent's sidebar shows the new status (the loop back).
const NOTE = 'Chasing the refund promised 12 days ago; third contact about it.';
const COMMENT = 'Refunds over 50 are now approved the same day.';
let session: ThemesReview;
let ui: ReturnType<typeof themesHelpers>;
let review: Page;
let agentPage: Page;
let sidebar: Locator;
let itemId: string;

beforeAll(async () => {
  session = await startThemesReview();
  review = session.review;
  ui = themesHelpers(session.hub, review);
  // The agent's ticket with the sidebar, in the same browser as the lead's review page.
  ({ page: agentPage, sidebar } = await openWithSidebar(
    session.browser,
    'https://acme.zendesk.com/agent/tickets/4821',
  ));
}, 240_000);

afterAll(async () => {
  await session?.close();
});

describe('the review page’s Themes view', () => {
  it('takes the agent’s capture into the demo team’s refund theme', async () => {
    await sidebar.getByRole('textbox', { name: 'Note' }).fill(NOTE);
    await sidebar.getByRole('button', { name: 'Chaser', exact: true }).click();
    await expect
      .poll(
        async () => {
          const page = await ui.api<{ items: Array<{ item: { id: string } }> }>(
            `/v1/items?agent=${TEST_AGENT.id}`,
          );
          itemId = page.items[0]?.item.id ?? '';
          return itemId;
        },
        { timeout: 15_000 },
      )
      .not.toBe('');
    const first = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toMatch(/Sent/);
    const themeId = await ui.itemTheme(itemId);
    const theme = (await ui.themesApi('limit=200')).themes.find((t) => t.id === themeId);
    expect(theme?.count, 'the capture joined a demo theme').toBeGreaterThan(1);
  });

  it('switches views with the arrow keys and lists the demo data’s themes by count, growth and pages', async () => {
    const tabs = review.getByRole('tablist', { name: 'Review views', exact: true });
    const items = tabs.getByRole('tab', { name: 'Items', exact: true });
    await items.focus();
    await review.keyboard.press('ArrowRight');
    const themesTab = tabs.getByRole('tab', { name: 'Themes', exact: true });
    expect(await themesTab.getAttribute('aria-selected')).toBe('true');
    expect(await review.evaluate(() => document.activeElement?.textContent)).toBe('Themes');
    expect(await review.getByRole('grid', { name: 'Captured items' }).count()).toBe(0);

    const byCount = await ui.themesApi('limit=30');
    expect(byCount.themes.length).toBe(30);
    expect(byCount.nextCursor).not.toBeNull();
    await expect.poll(ui.shownTitles, { timeout: 20_000 }).toEqual(byCount.themes.map((t) => t.title));
    expect(await ui.status()).toContain('Showing 30 themes (more to load).');
    // The demo's phrases are grouped: the largest themes hold many captures from several agents.
    expect(byCount.themes[0]?.count).toBeGreaterThan(5);
    expect(byCount.themes[0]?.agents).toBeGreaterThan(2);
    const first = ui.list().getByRole('listitem').first();
    expect(await first.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Per week from \d+ \w+: \d+(, \d+)*$/,
    );

    await ui.panel().getByRole('button', { name: 'Load more themes', exact: true }).click();
    const next = await ui.themesApi(`limit=30&cursor=${byCount.nextCursor}`);
    await expect.poll(ui.shownTitles).toEqual([...byCount.themes, ...next.themes].map((t) => t.title));

    await ui
      .panel()
      .getByRole('combobox', { name: 'Sort themes', exact: true })
      .selectOption({ label: 'Fastest growing' });
    const byGrowth = await ui.themesApi('limit=30&sort=growth');
    await expect.poll(ui.shownTitles).toEqual(byGrowth.themes.map((t) => t.title));
    await ui
      .panel()
      .getByRole('combobox', { name: 'Sort themes', exact: true })
      .selectOption({ label: 'Most items' });
    await expect.poll(ui.shownTitles).toEqual(byCount.themes.map((t) => t.title));

    // The README's picture: the list and the largest theme open.
    const top = byCount.themes[0] as Theme;
    await ui.list().getByRole('button', { name: top.title, exact: true }).click();
    await expect.poll(() => ui.detail().getByRole('heading', { level: 2 }).textContent()).toBe(top.title);
    await ui
      .detail()
      .getByRole('list', { name: 'Theme items', exact: true })
      .getByRole('listitem')
      .first()
      .waitFor();
    await scanPage(review, 'themes view with a theme open');
    await review.mouse.move(0, 0);
    await review.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await review.screenshot({ path: resolve(ROOT, 'docs/review-themes.png'), animations: 'disabled' });
  });

  it('triages the agent’s capture’s theme as a whole, and the agent’s sidebar shows the new status', async () => {
    const themeId = await ui.itemTheme(itemId);
    const theme = (await ui.themesApi('limit=200')).themes.find((t) => t.id === themeId);
    if (!theme) throw new Error('the capture has no theme');
    expect(theme.count, 'the capture joined a demo theme').toBeGreaterThan(1);
    const live = await ui.api<{ items: unknown[] }>(`/v1/items?theme=${theme.id}&limit=500`);

    // The filter bar narrows the Themes view too.
    await review
      .getByRole('searchbox', { name: 'Search notes and quotes', exact: true })
      .fill('refund promised');
    await expect.poll(ui.shownTitles, { timeout: 20_000 }).toContain(theme.title);
    const card = ui.list().getByRole('button', { name: theme.title, exact: true });
    await card.focus();
    await review.keyboard.press('Enter');
    const heading = ui.detail().getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toBe(theme.title);
    await expect
      .poll(() => ui.detail().getByRole('list', { name: 'Theme items', exact: true }).textContent(), {
        timeout: 10_000,
      })
      .toContain(NOTE);

    const form = ui.detail().getByRole('form', { name: 'Theme triage', exact: true });
    await form
      .getByRole('combobox', { name: 'Theme status', exact: true })
      .selectOption({ label: 'Actioned' });
    await form.getByRole('textbox', { name: 'Theme comment', exact: true }).fill(COMMENT);
    await form.getByRole('button', { name: 'Triage whole theme', exact: true }).click();
    await expect
      .poll(ui.status, { timeout: 10_000 })
      .toContain(`Marked ${live.items.length} items as Actioned.`);
    const stored = await ui.api<{ status: string; comment: string }>(`/v1/items/${itemId}`);
    expect(stored).toMatchObject({ status: 'actioned', comment: COMMENT });
    await scanPage(review, 'themes view after a whole-theme triage');

    await sidebar.getByRole('button', { name: 'Collapse Earmark' }).click();
    await agentPage.getByRole('button', { name: 'Open Earmark' }).click();
    const first = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toMatch(/Chaser.*Actioned/);
    expect(await first.textContent()).toContain(COMMENT);
  });
});

import type { Page } from 'playwright-core';

/** The number a review status text reports: "Showing 100 of 5,000 items" → 5000; "Showing 42 items" → 42. */
export function reviewCount(status: string): number | null {
  const match = /of ([\d,]+) items?/i.exec(status) ?? /showing ([\d,]+)/i.exec(status);
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : null;
}

/**
 * Opens the review page (entrypoints/review/) in `page` and waits, by the UI contract's names,
 * until the grid "Captured items" has a row with `note`; returns how many items the page says it has.
 */
export async function showReviewPage(
  page: Page,
  url: string,
  note: string,
  timeoutMs = 20_000,
): Promise<number> {
  const fail = (why: string) =>
    new Error(`Review page check failed (${url}, waited up to ${timeoutMs / 1000} s): ${why}`);
  try {
    await page.goto(url);
  } catch (error) {
    throw fail(`it did not load (${String(error).split('\n')[0]}); is entrypoints/review/ built?`);
  }
  const grid = page.getByRole('grid', { name: 'Captured items', exact: true });
  try {
    await grid.getByRole('row').filter({ hasText: note }).first().waitFor({ timeout: timeoutMs });
  } catch {
    const heading = await page
      .locator('h1')
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    throw fail(
      `the sample capture did not appear: no row in the grid "Captured items" holds its note (page heading: ${heading ?? 'none'}).`,
    );
  }
  const status = page
    .getByRole('status')
    .filter({ hasText: /showing|items/i })
    .first();
  await status.waitFor({ timeout: 5000 }).catch(() => undefined);
  const text = (await status.textContent({ timeout: 1000 }).catch(() => null)) ?? '';
  const count = reviewCount(text);
  if (count === null) throw fail(`its status did not report a count (it read "${text}").`);
  return count;
}

/** What the review page's Themes view and failure-demand region showed the lead. */
export interface ReviewInsights {
  /** The Themes view's count line, e.g. "Showing 30 themes (more to load)." */
  themesStatus: string;
  /** The largest theme's title (its card's button). */
  topTheme: string;
  /** The failure-demand headline, e.g. "43% of 2,188 captures … were failure demand …". */
  demandHeadline: string;
}

/**
 * On a review page already showing items: opens the "Themes" tab and reads its count and largest
 * theme, and reads the "Failure demand" region's headline, by the UI contract's names.
 */
export async function showReviewInsights(page: Page, timeoutMs = 20_000): Promise<ReviewInsights> {
  await page.getByRole('tab', { name: 'Themes' }).click();
  const themes = page.getByRole('list', { name: 'Themes' });
  const first = themes.getByRole('listitem').first().getByRole('button').first();
  await first.waitFor({ timeout: timeoutMs });
  const panel = page.getByRole('tabpanel', { name: 'Themes' });
  const themesStatus = (await panel.getByRole('status').first().textContent()) ?? '';
  const topTheme = (await first.textContent())?.trim() ?? '';
  const demand = page.getByRole('region', { name: 'Failure demand' });
  const headline = demand.locator('p').filter({ hasText: 'were failure demand' }).first();
  await headline.waitFor({ timeout: timeoutMs });
  const demandHeadline = ((await headline.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  return { themesStatus: themesStatus.trim(), topTheme, demandHeadline };
}

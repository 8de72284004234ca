import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Theme } from '../../lib/hub/review/theme-schemas';
import { scanPage, startThemesReview, type ThemesReview, themesHelpers } from './support/review-themes';

// A lead reshapes the demo data's themes from the keyboard on the Themes view: renames one, moves
// an item out of it, and merges it into another picked by name; the hub's API shows each change.
let session: ThemesReview;
let ui: ReturnType<typeof themesHelpers>;
let review: Page;

beforeAll(async () => {
  session = await startThemesReview();
  review = session.review;
  ui = themesHelpers(session.hub, review);
}, 240_000);

afterAll(async () => {
  await session?.close();
});

/** The demo theme whose title starts with `prefix`, as the API lists it now. */
async function demoTheme(prefix: string): Promise<Theme> {
  const found = (await ui.themesApi('limit=200')).themes.find((t) => t.title.startsWith(prefix));
  if (!found) throw new Error(`no demo theme starting "${prefix}"`);
  return found;
}
type Listed = { items: Array<{ item: { id: string; note: string | null; quote: string | null } }> };

describe('reshaping themes on the review page', () => {
  it('renames a theme, moves an item and merges themes from the keyboard, as the API then shows', async () => {
    const refunds = await demoTheme('Chasing the refund promised');
    const callBack = await demoTheme('Chasing the call-back');
    await ui.openThemes();
    const card = ui.list().getByRole('button', { name: refunds.title, exact: true });
    await card.waitFor({ timeout: 20_000 });
    await card.focus();
    await review.keyboard.press('Enter');
    const heading = ui.detail().getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toBe(refunds.title);

    const title = ui.detail().getByRole('textbox', { name: 'Theme title', exact: true });
    await title.fill('Refund chasers');
    await title.press('Enter');
    await expect.poll(() => heading.textContent()).toBe('Refund chasers');
    expect((await demoTheme('Refund chasers')).id).toBe(refunds.id);
    await expect.poll(ui.status).toContain('Renamed the theme to “Refund chasers”.');

    // Move the theme's newest item; its button is named by its note's first 40 characters.
    const [moved] = (await ui.api<Listed>(`/v1/items?theme=${refunds.id}&limit=1`)).items;
    const text = moved?.item.note ?? moved?.item.quote ?? '';
    if (!moved) throw new Error('the theme has no items');
    const items = ui.detail().getByRole('list', { name: 'Theme items', exact: true });
    const moveButton = items.getByRole('button', { name: `Move to another theme: ${text.slice(0, 40)}` });
    await moveButton.first().focus();
    await review.keyboard.press('Enter');
    const moveForm = ui.detail().getByRole('form', { name: 'Move item', exact: true });
    const picker = moveForm.getByRole('combobox', { name: 'Move to theme', exact: true });
    await picker.selectOption({ label: `${callBack.title} (${callBack.count})` });
    await scanPage(review, 'themes view, moving an item');
    await moveForm.getByRole('button', { name: 'Move item', exact: true }).press('Enter');
    await expect.poll(() => ui.itemTheme(moved.item.id), { timeout: 10_000 }).toBe(callBack.id);
    await expect.poll(ui.status).toContain(`Moved an item to “${callBack.title}”.`);

    const grown = await demoTheme('Chasing the call-back');
    expect(grown.count).toBe(callBack.count + 1);
    const [stays] = (await ui.api<Listed>(`/v1/items?theme=${refunds.id}&limit=1`)).items;
    if (!stays) throw new Error('the theme has no items left');
    const merge = ui.detail().getByRole('form', { name: 'Merge theme', exact: true });
    const mergeTarget = merge.getByRole('combobox', { name: 'Merge into', exact: true });
    const option = `${grown.title} (${grown.count})`;
    // The picker reads the themes again after the move: wait for the new size.
    await expect.poll(() => mergeTarget.getByRole('option', { name: option, exact: true }).count()).toBe(1);
    await mergeTarget.selectOption({ label: option });
    await merge.getByRole('button', { name: 'Merge themes', exact: true }).press('Enter');
    await expect.poll(() => ui.itemTheme(stays.item.id), { timeout: 10_000 }).toBe(grown.id);
    const themes = (await ui.themesApi('limit=200')).themes;
    expect(themes.some((t) => t.id === refunds.id)).toBe(false);
    // The survivor takes a lead's title from a merged theme when it had none (server/themes/feedback.ts).
    const survivor = themes.find((t) => t.id === grown.id);
    expect(survivor?.count).toBe(grown.count + refunds.count - 1);
    await expect.poll(() => heading.textContent()).toBe(survivor?.title);
    await expect.poll(ui.status).toContain(`Merged into “${grown.title}”.`);

    // Escape closes the theme and takes focus back to its card.
    await heading.focus();
    await review.keyboard.press('Escape');
    await expect.poll(() => ui.detail().count()).toBe(0);
    expect(await review.evaluate(() => document.activeElement?.textContent)).toBe(survivor?.title);
  });
});

import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../scripts/harness/launch';
import { openExtensionPage } from './support/extension';
import { type Session, startSession } from './support/session';

// Issue 21: tags reorder by keyboard and by drag in the options page, and an open sidebar follows.
let s: Session;
let crm: Page;
let options: Page;
beforeAll(async () => {
  s = await startSession();
  crm = await s.browser.context.newPage();
  await crm.goto('https://acme.zendesk.com/agent/tickets/4821');
  options = await openExtensionPage(s.browser, 'options.html');
  await options.getByRole('button', { name: 'Drag Chaser' }).waitFor();
  await crm.getByRole('complementary', { name: 'Earmark' }).getByRole('group').first().waitFor();
});
afterAll(async () => {
  await s?.close();
});

/** The tag labels of one category, in the options page's order. */
async function optionsOrder(category: string): Promise<string[]> {
  const rows = options.getByRole('list', { name: category, exact: true }).getByRole('listitem');
  return (await rows.allTextContents()).map((t) => t.split(' (')[0] ?? t);
}

/** The tag labels of one category in the options page's sidebar preview (a picture, out of the a11y tree). */
async function previewOrder(category: string): Promise<string[]> {
  const group = options.locator('.em-preview fieldset').filter({ hasText: category });
  return group.locator('.em-tag-label').allTextContents();
}

/** Which of `labels` each of the sidebar's buttons in one category starts with, in order. */
async function sidebarOrder(category: string, labels: string[]): Promise<string[]> {
  const sidebar = crm.getByRole('complementary', { name: 'Earmark' });
  const texts = await sidebar
    .getByRole('group', { name: category, exact: true })
    .getByRole('button')
    .allTextContents();
  return texts.map((text) => labels.find((label) => text.startsWith(label)) ?? text);
}

/** The stored taxonomy's ids of one category, in order. */
async function storedOrder(category: string): Promise<string[]> {
  const { taxonomy } = (await readSettings(s.browser.worker)) as {
    taxonomy: Array<{ id: string; category: string }> | null;
  };
  return (taxonomy ?? []).filter((t) => t.category === category).map((t) => t.id);
}

/** Waits until the drag announcements (a live region) say exactly `text`. */
async function announced(text: string): Promise<void> {
  await expect.poll(() => options.getByRole('status').filter({ hasText: text }).count()).toBe(1);
}

/** The centre of an element on the page. */
async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('reordering tags in the options page', () => {
  it('moves a tag by keyboard from its drag handle, announced, and the sidebar follows', async () => {
    const before = await optionsOrder('Failure demand');
    expect(before.slice(0, 3)).toEqual(['Chaser', 'Repeat contact', 'Unclear information']);
    const handle = options.getByRole('button', { name: 'Drag Chaser' });
    await handle.focus();
    await options.keyboard.press('Space');
    await announced('Picked up Chaser, position 1 of 4.');
    // Each step is announced before the next key, as a screen-reader user hears it.
    await options.keyboard.press('ArrowDown');
    await announced('Chaser is at position 2 of 4.');
    await options.keyboard.press('ArrowDown');
    await announced('Chaser is at position 3 of 4.');
    await options.keyboard.press('Space');
    await announced('Chaser dropped at position 3 of 4.');
    const after = ['Repeat contact', 'Unclear information', 'Chaser', ...before.slice(3)];
    await expect.poll(() => optionsOrder('Failure demand')).toEqual(after);
    await announced('Moved Chaser to position 3 of Failure demand.'); // the editor's own status line
    expect(await storedOrder('Failure demand')).toEqual([
      'repeat-contact',
      'unclear-information',
      'chaser',
      'our-error',
    ]);
    // Focus stays on the moved tag's handle, so the next key press moves it again.
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Drag Chaser',
    );
    await expect.poll(() => sidebarOrder('Failure demand', after)).toEqual(after);
    // The page's own preview of the sidebar changed with it.
    expect(await previewOrder('Failure demand')).toEqual(after);
  });

  it('Escape cancels a keyboard move, changing nothing', async () => {
    const before = await storedOrder('Failure demand');
    await options.getByRole('button', { name: 'Drag Our error' }).focus();
    await options.keyboard.press('Enter');
    await announced('Picked up Our error, position 4 of 4.');
    await options.keyboard.press('ArrowUp');
    await announced('Our error is at position 3 of 4.');
    await options.keyboard.press('Escape');
    await announced('Moving Our error cancelled: it stays where it was.');
    expect(await storedOrder('Failure demand')).toEqual(before);
  });

  it('moves a tag by dragging it with the pointer, and the sidebar follows', async () => {
    const before = await optionsOrder('Customer insight');
    expect(before.slice(0, 2)).toEqual(['Feature request', 'Bug']);
    const from = await centre(options.getByRole('button', { name: 'Drag Pricing' }));
    const to = await centre(options.getByRole('button', { name: 'Drag Feature request' }));
    await options.mouse.move(from.x, from.y);
    await options.mouse.down();
    // In steps, as a hand does: the list makes room as the row passes over the others.
    await options.mouse.move(from.x, from.y - 10, { steps: 4 });
    await options.mouse.move(to.x, to.y - 4, { steps: 12 });
    await options.mouse.up();
    const after = ['Pricing', ...before.filter((label) => label !== 'Pricing')];
    await expect.poll(() => optionsOrder('Customer insight')).toEqual(after);
    expect((await storedOrder('Customer insight'))[0]).toBe('pricing');
    await expect.poll(() => sidebarOrder('Customer insight', after)).toEqual(after);
    expect(await previewOrder('Customer insight')).toEqual(after);
  });

  it('saying what changed when a tag is saved', async () => {
    await options.getByRole('button', { name: 'Edit Bug' }).click();
    const edit = options.getByRole('form', { name: 'Edit Bug' });
    await edit.getByRole('textbox', { name: 'Hotkey' }).fill('b');
    await edit.getByRole('textbox', { name: 'Colour' }).fill('#b42318');
    await edit.getByRole('button', { name: 'Save Bug' }).click();
    await announced('Saved Bug: hotkey and colour changed.');
  });

  it('asks before retiring a tag or resetting the taxonomy, saying what will be lost', async () => {
    const retire = options.getByRole('button', { name: 'Retire Praise' });
    await retire.click();
    const confirm = options.getByRole('group', { name: 'Retire Praise?' });
    expect(await confirm.textContent()).toContain('Captures already made keep it and are still delivered.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Retire Praise',
    );
    expect(await storedOrder('Customer insight')).toContain('praise');

    await retire.click();
    await confirm.getByRole('button', { name: 'Yes, retire' }).click();
    await expect.poll(() => optionsOrder('Customer insight')).not.toContain('Praise');
    const sidebar = crm.getByRole('complementary', { name: 'Earmark' });
    await expect.poll(() => sidebar.getByRole('button', { name: 'Praise', exact: true }).count()).toBe(0);

    // Shown apart, and restorable whole: it comes back at the end of its category.
    const retired = options.getByRole('list', { name: 'Retired tags' });
    expect(await retired.textContent()).toContain('Praise (praise)');
    await retired.getByRole('button', { name: 'Restore Praise' }).click();
    await announced('Restored Praise.');
    await expect.poll(async () => (await optionsOrder('Customer insight')).at(-1)).toBe('Praise');
    await expect.poll(() => sidebar.getByRole('button', { name: 'Praise', exact: true }).count()).toBe(1);
    expect(await options.getByRole('list', { name: 'Retired tags' }).count()).toBe(0);

    await options.getByRole('button', { name: 'Reset to the starter taxonomy' }).click();
    const reset = options.getByRole('group', { name: 'Reset to the starter taxonomy?' });
    expect(await reset.textContent()).toMatch(
      /These 16 tags, with their order, keys and colours, are replaced by the 16 starter tags/,
    );
    await reset.getByRole('button', { name: 'Yes, reset' }).click();
    await announced('Starter taxonomy restored.');
    await expect
      .poll(async () => (await optionsOrder('Customer insight')).slice(0, 2))
      .toEqual(['Feature request', 'Bug']);
  });
});

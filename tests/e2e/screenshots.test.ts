import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/harness/paths';
import { type Session, startSession } from './support/session';

// Saves the README's pictures of what the agent sees, from the real built extension.
const DOCS = resolve(ROOT, 'docs');
let session: Session;

beforeAll(async () => {
  session = await startSession();
  mkdirSync(DOCS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

/** Blurs the focused element, looking inside shadow roots (ours is one). */
function blurAll(): void {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  (active as HTMLElement | null)?.blur();
}

describe('screenshots for the README', () => {
  it('the sidebar open on a Zendesk ticket after one capture', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar
      .getByRole('textbox', { name: 'Note' })
      .fill('Wants scheduled CSV exports, mentions Competitor Co');
    await sidebar.getByRole('button', { name: 'Feature request' }).click();
    await expect.poll(() => sidebar.getByRole('status').textContent()).toBe('Saved: Feature request');
    const first = sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toContain('Sent');
    // No stray focus ring or hover state in the picture.
    await page.mouse.move(300, 400);
    await page.evaluate(blurAll);
    await page.screenshot({ path: resolve(DOCS, 'sidebar-open-zendesk.png'), animations: 'disabled' });
    await page.close();
  });

  it('the sidebar collapsed to its tab on a Salesforce case', async () => {
    const page = await session.browser.context.newPage();
    await page.goto('https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZaBIAZ/view');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Collapse Earmark' }).click();
    await page.getByRole('button', { name: 'Open Earmark' }).waitFor();
    await page.mouse.move(300, 400);
    await page.evaluate(blurAll);
    await page.screenshot({
      path: resolve(DOCS, 'sidebar-collapsed-salesforce.png'),
      animations: 'disabled',
    });
    await page.close();
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/harness/paths';
import { type Session, startSession } from './support/session';
import { attachSidePanel } from './support/side-panel';

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

/**
 * One PNG of the page and the side panel beside it, as the browser shows them. Headless Chromium
 * has no screenshot of its window's side panel area, so the two captures are placed side by side
 * in a small page of their own and that is screenshotted (on `page`, which is then used up).
 */
async function sideBySide(page: Page, left: Buffer, right: string, path: string): Promise<void> {
  const src = (png: string) => `data:image/png;base64,${png}`;
  await page.setContent(`<!doctype html><style>
    body { margin: 0; } figure { display: flex; margin: 0; width: max-content; background: #fff; }
    img { display: block; } img + img { border-left: 1px solid #c6cbd1; }
    </style><figure><img alt="" src="${src(left.toString('base64'))}"><img alt="" src="${src(right)}"></figure>`);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  writeFileSync(path, await page.locator('figure').screenshot({ animations: 'disabled' }));
}

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

describe("screenshot of the browser's side panel for the README", () => {
  let wide: Session;

  beforeAll(async () => {
    // The real window, so the page reflows beside the side panel as an agent sees it.
    wide = await startSession({ windowSize: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await wide?.close();
  });

  it('Earmark in the side panel beside a Zendesk ticket, after one capture', async () => {
    const page = await wide.browser.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4821');
    const sidebar = page.getByRole('complementary', { name: 'Earmark' });
    await sidebar.getByRole('button', { name: 'Open in side panel' }).click();
    const panel = await attachSidePanel(
      await wide.browser.context.newCDPSession(page),
      wide.browser.extensionId,
    );
    await expect.poll(() => panel.text(), { timeout: 15_000 }).toContain('Capturing for Zendesk · #4821');
    await expect.poll(() => sidebar.count(), { timeout: 15_000 }).toBe(0);
    await panel.click('button', 'Feature request');
    await expect.poll(() => panel.text(), { timeout: 15_000 }).toMatch(/Recent captures[\s\S]*Sent/i);
    // No stray focus ring or hover state in the picture.
    await panel.evaluate('document.activeElement?.blur()');
    await page.mouse.move(300, 400);
    await page.evaluate(blurAll);
    const ticket = await page.screenshot({ animations: 'disabled' });
    const beside = await panel.screenshot(); // before another tab makes the panel follow it
    const composer = await wide.browser.context.newPage();
    await sideBySide(composer, ticket, beside, resolve(DOCS, 'side-panel.png'));
    await composer.close();
    await page.close();
  });
});

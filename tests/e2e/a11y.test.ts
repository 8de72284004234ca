import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openWithSidebar } from './support/pages';
import { type Session, startSession } from './support/session';

// axe-core on the sidebar in real Chromium, open and collapsed. axe pierces open shadow roots, so
// including our host element scans the sidebar and nothing of the CRM page around it.
const ZENDESK = 'https://acme.zendesk.com/agent/tickets/4821';
let session: Session;

/** Runs axe on the sidebar; fails on serious or critical violations, prints the rest. */
async function scan(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('earmark-sidebar').analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of results.violations.filter((x) => !blocking.includes(x))) {
    console.log(`[axe ${label}] ${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`);
  }
  const summary = blocking.map(
    (v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `${label}: serious or critical axe violations`).toEqual([]);
  // Shadow-DOM nodes have a nested target (host, then selector inside): proof axe looked inside.
  const insideShadow = results.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0]));
  expect(insideShadow.length, `${label}: axe checked nothing inside the shadow root`).toBeGreaterThan(5);
}

/** The focused element inside the sidebar's shadow root, with its focus ring, or null if outside. */
function focusInSidebar(page: Page) {
  return page.evaluate(() => {
    const active = document.querySelector('earmark-sidebar')?.shadowRoot?.activeElement;
    if (!active) return null;
    const style = getComputedStyle(active);
    return {
      name: active.getAttribute('aria-label') ?? active.textContent?.trim() ?? '',
      ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });
}

const openTicket = () => openWithSidebar(session.browser, ZENDESK);

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  // Each test starts from the default layout (open), whatever the previous one left.
  await session.browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { remove(key: string): Promise<void> } } };
    };
    await chrome.storage.local.remove('sidebarLayouts');
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations, open (after a capture) and collapsed', async () => {
    const { page, sidebar } = await openTicket();
    await sidebar.getByRole('textbox', { name: 'Note' }).fill('Wants scheduled exports');
    await sidebar.getByRole('button', { name: 'Feature request' }).click();
    await sidebar.getByRole('button', { name: 'Undo' }).waitFor();
    await sidebar.getByRole('list', { name: 'Recent captures' }).getByRole('listitem').first().waitFor();
    await scan(page, 'open');

    await sidebar
      .getByRole('button', { name: /^Delete: / })
      .first()
      .click();
    await scan(page, 'open, confirming a delete');
    await sidebar.getByRole('button', { name: 'No', exact: true }).click();

    await sidebar.getByRole('button', { name: 'Collapse Earmark' }).click();
    await page.getByRole('button', { name: 'Open Earmark' }).waitFor();
    await scan(page, 'collapsed');
    await page.close();
  });

  it('has none in the dark colour scheme either', async () => {
    const { page, sidebar } = await openTicket();
    await page.emulateMedia({ colorScheme: 'dark' });
    await sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
    await sidebar.getByRole('button', { name: 'Undo' }).waitFor();
    await scan(page, 'open, dark');
    await page.close();
  });

  it('reaches every control with Tab, each with a visible focus ring', async () => {
    const { page, sidebar } = await openTicket();
    await sidebar.getByRole('button', { name: 'Praise' }).click();
    await sidebar.getByRole('button', { name: 'Undo' }).waitFor();
    const controls = await sidebar.evaluate(
      (aside) => aside.querySelectorAll('button:not([disabled]), textarea, input, [tabindex="0"]').length,
    );
    // Start from the page's Subject field and Tab into the sidebar (it comes last in the page).
    await page.getByRole('textbox', { name: 'Subject' }).focus();
    const visited: string[] = [];
    for (let presses = 0; presses < 80 && visited.length < controls; presses++) {
      await page.keyboard.press('Tab');
      const focus = await focusInSidebar(page);
      if (!focus) continue;
      expect(focus.ring, `focus ring on "${focus.name}"`).toBe(true);
      visited.push(focus.name);
    }
    expect(visited).toHaveLength(controls);
    expect(visited).toEqual(
      expect.arrayContaining(['Resize Earmark', 'Move to left side', 'Collapse Earmark', 'Undo']),
    );
    await page.close();
  });
});

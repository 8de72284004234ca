import type { Locator, Page } from 'playwright-core';
import { publishedKeyFor } from '../../../lib/sidebar/data-key';
import { SIDEBAR_DATA_KEY, SIDEBAR_SNAPSHOTS_KEY } from '../../../lib/storage-keys';
import type { ExtensionBrowser } from '../../../scripts/harness/launch';
import { openWithSidebar } from './pages';

/**
 * What the page's own scripts see of the sidebar: painted from its snapshot or not, and its markup
 * (attributes sorted: Preact, rendering over the painted elements, may set an unchanged attribute
 * again).
 */
export function sidebarState(page: Page): Promise<{ painted: boolean; markup: string }> {
  return page.evaluate(() => {
    const body = document.querySelector('earmark-sidebar')?.shadowRoot?.querySelector('body');
    const markup = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const element = node as Element;
      const attributes = [...element.attributes]
        .filter((a) => a.name !== 'data-em-snapshot')
        .map((a) => `${a.name}="${a.value}"`)
        .sort()
        .join(' ');
      return `<${element.localName} ${attributes}>${[...element.childNodes].map(markup).join('')}</${element.localName}>`;
    };
    return {
      painted: body?.querySelector('[data-em-snapshot]') !== null && body !== undefined,
      markup: body ? [...body.childNodes].map(markup).join('') : '',
    };
  });
}

/** A site's stored sidebar snapshot entry ({ savedAt, snapshot }) as the launcher wrote it, read in the worker. */
export function storedSnapshot(
  browser: ExtensionBrowser,
  host: string,
): Promise<{ savedAt?: number; snapshot?: { key?: string; live?: boolean } } | undefined> {
  return browser.worker.evaluate(
    async ([storageKey, site]) => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      const all = (await api.storage.local.get(storageKey))[storageKey] as Record<string, never> | undefined;
      return all?.[site];
    },
    [SIDEBAR_SNAPSHOTS_KEY, host] as const,
  );
}

/**
 * True when `host`'s stored snapshot was drawn from the data the worker publishes now and shows
 * nothing on its way: the next page load paints it (isSnapshotCurrent, but for layout and build,
 * which a test does not change).
 */
export async function currentSnapshotStored(browser: ExtensionBrowser, host: string): Promise<boolean> {
  const [stored, published] = await Promise.all([
    storedSnapshot(browser, host),
    browser.worker.evaluate(async (storageKey) => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await api.storage.local.get(storageKey))[storageKey];
    }, SIDEBAR_DATA_KEY),
  ]);
  const dataKey = publishedKeyFor(published, host);
  const key = stored?.snapshot?.key;
  return (
    dataKey !== null &&
    typeof key === 'string' &&
    key.startsWith(`${dataKey} `) &&
    stored?.snapshot?.live === false
  );
}

/** True once a snapshot stored for `host` after `since` shows nothing on its way. */
async function restingSnapshotStored(
  browser: ExtensionBrowser,
  host: string,
  since: number,
): Promise<boolean> {
  const stored = await storedSnapshot(browser, host);
  return (stored?.savedAt ?? 0) >= since && stored?.snapshot?.live === false;
}

/**
 * A freshly loaded CRM page whose sidebar is painted from its stored snapshot. After a capture the
 * snapshot shows it on its way (live) until it is sent and saved again, so pages are loaded until
 * one stays painted. A page whose sidebar the app rendered is kept open until the app has saved a
 * snapshot at rest (closing it sooner, on a loaded machine, would never let one be written).
 */
export async function openPainted(
  browser: ExtensionBrowser,
  url: string,
  timeoutMs = 20_000,
): Promise<{ page: Page; sidebar: Locator }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const openedAt = Date.now();
    const opened = await openWithSidebar(browser, url);
    await opened.page.waitForTimeout(300);
    if ((await sidebarState(opened.page)).painted) return opened;
    const host = new URL(url).hostname;
    while (Date.now() < deadline && !(await restingSnapshotStored(browser, host, openedAt))) {
      await opened.page.waitForTimeout(200);
    }
    await opened.page.close();
    if (Date.now() > deadline) throw new Error('no page load kept the sidebar painted');
  }
}

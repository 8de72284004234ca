import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/harness/launch';
import { isFreshWorker, killWorker, workerTarget } from '../lib/browsers';
import { callSource, inPage } from '../lib/inpage';
import { sleep } from '../lib/stats';

/**
 * In the page: clicks a tag button (element.click() in the open shadow root) and resolves with the
 * time until the role=status element reads "Saved: <that tag's label>", observed by a
 * MutationObserver set up before the click. The tag is one whose notice differs from the current
 * status text, so the text always changes.
 */
function clickUntilSaved(arg: { timeoutMs: number }): Promise<number> {
  const root = document.querySelector('earmark-sidebar')?.shadowRoot;
  const status = root?.querySelector('[role=status]');
  const buttons = [...(root?.querySelectorAll<HTMLButtonElement>('button.em-tag') ?? [])];
  const labelOf = (b: HTMLButtonElement) => b.querySelector('.em-tag-label')?.textContent ?? '';
  const button = buttons.find((b) => labelOf(b) && `Saved: ${labelOf(b)}` !== status?.textContent);
  if (!button || !status) return Promise.reject(new Error('sidebar, tag button or status not found'));
  const expected = `Saved: ${labelOf(button)}`;
  return new Promise((resolve, reject) => {
    let started = 0;
    const observer = new MutationObserver(() => {
      if (status.textContent !== expected) return;
      const elapsed = performance.now() - started;
      observer.disconnect();
      clearTimeout(timer);
      resolve(elapsed);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      const alert = root?.querySelector('[role=alert]')?.textContent ?? '';
      reject(
        new Error(`no "${expected}" within ${arg.timeoutMs} ms (status "${status.textContent}" ${alert})`),
      );
    }, arg.timeoutMs);
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    started = performance.now();
    button.click();
  });
}

const click = (page: Page) => inPage(page, clickUntilSaved, { timeoutMs: 10_000 });

/** Opens a CRM page and waits for the sidebar's first enabled tag button. */
export async function openSidebarPage(browser: ExtensionBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    callSource(() => {
      const buttons = document
        .querySelector('earmark-sidebar')
        ?.shadowRoot?.querySelectorAll('button.em-tag');
      return (buttons?.length ?? 0) >= 2;
    }, undefined),
    undefined,
    { timeout: 20_000, polling: 50 },
  );
  return page;
}

/** click → "Saved" with a running (warm) worker, `gapMs` apart like an agent tagging in a row. */
export async function measureWarmClicks(page: Page, runs: number, gapMs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const ms = await click(page);
    if (i >= 2) samples.push(ms); // two warm-up clicks
    await sleep(gapMs);
  }
  return samples;
}

/**
 * click → "Saved" right after the worker was stopped: each run marks the worker, closes its target
 * (CDP), checks that no worker target exists just before the click, and afterwards that the worker
 * answering is a fresh one (no marker). A run that cannot prove both is rejected.
 */
export async function measureColdClicks(
  browser: ExtensionBrowser,
  page: Page,
  runs: number,
  gapMs: number,
): Promise<number[]> {
  const cdp = await browser.context.newCDPSession(page);
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Something (an alarm, the sidebar's refresh) may wake the worker between kill and click:
      // then kill again, so the click itself always meets a stopped worker.
      let stopped = false;
      for (let attempt = 0; attempt < 5 && !stopped; attempt++) {
        await sleep(gapMs); // let the previous capture's follow-up messages and flush finish
        await killWorker(cdp, browser.worker, browser.extensionId);
        stopped = !(await workerTarget(cdp, browser.extensionId));
      }
      if (!stopped) throw new Error('the worker kept restarting before the click');
      const ms = await click(page);
      if (!(await isFreshWorker(browser.worker)))
        throw new Error('the click was answered by the killed worker');
      samples.push(ms);
    }
  } finally {
    await cdp.detach();
  }
  return samples;
}

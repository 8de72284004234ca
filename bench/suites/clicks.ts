import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/harness/launch';
import { isFreshWorker, killWorker, workerTarget } from '../lib/browsers';
import { callSource, inPage } from '../lib/inpage';
import { sleep } from '../lib/stats';

/** Where to click (viewport coordinates), and the status text that ends the timing. */
export interface ClickProbe {
  x: number;
  y: number;
  label: string;
  expected: string;
}

/**
 * In the page, before the click: picks a tag button whose notice differs from the current status
 * text (so the text always changes), arms a MutationObserver on the sidebar's role=status element,
 * and a listener that takes `performance.now()` when the click event starts (capture phase on the
 * window, the first to see it: on a painted snapshot the launcher holds the click at the sidebar's
 * root for the app to replay). The click itself is real input (CDP, trusted): the sidebar ignores
 * a page script's untrusted `click()`. The timing runs in the page, with no Playwright round trip.
 * `inShadow`: the sidebar is in the open shadow root of `earmark-sidebar` (a CRM page); false for
 * the side panel, whose document is the sidebar.
 */
export function armClick(arg: { timeoutMs: number; inShadow: boolean }): ClickProbe {
  const root: ParentNode | null | undefined = arg.inShadow
    ? document.querySelector('earmark-sidebar')?.shadowRoot
    : document;
  const status = root?.querySelector('[role=status]');
  const buttons = [...(root?.querySelectorAll<HTMLButtonElement>('button.em-tag') ?? [])];
  const labelOf = (b: HTMLButtonElement) => b.querySelector('.em-tag-label')?.textContent ?? '';
  const button = buttons.find((b) => labelOf(b) && `Saved: ${labelOf(b)}` !== status?.textContent);
  if (!button || !status) throw new Error('sidebar, tag button or status not found');
  const expected = `Saved: ${labelOf(button)}`;
  const state = { started: 0, result: null as Promise<number> | null };
  state.result = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (status.textContent !== expected || !state.started) return;
      const elapsed = performance.now() - state.started;
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
  });
  window.addEventListener(
    'click',
    () => {
      state.started = performance.now();
    },
    { capture: true, once: true },
  );
  (window as unknown as { __benchClick: typeof state }).__benchClick = state;
  const box = button.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, label: labelOf(button), expected };
}

/** In the page, after the click: the armed measurement's result. */
export function clickResult(): Promise<number> | null {
  return (window as unknown as { __benchClick: { result: Promise<number> | null } }).__benchClick.result;
}

/** Clicks a tag (real input) and returns the in-page time from the click event to "Saved: <tag>". */
async function click(page: Page): Promise<number> {
  const probe = await inPage(page, armClick, { timeoutMs: 10_000, inShadow: true });
  await page.mouse.click(probe.x, probe.y);
  const ms = await inPage(page, clickResult, undefined);
  if (ms === null) throw new Error(`no measurement for "${probe.expected}"`);
  return ms;
}

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

/** True while the page's sidebar is still its painted snapshot (the app not loaded). */
function isPainted(page: Page): Promise<boolean> {
  return inPage(
    page,
    () => !!document.querySelector('earmark-sidebar')?.shadowRoot?.querySelector('[data-em-snapshot]'),
    undefined,
  );
}

/**
 * click → "Saved" as the first thing on a freshly loaded page, its sidebar painted from the
 * snapshot and the app not loaded: the pointer arrives and clicks at once (Playwright moves the
 * mouse, then presses), so the app loads on the pointer's arrival and replays the click. Each run
 * keeps its page open until its app has stored a settled snapshot that lists the new capture sent
 * (`snapshot.settledAfter(key)`), so the next page is painted; `snapshot.ensure` (before each run)
 * opens a page to write one if there is none, and returns the stored key.
 */
export async function measureFirstClicks(
  browser: ExtensionBrowser,
  url: string,
  runs: number,
  snapshot: { ensure(): Promise<string>; settledAfter(key: string): Promise<void> },
): Promise<number[]> {
  const samples: number[] = [];
  // On a loaded machine something may move the sidebar's data between the snapshot settling and
  // the next page load (a late delivery status, a config refresh): that page rightly loads the app
  // instead of painting. Such a page measures nothing here, so it is closed and a fresh one opened
  // on a settled snapshot; only a run of unpainted pages means the painting itself is broken.
  const attemptsPerRun = 5;
  for (let i = 0; i < runs; i++) {
    let measured = false;
    for (let attempt = 1; !measured; attempt++) {
      const before = await snapshot.ensure();
      const page = await openSidebarPage(browser, url);
      try {
        if (!(await isPainted(page))) {
          if (attempt >= attemptsPerRun) {
            throw new Error(`the sidebar was not painted from its snapshot on ${attempt} fresh pages`);
          }
          console.log(`  first click ${i + 1}: page ${attempt} loaded the app, not the snapshot; again`);
          // Its app stores the snapshot of the moved data; the next page paints that one.
          await snapshot.settledAfter(before).catch(() => {});
          continue;
        }
        samples.push(await click(page));
        measured = true;
        await snapshot.settledAfter(before);
      } finally {
        await page.close();
      }
    }
  }
  return samples;
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

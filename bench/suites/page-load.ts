import type { BrowserContext, CDPSession } from 'playwright-core';
import { callSource, inPage } from '../lib/inpage';
import { sleep } from '../lib/stats';

/** What one page load cost, read in the page and through CDP. */
export interface LoadSample {
  /** Renderer main-thread task time (CDP Performance TaskDuration), ms. */
  taskMs: number;
  /** Script execution time (CDP Performance ScriptDuration), ms. */
  scriptMs: number;
  /**
   * CPU time of the renderer's main thread (CDP Performance ThreadTime), ms: unlike the tasks' wall
   * time, it does not grow while a busy machine keeps the thread waiting for a core.
   */
  cpuMs: number;
  /** V8 compile time on the main thread (CDP Performance V8CompileDuration), ms. */
  compileMs: number;
  /** JS heap in use after a forced GC (CDP Performance JSHeapUsedSize), bytes. */
  heapBytes: number;
  /** Long tasks seen by a PerformanceObserver installed before the page's first script. */
  longTasks: number;
  longTaskMs: number;
  /** DOMContentLoaded → Earmark's ready element (READY) present and enabled, ms (with the extension only). */
  readyMs: number | null;
  /** At the end of the sample, Earmark's sidebar was still its painted snapshot (no app loaded). */
  painted: boolean;
}

interface Probe {
  longTasks: number[];
  dcl: number | null;
  ready: number | null;
}

/** What a load waits for in Earmark's shadow root, as a selector: a tag button, or the panel's button. */
export const READY = {
  sidebar: 'button.em-tag',
  panelButton: 'button[aria-label="Open Earmark side panel"]',
} as const;
export type Ready = keyof typeof READY;

/**
 * Installed before any page script (addInitScript): records long tasks, and from DOMContentLoaded
 * watches for Earmark's host (`earmark-sidebar`, open shadow root) to show an enabled element
 * matching `readySelector` (READY). MutationObservers fire in the microtask after the DOM changes,
 * so no polling is involved.
 */
function pageProbe(readySelector: string): void {
  const probe: Probe = { longTasks: [], dcl: null, ready: null };
  (window as unknown as { __bench: Probe }).__bench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  } catch {
    // no Long Tasks API: counts stay empty
  }
  const enabledTag = () => {
    const button = document
      .querySelector('earmark-sidebar')
      ?.shadowRoot?.querySelector<HTMLButtonElement>(readySelector);
    return button !== null && button !== undefined && !button.disabled;
  };
  document.addEventListener('DOMContentLoaded', () => {
    probe.dcl = performance.now();
    let shadowObserver: MutationObserver | null = null;
    const check = () => {
      if (probe.ready !== null || !enabledTag()) return;
      probe.ready = performance.now();
      documentObserver.disconnect();
      shadowObserver?.disconnect();
    };
    const documentObserver = new MutationObserver(() => {
      const root = document.querySelector('earmark-sidebar')?.shadowRoot;
      if (root && !shadowObserver) {
        shadowObserver = new MutationObserver(check);
        shadowObserver.observe(root, { childList: true, subtree: true, attributes: true });
      }
      check();
    });
    documentObserver.observe(document.documentElement, { childList: true, subtree: true });
    check();
  });
}

const metric = (metrics: Array<{ name: string; value: number }>, name: string) =>
  metrics.find((m) => m.name === name)?.value ?? Number.NaN;

/** Evaluates `expression` in the page's main world every 50 ms until it is true (20 s at most). */
export async function pollInMainWorld(cdp: CDPSession, expression: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { result } = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as {
      result: { value?: unknown };
    };
    if (result.value === true) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for \`${expression}\` in the page`);
    await sleep(50);
  }
}

/** Loads the URL in a fresh tab and samples its cost `settleMs` after load (and `waitFor` ready). */
export async function loadOnce(
  context: BrowserContext,
  url: string,
  options: { waitFor: Ready | null; settleMs: number },
): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: callSource(pageProbe, READY[options.waitFor ?? 'sidebar']) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    // Polled through CDP in the page's own world, with and without the extension alike.
    // page.waitForFunction would compile Playwright's injected script into a new world of the
    // page: about 25 ms of main-thread time that the loads without the extension never paid.
    await pollInMainWorld(
      cdp,
      options.waitFor ? 'window.__bench.ready !== null' : 'window.__bench !== undefined',
    );
    await page.waitForTimeout(options.settleMs);
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics: afterGc } = await cdp.send('Performance.getMetrics');
    const probe = await inPage(page, () => (window as unknown as { __bench: Probe }).__bench, undefined);
    const painted = await inPage(
      page,
      () => !!document.querySelector('earmark-sidebar')?.shadowRoot?.querySelector('[data-em-snapshot]'),
      undefined,
    );
    await cdp.detach();
    return {
      taskMs: metric(metrics, 'TaskDuration') * 1000,
      scriptMs: metric(metrics, 'ScriptDuration') * 1000,
      cpuMs: metric(metrics, 'ThreadTime') * 1000,
      compileMs: metric(metrics, 'V8CompileDuration') * 1000,
      heapBytes: metric(afterGc, 'JSHeapUsedSize'),
      longTasks: probe.longTasks.length,
      longTaskMs: probe.longTasks.reduce((a, b) => a + b, 0),
      readyMs: probe.ready !== null && probe.dcl !== null ? probe.ready - probe.dcl : null,
      painted,
    };
  } finally {
    await page.close();
  }
}

/** Loads in the browser with the extension after `before()` changed its state; `after()` undoes it. */
export interface LoadVariant {
  before(): Promise<void>;
  after(): Promise<void>;
  waitFor: Ready;
}

/**
 * Loads the page in turn in the browser with the extension, the one without, and each reference
 * browser (a sidebar shown by a reference extension); the order rotates every round so drift on a
 * shared machine hits all of them. `warmup` rounds come first and are not recorded. Each of
 * `variants` adds loads in the browser with the extension, each right after its `before()` (e.g.
 * made the sidebar snapshot stale, or chose the side panel for the site), followed by its `after()`.
 */
export async function measureLoads<R extends string, V extends string>(options: {
  withExtension: BrowserContext;
  without: BrowserContext;
  references: Record<R, BrowserContext>;
  variants: Record<V, LoadVariant>;
  url: string;
  runs: number;
  warmup: number;
  settleMs: number;
  log: (line: string) => void;
}): Promise<{
  with: LoadSample[];
  without: LoadSample[];
  variants: Record<V, LoadSample[]>;
  references: Record<R, LoadSample[]>;
}> {
  const result = {
    with: [] as LoadSample[],
    without: [] as LoadSample[],
    variants: {} as Record<V, LoadSample[]>,
    references: {} as Record<R, LoadSample[]>,
  };
  type Kind = {
    samples: LoadSample[];
    context: BrowserContext;
    waitFor: Ready | null;
    before?: () => Promise<void>;
    after?: () => Promise<void>;
  };
  const kinds: Kind[] = [
    { samples: result.with, context: options.withExtension, waitFor: 'sidebar' },
    { samples: result.without, context: options.without, waitFor: null },
  ];
  for (const [name, variant] of Object.entries(options.variants) as Array<[V, LoadVariant]>) {
    result.variants[name] = [];
    kinds.push({ samples: result.variants[name], context: options.withExtension, ...variant });
  }
  for (const [name, context] of Object.entries(options.references) as Array<[R, BrowserContext]>) {
    result.references[name] = [];
    kinds.push({ samples: result.references[name], context, waitFor: 'sidebar' });
  }
  for (let round = 0; round < options.warmup + options.runs; round++) {
    const record = round >= options.warmup;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(round + k) % kinds.length] as Kind;
      await kind.before?.();
      const sample = await loadOnce(kind.context, options.url, {
        waitFor: kind.waitFor,
        settleMs: options.settleMs,
      });
      if (record) kind.samples.push(sample);
      await kind.after?.();
    }
    if (record && (round - options.warmup + 1) % 10 === 0) {
      options.log(`  ${round - options.warmup + 1}/${options.runs} loads each`);
    }
  }
  return result;
}

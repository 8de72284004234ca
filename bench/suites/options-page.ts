import type { ExtensionBrowser } from '../../scripts/harness/launch';
import { callSource, inPage } from '../lib/inpage';

/** When the options page painted first and when it showed its configuration (ms since navigation). */
export interface OptionsOpen {
  firstPaintMs: number;
  readyMs: number;
}

interface OptionsProbe {
  ready: number | null;
}

/**
 * Installed before the options page's script: the time its configuration is on screen, that is the
 * delivery status line has text, the tag rows are listed and no section still says "Loading…".
 */
function optionsProbe(): void {
  const probe: OptionsProbe = { ready: null };
  (window as unknown as { __bench: OptionsProbe }).__bench = probe;
  const observer = new MutationObserver(() => {
    const status = document.querySelector('#delivery [role=status]');
    const tags = document.querySelector('ul[aria-label="Tags"] li');
    const loading = [...document.querySelectorAll('.em-card p')].some((p) => p.textContent === 'Loading…');
    if (!status?.textContent || !tags || loading) return;
    probe.ready = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Opens options.html in a tab and times its first contentful paint and its configuration shown. */
export async function openOptions(browser: ExtensionBrowser): Promise<OptionsOpen> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript({ content: callSource(optionsProbe, undefined) });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return await inPage(
      page,
      (timeoutMs) =>
        new Promise<OptionsOpen>((resolve, reject) => {
          const deadline = performance.now() + timeoutMs;
          const poll = () => {
            const ready = (window as unknown as { __bench?: OptionsProbe }).__bench?.ready ?? null;
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            if (ready !== null && paint) resolve({ firstPaintMs: paint.startTime, readyMs: ready });
            else if (performance.now() > deadline)
              reject(new Error('the options page never showed its settings'));
            else setTimeout(poll, 20);
          };
          poll();
        }),
      20_000,
    );
  } finally {
    await page.close();
  }
}

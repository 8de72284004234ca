import type { Page, Worker } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import type { Endpoint } from '../../../lib/config/settings';
import { BatchSchema, type Item } from '../../../lib/schema';
import { DELIVERY_TUNING_KEY } from '../../../lib/storage-keys';
import type { ExtensionBrowser } from '../../../scripts/harness/launch';
import { seedSettings } from '../../../scripts/harness/launch';
import type { ReceivedRequest } from './receiver';

/** The agent every e2e test captures as. */
export const TEST_AGENT = { id: 'agent-7', name: 'Ada Agent', team: 'Tier 1' };

/** Seeds endpoints (and the test agent) and shrinks the retry schedule by `retryScale`. */
export async function configure(worker: Worker, endpoints: Endpoint[], retryScale = 1): Promise<void> {
  await seedSettings(worker, { endpoints, agent: TEST_AGENT });
  await worker.evaluate(
    async ([key, scale]) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({ [key]: { retryScale: scale } });
    },
    [DELIVERY_TUNING_KEY, retryScale] as const,
  );
  // Chrome answers the first managed-storage read seconds after start; wait for it here so tests
  // measure delivery, not browser start-up.
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } })
      .chrome;
    await api.storage.managed.get().catch(() => undefined);
  });
}

/** Opens one of the extension's own pages (popup.html, options.html) in a tab. */
export async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Captures through the same message the sidebar sends, from an extension page, n at a time;
 * `notes[i]`, when given, is the i-th capture's note. */
export async function captureMany(page: Page, tagIds: string[], notes: string[] = []): Promise<string[]> {
  return page.evaluate(
    async ([tags, notes]) => {
      const runtime = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              sendMessage(m: unknown): Promise<{ ok: boolean; value: { id: string }; error?: string }>;
            };
          };
        }
      ).chrome.runtime;
      const ids: string[] = [];
      for (const [index, tagId] of tags.entries()) {
        const reply = await runtime.sendMessage({
          type: 'capture',
          tagId,
          note: notes[index] ?? null,
          quote: null,
          context: {
            site: 'zendesk',
            url: 'https://acme.zendesk.com/agent/tickets/4821',
            title: 'Export',
            ticketId: '4821',
          },
        });
        if (!reply.ok) throw new Error(reply.error);
        ids.push(reply.value.id);
      }
      return ids;
    },
    [tagIds, notes] as const,
  );
}

/** Verifies every request's signature with the official library and returns all items received. */
export function verifiedItems(requests: ReceivedRequest[], secret: string): Item[] {
  return requests.flatMap((r) => {
    const batch = BatchSchema.parse(new Webhook(secret).verify(r.body, r.headers as Record<string, string>));
    return batch.items;
  });
}

/** Distinct item id + revision pairs among items (what a deduping receiver keeps). */
export function uniqueRevisions(items: Item[]): Set<string> {
  return new Set(items.map((i) => `${i.id}#${i.revision}`));
}

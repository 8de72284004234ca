import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/harness/launch';
import {
  captureMany,
  configure,
  openExtensionPage,
  uniqueRevisions,
  verifiedItems,
} from './support/extension';
import { openWithSidebar } from './support/pages';
import { startReceiver } from './support/receiver';
import { type Session, startSession } from './support/session';

/** Marks the running worker and closes its target over CDP; the next extension event starts a fresh one. */
async function killWorker(s: Session, page: Page): Promise<void> {
  await s.browser.worker.evaluate(() => {
    (globalThis as { __earmarkMarker?: string }).__earmarkMarker = 'old worker';
  });
  const cdp = await s.browser.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.includes(s.browser.extensionId),
    );
    expect(worker).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  } finally {
    await cdp.detach();
  }
}

/** Sends messages from an extension page until a fresh worker (no marker) answers them. */
async function untilFreshWorker(s: Session, popup: Page): Promise<void> {
  await expect
    .poll(async () => {
      await popup.evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime
          .sendMessage({ type: 'queue-health' })
          .catch(() => null),
      );
      return s.browser.worker.evaluate(
        () => (globalThis as { __earmarkMarker?: string }).__earmarkMarker ?? 'new',
      );
    })
    .toBe('new');
}

describe('delivery across worker and browser lifecycles', () => {
  it('service worker killed mid-request: everything is delivered after it restarts', async () => {
    const s = await startSession();
    try {
      s.receiver.script(['hang']);
      const popup = await openExtensionPage(s.browser, 'popup.html');
      await captureMany(popup, ['bug', 'praise']);
      await s.receiver.waitFor(() => true, 10_000); // the request is in flight, and hangs
      await killWorker(s, popup);
      // The next extension event (a message from the popup) starts a fresh worker.
      await untilFreshWorker(s, popup);
      await expect.poll(() => s.delivered(), { timeout: 15_000 }).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('service worker killed right after "Saved": the capture was committed and is delivered', async () => {
    const s = await startSession();
    try {
      // Nothing can be delivered before the kill: the capture exists only in IndexedDB.
      await s.receiver.down();
      const { page, sidebar } = await openWithSidebar(
        s.browser,
        'https://acme.zendesk.com/agent/tickets/4821',
      );
      await sidebar.getByRole('button', { name: 'Bug', exact: true }).click();
      await expect.poll(() => sidebar.getByRole('status').textContent(), { interval: 10 }).toBe('Saved: Bug');
      await killWorker(s, page);
      expect(s.receiver.requests).toHaveLength(0);
      await s.receiver.up();
      // Any extension event starts a fresh worker, which flushes what is due at start.
      const popup = await openExtensionPage(s.browser, 'popup.html');
      await untilFreshWorker(s, popup);
      await expect.poll(() => s.delivered(), { timeout: 20_000 }).toBe(1);
      const [item] = s.received();
      expect(item).toMatchObject({ tags: [{ id: 'bug' }], source: { ticketId: '4821' } });
    } finally {
      await s.close();
    }
  });

  it('browser restarted with a non-empty queue: delivered after the new launch', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'earmark-restart-'));
    const s = await startSession({ userDataDir: profile });
    try {
      await s.receiver.down();
      const popup = await openExtensionPage(s.browser, 'popup.html');
      await captureMany(popup, ['bug', 'chaser', 'praise']);
      await expect
        .poll(() => popup.getByRole('status').textContent(), { timeout: 10_000 })
        .toMatch(/^3 captures waiting/);
      await s.browser.close();
      await s.receiver.up();
      const relaunched = await launchWithExtension({
        hostResolverRules: s.crm.hostResolverRules,
        userDataDir: profile,
      });
      try {
        // Up to the 30 s alarm backstop on a loaded machine; onStartup normally makes it immediate.
        await expect.poll(() => s.delivered(), { timeout: 45_000 }).toBe(3);
      } finally {
        await relaunched.close();
      }
    } finally {
      await s.receiver.close();
      await s.crm.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('many flush triggers at once never send the same batch concurrently', async () => {
    const s = await startSession();
    try {
      let overlap = 0;
      const active = new Set<string>();
      s.receiver.fallback = ({ headers }) => {
        const id = String(headers['webhook-id']);
        if (active.has(id)) overlap++;
        active.add(id);
        setTimeout(() => active.delete(id), 1500);
        return { status: 200, delayMs: 1500 };
      };
      const popup = await openExtensionPage(s.browser, 'popup.html');
      await captureMany(popup, ['bug', 'praise', 'pricing', 'chaser', 'our-error']);
      await s.browser.worker.evaluate(() => {
        for (let i = 0; i < 10; i++) self.dispatchEvent(new Event('online'));
      });
      await Promise.all(
        Array.from({ length: 5 }, () =>
          popup.evaluate(() =>
            (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
            ).chrome.runtime.sendMessage({ type: 'dead-letters', action: 'retry' }),
          ),
        ),
      );
      await expect.poll(() => s.delivered(), { timeout: 20_000 }).toBe(5);
      expect(overlap).toBe(0);
      expect(s.received()).toHaveLength(5); // no duplicate at all
    } finally {
      await s.close();
    }
  });

  it('routing: each endpoint gets exactly its tags; one endpoint down does not delay the other', async () => {
    const s = await startSession();
    const second = await startReceiver();
    try {
      await second.down();
      await configure(
        s.browser.worker,
        [
          { ...s.endpoint, id: 'bugs', name: 'Bugs', tags: ['bug'] },
          { id: 'money', name: 'Money', url: second.url, secret: s.secret, tags: ['pricing', 'churn-risk'] },
        ],
        0.02,
      );
      const popup = await openExtensionPage(s.browser, 'popup.html');
      const started = Date.now();
      const [bugId, pricingId, , churnId] = await captureMany(popup, [
        'bug',
        'pricing',
        'praise',
        'churn-risk',
      ]);
      await expect.poll(() => s.delivered(), { timeout: 5_000 }).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      await second.up();
      await expect
        .poll(() => uniqueRevisions(verifiedItems(second.committed(), s.secret)).size, { timeout: 20_000 })
        .toBe(2);
      expect(s.received().map((i) => i.id)).toEqual([bugId]);
      expect(
        verifiedItems(second.committed(), s.secret)
          .map((i) => i.id)
          .sort(),
      ).toEqual([pricingId, churnId].sort());
    } finally {
      await second.close().catch(() => {});
      await s.close();
    }
  });
});

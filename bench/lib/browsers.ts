import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Worker } from 'playwright-core';
import { ensureChromium } from '../../scripts/harness/chromium';
import { chromiumArgs } from '../../scripts/harness/launch';
import { inPage } from './inpage';
import { sleep } from './stats';

/** Only loopback resolves (for browsers that visit no CRM page). */
export const LOOPBACK_ONLY = 'MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1';

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium as launchWithExtension starts it, without Earmark (optionally with other extensions). */
export async function launchPlain(options: {
  hostResolverRules: string;
  extensionDirs?: string[];
  extraArgs?: string[];
}): Promise<PlainBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'earmark-bench-'));
  const dirs = options.extensionDirs ?? [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(dirs.length
        ? [`--disable-extensions-except=${dirs.join(',')}`, `--load-extension=${dirs.join(',')}`]
        : []),
      ...chromiumArgs(options.hostResolverRules),
      ...(options.extraArgs ?? []),
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The extension's service-worker target, if one is running. */
export async function workerTarget(cdp: CDPSession, extensionId: string): Promise<TargetInfo | undefined> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
  );
}

/** A CDP session on a worker target, through a page's session (Playwright has none for workers). */
export interface WorkerCdp {
  send<T>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

/** Attaches to a service worker with the non-flat protocol (messages relayed through `cdp`). */
export async function attachToWorker(cdp: CDPSession, targetId: string): Promise<WorkerCdp> {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, { ok(v: unknown): void; fail(e: Error): void }>();
  const onMessage = (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.fail(new Error(message.error.message));
    else waiter.ok(message.result);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  return {
    send<T>(method: string, params: object = {}) {
      const id = ++nextId;
      return new Promise<T>((ok, fail) => {
        pending.set(id, { ok: ok as (v: unknown) => void, fail });
        cdp
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(fail);
      });
    },
    async detach() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    },
  };
}

/** The service worker's used JS heap in bytes, after a full GC. */
export async function workerHeapBytes(cdp: CDPSession, extensionId: string): Promise<number> {
  const target = await workerTarget(cdp, extensionId);
  if (!target) throw new Error('the extension has no running service worker');
  const session = await attachToWorker(cdp, target.targetId);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send<{ usedSize: number }>('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}

const MARKER = '__earmarkBenchMarker';

/**
 * Stops the extension's service worker (CDP Target.closeTarget) and waits until its target is gone.
 * A marker is left on the old worker's global first, so `isFreshWorker` can prove the restart.
 */
export async function killWorker(cdp: CDPSession, worker: Worker, extensionId: string): Promise<void> {
  await inPage(
    worker,
    (name) => {
      (globalThis as Record<string, unknown>)[name] = 'old worker';
    },
    MARKER,
  );
  const target = await workerTarget(cdp, extensionId);
  if (!target) throw new Error('no service worker to kill');
  // Wait for this worker to go; a new one may start at once on an event (a message, a storage
  // change), which the caller checks for before it relies on the worker being stopped. On a busy
  // shared machine the target has been seen to take more than 20 s to go right after a long
  // IndexedDB write (the 100k seed): the close is asked again every 2 s until it takes.
  const deadline = Date.now() + 60_000;
  let nextClose = 0;
  while ((await workerTarget(cdp, extensionId))?.targetId === target.targetId) {
    if (Date.now() > deadline)
      throw new Error('the service worker target is still there 60 s after closeTarget');
    if (Date.now() >= nextClose) {
      nextClose = Date.now() + 2_000;
      await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
    }
    await sleep(10);
  }
}

/** True when the running worker is not the one `killWorker` marked. */
export async function isFreshWorker(worker: Worker): Promise<boolean> {
  const marker = await inPage(
    worker,
    (name) => (globalThis as Record<string, unknown>)[name] ?? null,
    MARKER,
  );
  return marker === null;
}

/** Where Chromium reads managed policy; machine-wide, so another run's test policy affects ours. */
const POLICY_DIR = '/etc/chromium/policies/managed';

/** Policy files present now (an e2e test elsewhere on this machine may have written one). */
export function managedPolicyFiles(): string[] {
  return existsSync(POLICY_DIR) ? readdirSync(POLICY_DIR).filter((f) => f.endsWith('.json')) : [];
}

/** Waits (up to `timeoutMs`) until no managed policy file is present; false when one stayed. */
export async function waitForNoManagedPolicy(
  timeoutMs: number,
  log: (line: string) => void,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  while (managedPolicyFiles().length > 0) {
    if (!warned)
      log(`a managed policy (${managedPolicyFiles().join(', ')}) is present: waiting for it to go`);
    warned = true;
    if (Date.now() > deadline) return false;
    await sleep(500);
  }
  // Chromium picks a removed file up within about 5 s (browser-notes.md).
  if (warned) await sleep(6000);
  return true;
}

export interface PolicyWatch {
  seen(): boolean;
  stop(): void;
}

/** Polls for managed policy files until stopped; `seen()` tells whether one ever appeared. */
export function watchManagedPolicy(): PolicyWatch {
  let seen = managedPolicyFiles().length > 0;
  const timer = setInterval(() => {
    if (managedPolicyFiles().length > 0) seen = true;
  }, 200);
  return {
    seen: () => seen,
    stop: () => clearInterval(timer),
  };
}

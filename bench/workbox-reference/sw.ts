// The drain reference: workbox-background-sync's Queue, replaying queued requests one by one.
// Bundled by bench/lib/build.ts with esbuild and served from a loopback origin by the bench.
import { Queue } from 'workbox-background-sync';

/** The slice of the service-worker global used here (the root tsconfig has no WebWorker lib). */
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}
interface ExtendableEvent {
  waitUntil(promise: Promise<unknown>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: Command;
  source: { postMessage(message: unknown): void } | null;
}

/** A request as the bench hands it over: the same signed body and headers Earmark would send. */
export interface QueuedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}
export type Command = { id: number; op: 'push'; requests: QueuedRequest[] } | { id: number; op: 'replay' };

const scope = self as unknown as WorkerScope;
// Without a Background Sync API to wait for, replay is started by the bench (forceSyncFallback).
const queue = new Queue('earmark-bench', { forceSyncFallback: true });

scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
scope.addEventListener('message', (event) => {
  const command = event.data;
  const work = async () => {
    if (command.op === 'push') {
      await Promise.all(
        command.requests.map((r) =>
          queue.pushRequest({
            request: new Request(r.url, { method: 'POST', headers: r.headers, body: r.body }),
          }),
        ),
      );
      return { size: await queue.size() };
    }
    const started = performance.now();
    await queue.replayRequests();
    return { ms: performance.now() - started, size: await queue.size() };
  };
  event.waitUntil(
    work().then(
      (result) => event.source?.postMessage({ id: command.id, result }),
      (error: unknown) => event.source?.postMessage({ id: command.id, error: String(error) }),
    ),
  );
});

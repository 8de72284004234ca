import type { FlushResult } from './delivery';

/** Name of the backstop alarm that wakes the worker to flush (Chrome's minimum period is 30 s). */
export const FLUSH_ALARM = 'earmark-flush';
/** Retries due sooner than this run on an in-worker timer; later ones are left to the alarm. */
export const TIMER_HORIZON_MS = 60_000;

export interface FlushScheduler {
  /** Asks for a flush soon; bursts of requests coalesce into one run. */
  request(): void;
  /** Resolves when no flush is running or queued (for tests and shutdown). */
  idle(): Promise<void>;
}

/**
 * Runs flushes one at a time: a request during a run schedules one more run afterwards, and a
 * retry due within TIMER_HORIZON_MS is scheduled on a timer while the worker stays alive.
 */
export function createFlushScheduler(
  run: () => Promise<FlushResult>,
  now: () => number = Date.now,
  debounceMs = 100,
): FlushScheduler {
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const start = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .then((result) => {
        if (result.nextDueAt === null) return;
        const delay = Math.max(0, result.nextDueAt - now());
        if (delay > TIMER_HORIZON_MS) return;
        clearTimeout(retry);
        retry = setTimeout(start, delay + 50);
      })
      .catch((error: unknown) => console.error('Earmark: flush failed', error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          start();
        }
      });
  };

  return {
    request() {
      clearTimeout(debounce);
      debounce = setTimeout(start, debounceMs);
    },
    async idle() {
      while (running) await running;
    },
  };
}

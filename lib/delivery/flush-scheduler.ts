import type { FlushResult } from './';

/** Name of the backstop alarm that wakes the worker to flush (Chrome's minimum period is 30 s). */
export const FLUSH_ALARM = 'earmark-flush';
/** Retries due sooner than this run on an in-worker timer; later ones are left to the alarm. */
export const TIMER_HORIZON_MS = 60_000;
/** After a capture, wait this long so a burst of captures travels as one batch. */
export const CAPTURE_COALESCE_MS = 1000;

export interface FlushScheduler {
  /** Asks for a flush within `withinMs`; an earlier pending request is never postponed. */
  request(withinMs?: number): void;
  /** Resolves when no flush is running (for tests and shutdown). */
  idle(): Promise<void>;
}

/**
 * Runs flushes one at a time: a request during a run schedules one more run afterwards, and a
 * retry due within TIMER_HORIZON_MS is scheduled on a timer while the worker stays alive.
 */
export function createFlushScheduler(
  run: () => Promise<FlushResult>,
  now: () => number = Date.now,
): FlushScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDueAt = Number.POSITIVE_INFINITY;
  let running: Promise<void> | null = null;
  let again = false;

  const schedule = (delayMs: number): void => {
    const dueAt = now() + delayMs;
    if (timer !== undefined && timerDueAt <= dueAt) return;
    clearTimeout(timer);
    timerDueAt = dueAt;
    timer = setTimeout(() => {
      timer = undefined;
      timerDueAt = Number.POSITIVE_INFINITY;
      start();
    }, delayMs);
  };

  const start = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .then((result) => {
        if (result.nextDueAt === null) return;
        const delay = Math.max(0, result.nextDueAt - now());
        if (delay <= TIMER_HORIZON_MS) schedule(delay + 20);
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
    request(withinMs = 0) {
      schedule(withinMs);
    },
    async idle() {
      while (running) await running;
    },
  };
}

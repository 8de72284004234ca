import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlushResult } from '../../lib/delivery';
import { createFlushScheduler } from '../../lib/delivery/flush-scheduler';

describe('flush scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of requests into one flush', async () => {
    const run = vi.fn(async (): Promise<FlushResult> => ({ delivered: 1, failed: 0, nextDueAt: null }));
    const scheduler = createFlushScheduler(run);
    for (let i = 0; i < 10; i++) {
      scheduler.request(1000);
      await vi.advanceTimersByTimeAsync(90);
    }
    expect(run).not.toHaveBeenCalled();
    // A stream of requests does not postpone the first one: it runs 1 s after the first.
    await vi.advanceTimersByTimeAsync(150);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs once more when asked during a flush, never two at once', async () => {
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(async (): Promise<FlushResult> => {
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, 1000));
      active--;
      return { delivered: 0, failed: 0, nextDueAt: null };
    });
    const scheduler = createFlushScheduler(run);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(200);
    scheduler.request();
    scheduler.request();
    await vi.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
  });

  it('schedules a near retry on a timer and leaves a far one to the alarm', async () => {
    let next: number | null = Date.now() + 5000;
    const run = vi.fn(async (): Promise<FlushResult> => {
      const result = { delivered: 0, failed: 1, nextDueAt: next };
      next = Date.now() + 10 * 60_000;
      return result;
    });
    createFlushScheduler(run).request();
    await vi.advanceTimersByTimeAsync(6000);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe('flush scheduler priorities', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('an immediate request overtakes a pending delayed one', async () => {
    const run = vi.fn(async (): Promise<FlushResult> => ({ delivered: 0, failed: 0, nextDueAt: null }));
    const scheduler = createFlushScheduler(run);
    scheduler.request(1000);
    scheduler.request(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('config cache', () => {
  it('loads once, reloads after invalidate, and retries after a failed load', async () => {
    const { createConfigCache } = await import('../../lib/config/store');
    let calls = 0;
    const cache = createConfigCache(async () => {
      calls++;
      if (calls === 3) throw new Error('storage unavailable');
      return { calls } as never;
    });
    await cache.get();
    await cache.get();
    expect(calls).toBe(1);
    cache.invalidate();
    await cache.get();
    expect(calls).toBe(2);
    cache.invalidate();
    await expect(cache.get()).rejects.toThrow('storage unavailable');
    await cache.get();
    expect(calls).toBe(4);
  });
});

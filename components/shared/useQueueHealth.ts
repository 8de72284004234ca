import { useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/protocol/client';
import type { QueueHealth } from '@/lib/protocol/messages';

const REFRESH_MS = 2000;

// One poll per page, however many parts of it show the queue (the options page's delivery panel
// and its endpoint cards): each asking on its own doubled the worker's work for nothing.

interface HealthState {
  health: QueueHealth | null;
  /** The worker did not answer the last time it was asked. */
  error: string | null;
}

const listeners = new Set<(state: HealthState) => void>();
let state: HealthState = { health: null, error: null };
let timer: ReturnType<typeof setInterval> | undefined;
let asking: Promise<void> | null = null;

/** Asks the worker once (a request already on its way is shared) and tells every part of the page. */
function refresh(): Promise<void> {
  asking ??= sendToBackground('queue-health', {})
    .then(
      (health) => {
        state = { health, error: null };
      },
      (e: unknown) => {
        state = { ...state, error: String(e) };
      },
    )
    .finally(() => {
      asking = null;
      for (const listener of listeners) listener(state);
    });
  return asking;
}

/** Starts the page's poll with its first listener and stops it with its last. */
function subscribe(listener: (state: HealthState) => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    void refresh();
    timer = setInterval(refresh, REFRESH_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/**
 * The worker's queue health (what waits, each endpoint's state, dead letters), asked again every
 * 2 s while the page shows it; `error` while the worker does not answer.
 */
export function useQueueHealth(): HealthState & { refresh(): Promise<void> } {
  const [current, setCurrent] = useState<HealthState>(state);
  useEffect(() => subscribe(setCurrent), []);
  return { ...current, refresh };
}

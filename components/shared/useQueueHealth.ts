import { useCallback, useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/protocol/client';
import type { QueueHealth } from '@/lib/protocol/messages';

const REFRESH_MS = 2000;

/**
 * The worker's queue health (what waits, each endpoint's state, dead letters), asked again every
 * 2 s while the page is open; `error` when the worker does not answer.
 */
export function useQueueHealth(): {
  health: QueueHealth | null;
  error: string | null;
  refresh(): Promise<void>;
} {
  const [health, setHealth] = useState<QueueHealth | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(
    () => sendToBackground('queue-health', {}).then(setHealth, (e: unknown) => setError(String(e))),
    [],
  );
  useEffect(() => {
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { health, error, refresh };
}

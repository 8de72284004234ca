import { useEffect, useState } from 'react';
import { type PanelTarget, readTarget, sameTarget, type TabReader } from '@/lib/sidepanel/panel-target';

/** How often the panel re-reads the active tab: a CRM's in-app navigation fires no tab event. */
export const TARGET_POLL_MS = 1000;

/** Calls back when the active tab of the panel's window may have changed; returns the unsubscribe. */
export type TabChanges = (listener: () => void) => () => void;

/**
 * The page the panel captures for, following the agent: re-read when the browser reports a tab
 * switch or a tab update in the panel's window, and every TARGET_POLL_MS while the panel is shown.
 * Null until the first read is in.
 */
export function useActiveTarget(reader: TabReader, tabChanges: TabChanges): PanelTarget | null {
  const [target, setTarget] = useState<PanelTarget | null>(null);
  useEffect(() => {
    let stopped = false;
    let reading = false;
    let again = false; // a change reported during a read: read once more after it
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const next = await readTarget(reader);
          // An unchanged answer keeps the same state, so the panel does not re-render.
          if (!stopped) setTarget((previous) => (sameTarget(previous, next) ? previous : next));
        } while (again && !stopped);
      } finally {
        reading = false;
      }
    };
    void refresh();
    const unsubscribe = tabChanges(() => void refresh());
    const timer = setInterval(() => void refresh(), TARGET_POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      stopped = true;
      unsubscribe();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reader, tabChanges]);
  return target;
}

import type { QueueHealth } from '@/lib/protocol/messages';
import { ago } from './format-time';

/** The two lines that open the delivery panel: what waits (the status) and the last delivery. */
export interface DeliverySummary {
  status: string;
  lastDelivery: string;
}

/**
 * The delivery panel's opening lines, worded so they never contradict each other: "All captures
 * delivered" only once something was delivered and nothing waits; with nothing ever delivered and
 * nothing waiting, it says just that.
 */
export function deliverySummary(
  health: Pick<QueueHealth, 'pendingItems' | 'oldestPendingAt' | 'lastSyncAt'>,
  now: number = Date.now(),
): DeliverySummary {
  const lastDelivery = health.lastSyncAt
    ? `Last delivery ${ago(health.lastSyncAt, now)}.`
    : 'Nothing delivered yet.';
  if (health.pendingItems === 0) {
    return { status: health.lastSyncAt ? 'All captures delivered.' : 'No captures waiting.', lastDelivery };
  }
  const n = health.pendingItems;
  const oldest = health.oldestPendingAt
    ? `, oldest captured ${ago(Date.parse(health.oldestPendingAt), now)}`
    : '';
  return { status: `${n} ${n === 1 ? 'capture' : 'captures'} waiting${oldest}`, lastDelivery };
}

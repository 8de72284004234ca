import { describe, expect, it } from 'vitest';
import { deliverySummary } from '../../components/shared/delivery-summary';

// The popup's and options page's delivery lines never contradict each other (issue 21).
const now = Date.parse('2026-12-07T12:00:00.000Z');
const minutesAgo = (m: number) => now - m * 60_000;

describe('delivery summary', () => {
  it('says all captures were delivered only when something was and nothing waits', () => {
    expect(
      deliverySummary({ pendingItems: 0, oldestPendingAt: null, lastSyncAt: minutesAgo(3) }, now),
    ).toEqual({
      status: 'All captures delivered.',
      lastDelivery: 'Last delivery 3 min ago.',
    });
  });

  it('says nothing waits, not that all was delivered, when nothing was ever delivered', () => {
    expect(deliverySummary({ pendingItems: 0, oldestPendingAt: null, lastSyncAt: null }, now)).toEqual({
      status: 'No captures waiting.',
      lastDelivery: 'Nothing delivered yet.',
    });
  });

  it('counts what waits, with the oldest capture’s age', () => {
    const oldest = new Date(minutesAgo(120)).toISOString();
    expect(deliverySummary({ pendingItems: 1, oldestPendingAt: oldest, lastSyncAt: null }, now).status).toBe(
      '1 capture waiting, oldest captured 2 h ago',
    );
    expect(
      deliverySummary({ pendingItems: 3, oldestPendingAt: null, lastSyncAt: minutesAgo(1) }, now),
    ).toEqual({ status: '3 captures waiting', lastDelivery: 'Last delivery 1 min ago.' });
  });
});

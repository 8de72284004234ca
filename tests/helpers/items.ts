import { uuidv7 } from 'uuidv7';
import type { Item } from '../../lib/schema';

/** A valid item, with any field overridden. */
export function makeItem(overrides: Partial<Item> = {}): Item {
  const at = new Date('2026-11-23T10:00:00.000Z').toISOString();
  return {
    id: uuidv7(),
    revision: 1,
    deleted: false,
    capturedAt: at,
    updatedAt: at,
    tags: [{ id: 'feature-request', label: 'Feature request', category: 'Customer insight' }],
    note: 'wants CSV export',
    quote: null,
    source: {
      site: 'zendesk',
      url: 'https://acme.zendesk.com/agent/tickets/4821',
      title: 'Export',
      ticketId: '4821',
    },
    agent: { id: 'a-1', name: 'Ada Agent', team: 'Tier 1' },
    redactions: 0,
    ...overrides,
  };
}

/** A fixed, valid Standard Webhooks secret for tests. */
export const TEST_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

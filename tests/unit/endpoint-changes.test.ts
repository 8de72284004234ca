import { uuidv7 } from 'uuidv7';
import { describe, expect, it, vi } from 'vitest';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import type { EffectiveConfig } from '../../lib/config/policy';
import type { Endpoint } from '../../lib/config/settings';
import { createAdminHandlers } from '../../lib/delivery/admin-handlers';
import { applyEndpointChanges, removedEndpointReason } from '../../lib/delivery/endpoint-changes';
import { leaseDueRows } from '../../lib/delivery/lease';
import { NEVER, settleFailed } from '../../lib/delivery/settle';
import { dispatch, type RequestOf, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { pendingItemCount } from '../../lib/store/pending-count';
import { testConfig } from '../helpers/config';
import { TICKET_CONTEXT } from '../helpers/context';
import { TEST_SECRET } from '../helpers/items';

// Endpoints come and go (options page, import, policy); the queue follows them. A capture no
// endpoint takes is saved and waits, and is routed once one is added; rows of an endpoint that left
// are parked as dead letters with the reason, so an admin can export or discard them.

const NOW = 1_000_000;
const endpoint = (id: string, tags?: string[]): Endpoint => ({
  id,
  name: id,
  url: `http://127.0.0.1:8787/${id}`,
  secret: TEST_SECRET,
  ...(tags ? { tags } : {}),
});
const capture = (tagId: string): RequestOf<'capture'> => ({
  type: 'capture',
  tagId,
  note: null,
  quote: null,
  context: TICKET_CONTEXT,
});

async function setup(endpoints: Endpoint[]) {
  const db = await openEarmarkDB(`endpoint-changes-${Math.random()}`);
  let config: EffectiveConfig = testConfig({ endpoints });
  const base = { db: async () => db, loadConfig: async () => config, now: () => NOW, onQueued: vi.fn() };
  const handlers = { ...createCaptureHandlers({ ...base, newId: uuidv7 }), ...createAdminHandlers(base) };
  // The sender's URL is the CRM page's, as far as the site scope of "recent" goes.
  const send = async <T extends 'capture' | 'queue-health' | 'dead-letters' | 'recent' | 'revise' | 'undo'>(
    type: T,
    request: object,
  ) =>
    unwrapReply(
      type,
      await dispatch(handlers, { type, ...request }, { url: TICKET_CONTEXT.url }, 'extension-page'),
    );
  const configure = async (next: Endpoint[]) => {
    config = testConfig({ endpoints: next });
    return applyEndpointChanges(db, next, NOW + 1);
  };
  return { db, send, configure };
}

describe('a capture no endpoint takes', () => {
  it('is saved waiting for an endpoint, and routed with its latest revision once one is added', async () => {
    const t = await setup([]);
    const saved = await t.send('capture', capture('bug'));
    expect(saved).toMatchObject({ tagLabel: 'Bug', routed: false });
    expect(await t.db.get('items', saved.id)).toMatchObject({ unrouted: 1 });
    expect(await t.db.count('outbox')).toBe(0);
    expect(await pendingItemCount(t.db)).toBe(0);
    expect(await t.send('queue-health', {})).toMatchObject({ unroutedItems: 1, pendingItems: 0 });
    const [entry] = (await t.send('recent', { limit: 5 })).entries;
    expect(entry).toMatchObject({
      status: 'Needs attention',
      detail: expect.stringMatching(/waiting for an endpoint/),
    });

    // Edited while waiting: still waiting, and the edit is what is sent later.
    await t.send('revise', { id: saved.id, change: { kind: 'note', note: 'edited' } });
    expect(await t.db.get('items', saved.id)).toMatchObject({ unrouted: 1, item: { revision: 2 } });

    // An endpoint for other tags leaves it waiting; one for its tag routes it.
    expect(await t.configure([endpoint('money', ['pricing'])])).toEqual({ routed: 0, parked: 0, revived: 0 });
    expect(await t.configure([endpoint('money', ['pricing']), endpoint('bugs', ['bug'])])).toMatchObject({
      routed: 1,
    });
    const stored = await t.db.get('items', saved.id);
    expect(stored?.unrouted).toBeUndefined();
    expect(stored?.pending).toBe(1);
    expect(await t.db.getAllFromIndex('outbox', 'by-item', saved.id)).toEqual([
      expect.objectContaining({ endpointId: 'bugs', revision: 2, nextAttemptAt: NOW + 1, attempts: 0 }),
    ]);
    expect(await pendingItemCount(t.db)).toBe(1);
    expect(await t.send('queue-health', {})).toMatchObject({ unroutedItems: 0, pendingItems: 1 });
    // Routed now: a new capture of that tag is routed at once.
    expect(await t.send('capture', capture('bug'))).toMatchObject({ routed: true });
  });

  it('undone while waiting, has nothing left to send', async () => {
    const t = await setup([]);
    const saved = await t.send('capture', capture('bug'));
    await t.send('undo', { id: saved.id });
    expect((await t.db.get('items', saved.id))?.unrouted).toBeUndefined();
    expect(await t.configure([endpoint('hub')])).toMatchObject({ routed: 0 });
    expect(await t.db.count('outbox')).toBe(0);
  });
});

describe('rows of an endpoint that was removed', () => {
  it('are parked as dead letters with the reason, which retry leaves parked and discard clears', async () => {
    const t = await setup([endpoint('hub'), endpoint('other')]);
    const saved = await t.send('capture', capture('bug'));
    expect(await t.configure([endpoint('other')])).toEqual({ routed: 0, parked: 1, revived: 0 });
    const row = await t.db.get('outbox', [saved.id, 'hub']);
    expect(row).toMatchObject({
      parkedAt: NOW + 1,
      parkedReason: removedEndpointReason('hub'),
      parkedForRemoval: true,
      nextAttemptAt: NEVER,
    });
    expect(removedEndpointReason('hub')).toMatch(/"hub" was removed/);
    // Still owed to "other": that row is untouched.
    expect(await t.db.get('outbox', [saved.id, 'other'])).not.toHaveProperty('parkedAt');

    const health = await t.send('queue-health', {});
    expect(health).toMatchObject({
      parkedRows: 1,
      parkedReasons: [{ reason: removedEndpointReason('hub'), count: 1 }],
    });
    const exported = await t.send('dead-letters', { action: 'export' });
    expect(exported.letters).toEqual([
      expect.objectContaining({ endpointId: 'hub', reason: removedEndpointReason('hub') }),
    ]);
    // Nothing could send it: retry leaves it parked.
    expect(await t.send('dead-letters', { action: 'retry' })).toEqual({ count: 0 });
    expect((await t.db.get('outbox', [saved.id, 'hub']))?.parkedAt).toBe(NOW + 1);
    expect(await t.send('dead-letters', { action: 'discard' })).toEqual({ count: 1 });
    expect(await t.db.count('outbox')).toBe(1);
    expect(await pendingItemCount(t.db)).toBe(1); // still owed to "other"
  });

  it('go back to the queue when their endpoint comes back (a policy that was briefly missing)', async () => {
    const t = await setup([endpoint('hub')]);
    const saved = await t.send('capture', capture('bug'));
    await t.configure([]);
    expect((await t.db.get('outbox', [saved.id, 'hub']))?.parkedForRemoval).toBe(true);
    expect(await t.configure([endpoint('hub')])).toEqual({ routed: 0, parked: 0, revived: 1 });
    const row = await t.db.get('outbox', [saved.id, 'hub']);
    expect(row).toMatchObject({ nextAttemptAt: NOW + 1, attempts: 0, batchId: null });
    expect(row).not.toHaveProperty('parkedAt');
    expect(row).not.toHaveProperty('parkedForRemoval');
    // And they are leased again.
    const lease = await leaseDueRows(
      { db: t.db, endpoints: [endpoint('hub')], fetch, now: () => NOW + 2, newBatchId: uuidv7 },
      NOW + 2,
      { limit: 10, skipBatchIds: new Set(), held: 0 },
    );
    expect(lease.batches.flatMap((b) => b.rows.map((r) => r.itemId))).toEqual([saved.id]);
  });

  it('parked while in flight, stay parked when that attempt fails', async () => {
    const t = await setup([endpoint('hub')]);
    const saved = await t.send('capture', capture('bug'));
    const lease = await leaseDueRows(
      { db: t.db, endpoints: [endpoint('hub')], fetch, now: () => NOW, newBatchId: uuidv7 },
      NOW,
      { limit: 10, skipBatchIds: new Set(), held: 0 },
    );
    await t.configure([]);
    const rows = lease.batches.flatMap((b) => b.rows);
    const retry = { kind: 'retry', error: 'HTTP 503', countsAsAttempt: true, retryAfterMs: null } as const;
    await settleFailed(t.db, rows, retry, NOW + 5, uuidv7, 1, null);
    expect(await t.db.get('outbox', [saved.id, 'hub'])).toMatchObject({
      parkedReason: removedEndpointReason('hub'),
      nextAttemptAt: NEVER,
      attempts: 0,
    });
  });
});

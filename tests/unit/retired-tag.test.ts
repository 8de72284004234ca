import { Webhook } from 'standardwebhooks';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAXONOMY, type Endpoint } from '../../lib/config/settings';
import { retireTag } from '../../lib/config/taxonomy-edit';
import { flush } from '../../lib/delivery';
import { BatchSchema } from '../../lib/schema';
import { openEarmarkDB } from '../../lib/store/db';
import { dropExported, exportQueued, queuedCount } from '../../lib/store/endpoint-queue';
import { queueStats, saveRevision } from '../../lib/store/queue';
import { makeItem, TEST_SECRET } from '../helpers/items';

const hub: Endpoint = { id: 'hub', name: 'Hub', url: 'https://hub.example.com/hook', secret: TEST_SECRET };

/** A receiver that accepts everything and keeps what it got. */
function recording() {
  const requests: Array<{ headers: Record<string, string>; body: string }> = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    requests.push({ headers: init.headers as Record<string, string>, body: init.body as string });
    return new Response('{"ok":true}', { status: 200 });
  }) as unknown as typeof fetch;
  return { requests, fetchImpl };
}

describe('config changes never change or lose queued captures', () => {
  it('a queued item whose tag was retired is still delivered, unchanged', async () => {
    const db = await openEarmarkDB(`retired-${Math.random()}`);
    const item = makeItem({ tags: [{ id: 'bug', label: 'Bug', category: 'Customer insight' }] });
    await saveRevision(db, item, ['hub'], 0);
    const retired = retireTag(DEFAULT_TAXONOMY, 'bug');
    expect(retired.ok && retired.taxonomy.some((t) => t.id === 'bug')).toBe(false);

    const { requests, fetchImpl } = recording();
    // Delivery reads only the stored item and the endpoints: the taxonomy in force plays no part.
    const result = await flush({ db, endpoints: [hub], fetch: fetchImpl, now: Date.now, newBatchId: uuidv7 });
    expect(result.delivered).toBe(1);
    const [request] = requests;
    const batch = BatchSchema.parse(new Webhook(TEST_SECRET).verify(request!.body, request!.headers));
    expect(batch.items).toEqual([item]);
    expect((await queueStats(db)).pendingItems).toBe(0);
  });

  it('deleting an endpoint: counts its rows, exports them, drops exactly those, keeps the others', async () => {
    const db = await openEarmarkDB(`endpoint-queue-${Math.random()}`);
    const both = makeItem();
    const onlyHub = makeItem();
    await saveRevision(db, both, ['hub', 'other'], 0);
    await saveRevision(db, onlyHub, ['hub'], 0);
    expect(await queuedCount(db, 'hub')).toBe(2);
    expect(await queuedCount(db, 'other')).toBe(1);

    const exported = await exportQueued(db, 'hub', Date.parse('2026-11-23T10:00:00Z'));
    expect(exported.items.map((i) => i.id).sort()).toEqual([both.id, onlyHub.id].sort());
    expect(await queuedCount(db, 'hub')).toBe(2); // exporting changes nothing

    expect(await dropExported(db, exported)).toBe(0);
    expect(await queuedCount(db, 'hub')).toBe(0);
    expect(await queuedCount(db, 'other')).toBe(1);
    // `both` still waits for "other"; `onlyHub` is owed to nobody now.
    expect((await db.get('items', both.id))?.pending).toBe(1);
    expect((await db.get('items', onlyHub.id))?.pending).toBeUndefined();
    expect((await queueStats(db)).pendingItems).toBe(1);
  });

  it('a revision queued after the export is not dropped, and is reported', async () => {
    const db = await openEarmarkDB(`endpoint-race-${Math.random()}`);
    const item = makeItem();
    await saveRevision(db, item, ['hub'], 0);
    const exported = await exportQueued(db, 'hub', 0);
    await saveRevision(db, { ...item, revision: 2, note: 'edited after the export' }, ['hub'], 1);
    const late = makeItem();
    await saveRevision(db, late, ['hub'], 2);
    expect(await dropExported(db, exported)).toBe(2);
    expect(await queuedCount(db, 'hub')).toBe(2);
  });
});

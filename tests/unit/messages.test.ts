import { uuidv7 } from 'uuidv7';
import { describe, expect, it, vi } from 'vitest';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { dispatch, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { testConfig } from '../helpers/config';
import { TEST_SECRET } from '../helpers/items';

const config = testConfig();

const context = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821?token=abc#x',
  title: 'Export to CSV',
  ticketId: '4821',
} as const;

/** The sender of the sidebar's messages: a content script on the ticket's page. */
const page = { url: context.url };

async function setup() {
  const db = await openEarmarkDB(`messages-${Math.random()}`);
  const onQueued = vi.fn();
  const handlers = createCaptureHandlers({
    db: async () => db,
    loadConfig: async () => config,
    now: () => Date.parse('2026-11-23T10:00:00Z'),
    newId: uuidv7,
    onQueued,
  });
  return { db, handlers, onQueued };
}

const malformed: Array<[string, unknown]> = [
  ['not an object', 'capture'],
  ['null', null],
  ['unknown type', { type: 'drop-tables' }],
  ['missing tag', { type: 'capture', note: null, quote: null, context }],
  ['tag of wrong type', { type: 'capture', tagId: 7, note: null, quote: null, context }],
  [
    'bad url',
    { type: 'capture', tagId: 'bug', note: null, quote: null, context: { ...context, url: 'nope' } },
  ],
  [
    'unknown site',
    { type: 'capture', tagId: 'bug', note: null, quote: null, context: { ...context, site: 'x' } },
  ],
  ['extra field', { type: 'capture', tagId: 'bug', note: null, quote: null, context, secret: 'x' }],
  ['huge note', { type: 'capture', tagId: 'bug', note: 'x'.repeat(20_000), quote: null, context }],
  ['undo with bad id', { type: 'undo', id: '../../etc' }],
];

describe('message validation', () => {
  it.each(malformed)('rejects %s with a typed error and stores nothing', async (_name, message) => {
    const { db, handlers, onQueued } = await setup();
    const reply = await dispatch(handlers, message, {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/invalid message|no handler/);
    expect(await db.count('items')).toBe(0);
    expect(await db.count('outbox')).toBe(0);
    expect(onQueued).not.toHaveBeenCalled();
  });

  it('rejects an unknown tag id as a typed error, storing nothing', async () => {
    const { db, handlers } = await setup();
    const reply = await dispatch(
      handlers,
      { type: 'capture', tagId: 'nope', note: null, quote: null, context },
      {},
    );
    expect(reply).toEqual({ ok: false, error: 'unknown tag "nope"' });
    expect(await db.count('items')).toBe(0);
  });

  it('stores a valid capture with its outbox row and trims the URL', async () => {
    const { db, handlers, onQueued } = await setup();
    const message = {
      type: 'capture',
      tagId: 'bug',
      note: 'mail me at jane.doe@example.com',
      quote: null,
      context,
    };
    const value = unwrapReply('capture', await dispatch(handlers, message, {}));
    expect(value.tagLabel).toBe('Bug');
    const stored = await db.get('items', value.id);
    expect(stored?.item).toMatchObject({
      revision: 1,
      note: 'mail me at [email]',
      redactions: 1,
      source: { site: 'zendesk', ticketId: '4821', url: 'https://acme.zendesk.com/agent/tickets/4821' },
      agent: config.agent,
    });
    expect(await db.count('outbox')).toBe(1);
    expect(onQueued).toHaveBeenCalledOnce();
  });

  it('refuses a ticket context carrying a customer name, storing nothing (docs/privacy.md)', async () => {
    const { db, handlers, onQueued } = await setup();
    const message = {
      type: 'capture',
      tagId: 'bug',
      note: null,
      quote: null,
      context: { ...context, customer: 'Jane Doe' },
    };
    const reply = await dispatch(handlers, message, {});
    expect(reply.ok).toBe(false);
    expect(await db.count('items')).toBe(0);
    expect(onQueued).not.toHaveBeenCalled();
  });

  it('undo writes a tombstone revision queued for delivery, and hides it from recent', async () => {
    const { db, handlers } = await setup();
    const captured = unwrapReply(
      'capture',
      await dispatch(handlers, { type: 'capture', tagId: 'bug', note: null, quote: null, context }, page),
    );
    await db.clear('outbox'); // as if revision 1 was already delivered
    unwrapReply('undo', await dispatch(handlers, { type: 'undo', id: captured.id }, page));
    expect((await db.get('items', captured.id))?.item).toMatchObject({ revision: 2, deleted: true });
    expect((await db.getAll('outbox')).map((r) => r.revision)).toEqual([2]);
    const recent = unwrapReply('recent', await dispatch(handlers, { type: 'recent', limit: 10 }, page));
    expect(recent.entries).toEqual([]);
  });

  it('sidebar-config never carries endpoints or secrets', async () => {
    const { handlers } = await setup();
    const reply = await dispatch(handlers, { type: 'sidebar-config' }, {});
    expect(JSON.stringify(reply)).not.toContain(TEST_SECRET);
    expect(JSON.stringify(reply)).not.toContain('endpoints');
    expect(unwrapReply('sidebar-config', reply).taxonomy).toHaveLength(DEFAULT_TAXONOMY.length);
  });

  it('no reply a content script can obtain ever carries an endpoint secret or URL', async () => {
    const { handlers } = await setup();
    const captured = unwrapReply(
      'capture',
      await dispatch(handlers, { type: 'capture', tagId: 'bug', note: 'n', quote: 'q', context }, page),
    );
    const requests = [
      { type: 'sidebar-config' },
      { type: 'recent', limit: 50 },
      { type: 'capture', tagId: 'praise', note: null, quote: null, context },
      { type: 'revise', id: captured.id, change: { kind: 'note', note: 'edited' } },
      { type: 'undo', id: captured.id },
      { type: 'queue-health' },
      { type: 'dead-letters', action: 'export' },
    ];
    for (const request of requests) {
      const reply = JSON.stringify(await dispatch(handlers, request, page, 'content-script'));
      expect(reply, request.type).not.toContain(TEST_SECRET);
      expect(reply, request.type).not.toContain('whsec_');
      expect(reply, request.type).not.toContain(config.endpoints[0]!.url);
    }
  });

  it('recent reports Queued for an undelivered capture', async () => {
    const { handlers } = await setup();
    await dispatch(handlers, { type: 'capture', tagId: 'praise', note: null, quote: null, context }, page);
    const recent = unwrapReply('recent', await dispatch(handlers, { type: 'recent', limit: 10 }, page));
    expect(recent.entries).toEqual([expect.objectContaining({ tags: ['Praise'], status: 'Queued' })]);
  });

  it('a malformed reply is reported, not trusted', () => {
    expect(() => unwrapReply('capture', { ok: true, value: { id: 1 } })).toThrow(/malformed reply/);
    expect(() => unwrapReply('capture', { ok: false, error: 'disk full' })).toThrow('disk full');
  });

  it('revise edits the note (redacted) or deletes, each as a new queued revision', async () => {
    const { db, handlers } = await setup();
    const { id } = unwrapReply(
      'capture',
      await dispatch(handlers, { type: 'capture', tagId: 'bug', note: 'first', quote: null, context }, {}),
    );
    await db.clear('outbox');
    const edited = await dispatch(
      handlers,
      { type: 'revise', id, change: { kind: 'note', note: 'call +44 20 7946 0958 back' } },
      {},
    );
    expect(unwrapReply('revise', edited)).toEqual({ id, revision: 2 });
    expect((await db.get('items', id))?.item).toMatchObject({
      revision: 2,
      note: 'call [phone] back',
      redactions: 1,
    });
    expect((await db.getAll('outbox')).map((r) => r.revision)).toEqual([2]);
    const deleted = await dispatch(handlers, { type: 'revise', id, change: { kind: 'delete' } }, {});
    expect(unwrapReply('revise', deleted).revision).toBe(3);
    expect((await db.get('items', id))?.item.deleted).toBe(true);
    const again = await dispatch(handlers, { type: 'revise', id, change: { kind: 'note', note: 'x' } }, {});
    expect(again).toEqual({ ok: false, error: 'this capture was deleted' });
  });
});

import { uuidv7 } from 'uuidv7';
import { describe, expect, it, vi } from 'vitest';
import { createCaptureHandlers } from '../../lib/capture/handlers';
import { createAdminHandlers } from '../../lib/delivery/admin-handlers';
import { dispatch, unwrapReply } from '../../lib/protocol/messages';
import { openEarmarkDB } from '../../lib/store/db';
import { testConfig } from '../helpers/config';
import { TICKET_CONTEXT } from '../helpers/context';
import { TEST_SECRET } from '../helpers/items';

const config = testConfig({ problems: [{ path: 'endpoints.1.url', message: 'must be an https URL' }] });
const capture = { type: 'capture', tagId: 'bug', note: null, quote: null, context: TICKET_CONTEXT };

async function setup(queueCap: number) {
  const db = await openEarmarkDB(`admin-${Math.random()}`);
  const base = {
    db: async () => db,
    loadConfig: async () => config,
    now: Date.now,
    onQueued: vi.fn(),
    queueCap,
  };
  const handlers = { ...createCaptureHandlers({ ...base, newId: uuidv7 }), ...createAdminHandlers(base) };
  return { db, handlers };
}

describe('queue cap', () => {
  it('warns at 80 % and refuses (visibly) at the cap, dropping nothing already queued', async () => {
    const { db, handlers } = await setup(5);
    for (let i = 0; i < 4; i++) expect((await dispatch(handlers, capture, {})).ok).toBe(true);
    const health = unwrapReply(
      'queue-health',
      await dispatch(handlers, { type: 'queue-health' }, {}, 'extension-page'),
    );
    expect(health).toMatchObject({ pendingItems: 4, cap: 5, nearCap: true });
    expect((await dispatch(handlers, capture, {})).ok).toBe(true);
    const refused = await dispatch(handlers, capture, {});
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(/queue is full \(5 captures waiting\)/),
    });
    expect(await db.count('items')).toBe(5);
  });
});

describe('admin messages', () => {
  it('are refused from content scripts', async () => {
    const { handlers } = await setup(100);
    for (const message of [
      { type: 'queue-health' },
      { type: 'endpoint-resume', endpointId: 'hub' },
      { type: 'dead-letters', action: 'discard' },
    ]) {
      const reply = await dispatch(handlers, message, {}, 'content-script');
      expect(reply).toEqual({
        ok: false,
        error: expect.stringMatching(/only accepted from Earmark's own pages/),
      });
    }
  });

  it('report endpoint health and policy problems without secrets', async () => {
    const { handlers } = await setup(100);
    const reply = await dispatch(handlers, { type: 'queue-health' }, {}, 'extension-page');
    expect(JSON.stringify(reply)).not.toContain(TEST_SECRET);
    const health = unwrapReply('queue-health', reply);
    expect(health.endpoints).toEqual([
      expect.objectContaining({ id: 'hub', status: 'healthy', format: 'json', reason: null }),
    ]);
    expect(health.problems).toEqual(config.problems);
  });
});

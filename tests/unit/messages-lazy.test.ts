import { describe, expect, it, vi } from 'vitest';
import { anyRequestSchema, MESSAGE_FLAGS, PROTOCOL, unwrapReply } from '../../lib/protocol/messages';

// Counts the literals zod builds (every request schema has one for its `type`), zod unchanged.
const built = vi.hoisted(() => ({ literals: 0 }));
vi.mock('zod/mini', async (importOriginal) => {
  const z = await importOriginal<typeof import('zod/mini')>();
  const literal = (...args: unknown[]) => {
    built.literals++;
    return (z.literal as (...a: unknown[]) => unknown)(...args);
  };
  return { ...z, literal };
});

// The sidebar app evaluates lib/protocol/messages.ts on every CRM page load, so its schemas are built on
// first use; these checks keep the lazy protocol behaving like the plain object it replaced.
describe('PROTOCOL, built on first use', () => {
  it('lists every message type, and builds each spec once', () => {
    // Every declared type, in declaration order (tests/unit/messages-flags.test.ts pins the set).
    expect(Object.keys(PROTOCOL)).toEqual(Object.keys(MESSAGE_FLAGS));
    expect(Object.keys(PROTOCOL).length).toBeGreaterThan(10);
    expect(PROTOCOL.recent).toBe(PROTOCOL.recent);
    expect(PROTOCOL.recent.reply).toBe(PROTOCOL.recent.reply);
    expect(anyRequestSchema()).toBe(anyRequestSchema());
  });

  it('keeps pageOnly on the specs that carry it, and only there', () => {
    const pageOnly = Object.entries(PROTOCOL)
      .filter(([, spec]) => 'pageOnly' in spec && spec.pageOnly)
      .map(([type]) => type);
    expect(pageOnly).toEqual([
      'side-panel-page',
      'queue-health',
      'endpoint-resume',
      'reviews-unseen',
      'capture-tally',
      'dead-letters',
      'menu-failures',
      'menu-failure',
      'sign-out',
      'hub-access',
      'endpoint-queued-count',
      'endpoint-queued-export',
      'endpoint-queued-drop',
      'endpoint-test',
    ]);
  });

  it('reads every message’s flags without building a schema', async () => {
    vi.resetModules(); // a fresh protocol module, whose specs no earlier test has built
    const fresh = await import('../../lib/protocol/messages');
    const { mayChangeSidebar } = await import('../../lib/protocol/read-only');
    const before = built.literals;
    expect(fresh.messageFlags('queue-health')).toEqual({
      receiver: 'worker',
      pageOnly: true,
      readOnly: true,
    });
    expect(Object.values(fresh.MESSAGE_FLAGS).filter((flags) => flags.receiver === 'tab')).toHaveLength(5);
    expect([mayChangeSidebar({ type: 'recent' }), mayChangeSidebar({ type: 'capture' })]).toEqual([
      false,
      true,
    ]);
    expect(built.literals).toBe(before);
    expect(fresh.PROTOCOL.undo.receiver).toBe('worker'); // reading a spec builds its schemas
    expect(built.literals).toBeGreaterThan(before);
  });

  it('validates replies the same on every call (the envelope is built once per type)', () => {
    const reply = { ok: true, value: { polled: true, changed: 2 } };
    expect(unwrapReply('reviews-refresh', reply)).toEqual({ polled: true, changed: 2 });
    expect(unwrapReply('reviews-refresh', reply)).toEqual({ polled: true, changed: 2 });
    expect(() => unwrapReply('reviews-refresh', { ok: true, value: { polled: 'yes' } })).toThrow(
      /malformed reply to "reviews-refresh"/,
    );
    expect(() => unwrapReply('recent', { ok: false, error: 'no database' })).toThrow('no database');
  });

  it('rejects a request type that is not in the protocol, even one named after an Object member', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'nope']) {
      expect(anyRequestSchema().safeParse({ type }).success).toBe(false);
    }
  });
});

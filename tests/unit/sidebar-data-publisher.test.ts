import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGE_FLAGS } from '../../lib/protocol/messages';
import { mayChangeSidebar } from '../../lib/protocol/read-only';
import { sidebarDataKey } from '../../lib/sidebar/data-key';
import { createSidebarDataPublisher, PUBLISH_DELAY_MS } from '../../lib/sidebar/data-publisher';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const A = 'acme.zendesk.com';
const B = 'acme.freshdesk.com';

/** The keys published for one site's 'recent' answer (the only site with a snapshot). */
const keysFor = (config: unknown, recent: unknown) => ({ [A]: sidebarDataKey(config, recent) });

/** A publisher over answers the test sets (site A's), counting looks and recording writes. */
function setup(stored: unknown = undefined) {
  const state = { config: { taxonomy: ['bug'] } as unknown, recent: { entries: [] } as unknown };
  const writes: Record<string, string>[] = [];
  const errors: unknown[] = [];
  const current = vi.fn(async () => ({
    config: state.config,
    recent: { [A]: state.recent } as Record<string, unknown>,
  }));
  const publisher = createSidebarDataPublisher({
    current,
    read: async () => stored,
    write: async (key) => void writes.push(key),
    onError: (error) => errors.push(error),
  });
  const settle = () => vi.advanceTimersByTimeAsync(PUBLISH_DELAY_MS + 1);
  return { state, writes, errors, current, publisher, settle };
}

describe('the sidebar data key publisher', () => {
  it('publishes the key of the current answers once per burst of changes, and only when it differs', async () => {
    const t = setup();
    t.publisher.changed();
    t.publisher.changed();
    t.publisher.changed();
    await t.settle();
    expect(t.current).toHaveBeenCalledOnce();
    expect(t.writes).toEqual([keysFor(t.state.config, t.state.recent)]);

    t.publisher.changed(); // nothing the sidebar shows changed
    await t.settle();
    expect(t.writes).toHaveLength(1);

    t.state.recent = { entries: [{ id: 'a', status: 'Queued' }] };
    t.publisher.changed();
    await t.settle();
    expect(t.writes).toEqual([
      keysFor(t.state.config, { entries: [] }),
      keysFor(t.state.config, t.state.recent),
    ]);
  });

  it("publishes one key per site, each over that site's own recent captures", async () => {
    const t = setup();
    const onA = { entries: [{ id: 'a', status: 'Sent' }] };
    t.current.mockResolvedValue({ config: t.state.config, recent: { [A]: onA, [B]: { entries: [] } } });
    t.publisher.changed();
    await t.settle();
    expect(t.writes).toEqual([
      { [A]: sidebarDataKey(t.state.config, onA), [B]: sidebarDataKey(t.state.config, { entries: [] }) },
    ]);
  });

  it('does not rewrite a key already published by an earlier worker', async () => {
    const t = setup(keysFor({ taxonomy: ['bug'] }, { entries: [] }));
    t.publisher.changed();
    await t.settle();
    expect(t.writes).toEqual([]);
  });

  it('looks again after a change that came during a look, and after a failed one', async () => {
    const t = setup();
    let release: () => void = () => {};
    t.current.mockImplementationOnce(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { config: t.state.config, recent: { [A]: t.state.recent } };
    });
    t.publisher.changed();
    await t.settle(); // the first look is under way
    t.state.recent = { entries: [{ id: 'b', status: 'Sent' }] };
    t.publisher.changed();
    release();
    await t.settle();
    await t.settle();
    expect(t.current).toHaveBeenCalledTimes(2);
    expect(t.writes.at(-1)).toEqual(keysFor(t.state.config, t.state.recent));

    t.current.mockRejectedValueOnce(new Error('database closed'));
    t.state.recent = { entries: [] };
    t.publisher.changed();
    await t.settle();
    expect(t.errors).toEqual([new Error('database closed')]);
    t.publisher.changed();
    await t.settle();
    expect(t.writes.at(-1)).toEqual(keysFor(t.state.config, { entries: [] }));
  });
});

describe('which messages may change what the sidebar shows', () => {
  it('all but those whose flags declare them read-only', () => {
    const readOnly = Object.keys(MESSAGE_FLAGS).filter((type) => !mayChangeSidebar({ type }));
    expect(readOnly).toEqual([
      'recent',
      'sidebar-config',
      'ticket-context',
      'page-selection',
      'side-panel-opened',
      'side-panel-closed',
      'side-panel-state',
      'side-panel-page',
      'open-side-panel',
      'toggle-sidebar',
      'queue-health',
      'reviews-unseen',
      'capture-tally',
      'menu-failures',
      'hub-access',
      'endpoint-queued-count',
      'endpoint-queued-export',
      'endpoint-test',
    ]);
  });

  it('counts anything unparsed or undeclared as a possible change', () => {
    for (const message of [null, 'recent', {}, { type: 7 }, { type: 'nope' }, { type: '__proto__' }]) {
      expect(mayChangeSidebar(message)).toBe(true);
    }
  });
});

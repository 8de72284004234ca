import { describe, expect, it, vi } from 'vitest';
import { createTabMessageListener } from '../../components/sidebar-wiring';
import type { TicketContext } from '../../lib/adapters';
import type { Result } from '../../lib/messages';

const context: TicketContext = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export to CSV keeps timing out',
  ticketId: '4821',
  customer: null,
};

function setup(overrides: { toggle?: () => boolean; context?: () => TicketContext } = {}) {
  const toggle = vi.fn(overrides.toggle ?? (() => true));
  const listener = createTabMessageListener({
    extensionId: 'earmark',
    toggle,
    context: overrides.context ?? (() => context),
  });
  const replies: Result<unknown>[] = [];
  const send = (message: unknown, senderId = 'earmark') =>
    listener(message, { id: senderId }, (reply) => replies.push(reply));
  return { toggle, replies, send };
}

describe("the content script's message listener", () => {
  it('answers ticket-context through sendResponse and returns true', () => {
    const { replies, send } = setup();
    expect(send({ type: 'ticket-context' })).toBe(true);
    expect(replies).toEqual([{ ok: true, value: context }]);
  });

  it('turns a context that does not validate into a typed error', () => {
    const { replies, send } = setup({ context: () => ({ ...context, url: 'not a url' }) });
    expect(send({ type: 'ticket-context' })).toBe(true);
    expect(replies[0]).toMatchObject({ ok: false });
  });

  it('toggles the sidebar, and says so when there is none', () => {
    const shown = setup();
    expect(shown.send({ type: 'toggle-sidebar' })).toBe(true);
    expect(shown.toggle).toHaveBeenCalledOnce();
    expect(shown.replies).toEqual([{ ok: true, value: null }]);
    const hidden = setup({ toggle: () => false });
    hidden.send({ type: 'toggle-sidebar' });
    expect(hidden.replies[0]).toMatchObject({ ok: false });
  });

  it('ignores malformed messages, messages for the background, and other senders', () => {
    const { toggle, replies, send } = setup();
    expect(send({ type: 'toggle-sidebar', extra: 1 })).toBe(false);
    expect(send({ type: 'nope' })).toBe(false);
    expect(send('toggle-sidebar')).toBe(false);
    expect(send({ type: 'recent', limit: 5 })).toBe(false);
    expect(send({ type: 'toggle-sidebar' }, 'someone-else')).toBe(false);
    expect(toggle).not.toHaveBeenCalled();
    expect(replies).toEqual([]);
  });
});

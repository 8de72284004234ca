import { describe, expect, it, vi } from 'vitest';
import { createTabMessageListener } from '../../components/sidebar/launcher/tab-messages';
import { type Result, unwrapReply } from '../../lib/protocol/messages';
import type { TicketContext } from '../../lib/sites/adapters';

const context: TicketContext = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export to CSV keeps timing out',
  ticketId: '4821',
};

function setup(
  overrides: {
    toggle?: () => boolean | Promise<boolean>;
    context?: () => TicketContext | Promise<TicketContext>;
  } = {},
) {
  const toggle = vi.fn(overrides.toggle ?? (() => true));
  const sidePanel = vi.fn();
  const listener = createTabMessageListener({
    extensionId: 'earmark',
    toggle,
    context: overrides.context ?? (() => context),
    sidePanel,
    selection: () => 'Exports time out after 30 s',
  });
  const replies: Result<unknown>[] = [];
  const send = (message: unknown, senderId = 'earmark') =>
    listener(message, { id: senderId }, (reply) => replies.push(reply));
  return { toggle, sidePanel, replies, send };
}

describe("the content script's message listener", () => {
  it('answers ticket-context through sendResponse and returns true', () => {
    const { replies, send } = setup();
    expect(send({ type: 'ticket-context' })).toBe(true);
    expect(replies).toEqual([{ ok: true, value: context }]);
  });

  it('turns a failing adapter into a typed error (the background validates what it gets)', () => {
    const { replies, send } = setup({
      context: () => {
        throw new Error('odd page');
      },
    });
    expect(send({ type: 'ticket-context' })).toBe(true);
    expect(replies[0]).toEqual({ ok: false, error: 'no ticket context: odd page' });
  });

  it('answers through sendResponse once an imported context reader has read the page', async () => {
    // On a page without the overlay launcher, the stub imports the adapters on the first request.
    const { replies, send } = setup({ context: () => Promise.resolve(context) });
    expect(send({ type: 'ticket-context' })).toBe(true);
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    // What the worker checks on receipt (lib/sidepanel/panel-target.ts).
    expect(unwrapReply('ticket-context', replies[0])).toEqual(context);
  });

  it('turns a failed import of the context reader into a typed error', async () => {
    const { replies, send } = setup({
      context: () => Promise.reject(new Error('import failed')),
    });
    expect(send({ type: 'ticket-context' })).toBe(true);
    await vi.waitFor(() => expect(replies).toHaveLength(1));
    expect(replies[0]).toEqual({ ok: false, error: 'no ticket context: import failed' });
    expect(() => unwrapReply('ticket-context', replies[0])).toThrow('no ticket context: import failed');
  });

  it('waits for a launcher still being imported to say whether it toggled a sidebar', async () => {
    const shown = setup({ toggle: () => Promise.resolve(true) });
    expect(shown.send({ type: 'toggle-sidebar' })).toBe(true);
    await vi.waitFor(() => expect(shown.replies).toEqual([{ ok: true, value: null }]));
    const none = setup({ toggle: () => Promise.resolve(false) });
    expect(none.send({ type: 'toggle-sidebar' })).toBe(true);
    await vi.waitFor(() => expect(none.replies).toHaveLength(1));
    expect(none.replies[0]).toEqual({ ok: false, error: 'no Earmark sidebar on this page' });
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

  it("answers the side panel's request for the page's selection (its capture's quote)", () => {
    const { replies, send } = setup();
    expect(send({ type: 'page-selection' })).toBe(true);
    expect(replies).toEqual([{ ok: true, value: 'Exports time out after 30 s' }]);
  });

  it('hides the sidebar while the side panel is open in its window, and brings it back', () => {
    const { sidePanel, replies, send } = setup();
    expect(send({ type: 'side-panel-opened' })).toBe(true);
    expect(send({ type: 'side-panel-closed' })).toBe(true);
    expect(sidePanel.mock.calls).toEqual([[true], [false]]);
    expect(replies).toEqual([
      { ok: true, value: null },
      { ok: true, value: null },
    ]);
    expect(send({ type: 'side-panel-opened' }, 'someone-else')).toBe(false);
    expect(send({ type: 'side-panel-opened', open: false })).toBe(false);
    expect(sidePanel).toHaveBeenCalledTimes(2);
  });

  it('ignores malformed messages, messages for the background, and other senders', () => {
    const { toggle, replies, send } = setup();
    expect(send({ type: 'toggle-sidebar', extra: 1 })).toBe(false);
    expect(send({ type: 'nope' })).toBe(false);
    expect(send('toggle-sidebar')).toBe(false);
    expect(send({ type: 'recent', limit: 5 })).toBe(false);
    expect(send(['toggle-sidebar'])).toBe(false);
    expect(send(null)).toBe(false);
    expect(send({ type: 'toggle-sidebar' }, 'someone-else')).toBe(false);
    expect(toggle).not.toHaveBeenCalled();
    expect(replies).toEqual([]);
  });
});

const ENTRY = {
  id: '0190a000-0000-7000-8000-000000000001',
  tags: ['Bug'],
  note: null,
  capturedAt: '2026-12-03T10:00:00.000Z',
  status: 'Sent',
  detail: null,
};

describe("the sidebar's first config and recent captures", () => {
  it("uses the launcher's early recent request once, then asks again; a forged reply is refused", async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { createSidebarApi } = await import('../../components/sidebar/app/wiring');
    fakeBrowser.reset();
    const asked: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      asked.push(message);
      return Promise.resolve({ ok: true, value: { entries: [] } });
    });
    const early = {
      config: new Promise<unknown>(() => {}),
      recent: Promise.resolve({ ok: true, value: { entries: [ENTRY] } }),
    };
    const api = createSidebarApi(() => context, vi.fn(), early);
    expect(await api.recent()).toEqual([ENTRY]);
    expect(asked).toEqual([]);
    expect(await api.recent()).toEqual([]);
    expect(asked).toEqual([{ type: 'recent', limit: 10 }]);

    const forged = createSidebarApi(() => context, vi.fn(), {
      config: early.config,
      recent: Promise.resolve({ ok: true, value: { entries: [{ ...ENTRY, status: '<img>' }] } }),
    });
    await expect(forged.recent()).rejects.toThrow(/malformed reply to "recent"/);
  });

  it("uses the launcher's early config request once, validated like any reply", async () => {
    const { createSidebarApi } = await import('../../components/sidebar/app/wiring');
    const sites = vi.fn();
    const value = {
      taxonomy: [],
      agentName: 'Ada',
      sites: [{ match: 'https://x.example/*', adapter: 'zendesk' }],
    };
    const recent = Promise.resolve({ ok: true, value: { entries: [] } });
    const api = createSidebarApi(() => context, sites, {
      config: Promise.resolve({ ok: true, value }),
      recent,
    });
    expect(await api.config()).toEqual(value);
    expect(sites).toHaveBeenCalledWith(value.sites);

    const forged = createSidebarApi(() => context, sites, {
      config: Promise.resolve({ ok: true, value: { taxonomy: 1 } }),
      recent,
    });
    await expect(forged.config()).rejects.toThrow(/malformed reply to "sidebar-config"/);
  });
});

describe('the sidebar reloads its config', () => {
  it('when settings, the policy or the remembered sidebar config change; not for other keys', async () => {
    const { fakeBrowser } = await import('wxt/testing');
    const { createSidebarApi } = await import('../../components/sidebar/app/wiring');
    const { LAST_SIDEBAR_CONFIG_KEY, SETTINGS_CHANGED_KEY } = await import('../../lib/storage-keys');
    fakeBrowser.reset();
    const reload = vi.fn();
    const stop = createSidebarApi(() => context).onConfigChanged(reload);
    await fakeBrowser.storage.local.set({ 'site:acme.zendesk.com': { collapsed: true } });
    expect(reload).not.toHaveBeenCalled();
    await fakeBrowser.storage.local.set({ [LAST_SIDEBAR_CONFIG_KEY]: { agentName: 'Dana' } });
    expect(reload).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ [SETTINGS_CHANGED_KEY]: 'a' });
    expect(reload).toHaveBeenCalledTimes(2);
    // The old settings key is no longer written: a page writing it changes nothing.
    await fakeBrowser.storage.local.set({ settings: {} });
    expect(reload).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.storage.local.set({ [SETTINGS_CHANGED_KEY]: 'b' });
    expect(reload).toHaveBeenCalledTimes(2);
  });
});

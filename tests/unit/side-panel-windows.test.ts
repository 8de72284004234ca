import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../lib/protocol/messages';
import { asWindowIds, createPanelWindows } from '../../lib/sidepanel/panel-windows';

/** The worker's side-panel bookkeeping over a fake browser: window 1 holds tabs 10 and 11, window 2 tab 20. */
function setup() {
  let saved: unknown;
  const told: string[] = [];
  const open = vi.fn(async () => {});
  const windows = createPanelWindows({
    load: async () => asWindowIds(saved),
    save: async (ids) => {
      saved = ids;
    },
    tabsIn: async (windowId) => (windowId === 1 ? [10, 11] : [20]),
    tell: async (tabId, type) => {
      // Tab 11 has no Earmark content script (a browser page): the browser refuses the message.
      if (tabId === 11) throw new Error('Receiving end does not exist.');
      told.push(`${tabId}:${type}`);
    },
    open,
  });
  const stateIn = (windowId: number | undefined) =>
    dispatch(windows.handlers, { type: 'side-panel-state' }, { tab: { id: 5, windowId } });
  return { windows, told, open, stateIn, saved: () => saved };
}

describe('the side panel per window (worker)', () => {
  it("tells every tab of the panel's window when it opens and closes, and remembers it", async () => {
    const t = setup();
    expect(await t.stateIn(1)).toEqual({ ok: true, value: { open: false } });
    await t.windows.opened(1);
    expect(t.told).toEqual(['10:side-panel-opened']);
    expect(t.saved()).toEqual([1]);
    expect(await t.stateIn(1)).toEqual({ ok: true, value: { open: true } });
    expect(await t.stateIn(2)).toEqual({ ok: true, value: { open: false } });
    await t.windows.closed(1);
    expect(t.told).toEqual(['10:side-panel-opened', '10:side-panel-closed']);
    expect(await t.stateIn(1)).toEqual({ ok: true, value: { open: false } });
  });

  it('forgets every window when the browser starts (the ids of a last session mean nothing now)', async () => {
    const t = setup();
    await t.windows.opened(1);
    await t.windows.opened(2);
    expect(t.saved()).toEqual([1, 2]);
    await t.windows.reset();
    expect(t.saved()).toEqual([]);
    expect(await t.stateIn(1)).toEqual({ ok: true, value: { open: false } });
  });

  it('answers a state request asked while an opening is being saved with the new state', async () => {
    const t = setup();
    const opening = t.windows.opened(2);
    const state = t.stateIn(2);
    await opening;
    expect(await state).toEqual({ ok: true, value: { open: true } });
  });

  it('counts a sender without a tab (an extension page) as a window without the panel', async () => {
    const t = setup();
    await t.windows.opened(1);
    expect(await t.stateIn(undefined)).toEqual({ ok: true, value: { open: false } });
  });

  it("opens the panel for the sender's tab and window, and refuses a sender without a tab", async () => {
    const t = setup();
    const reply = await dispatch(
      t.windows.handlers,
      { type: 'open-side-panel' },
      { tab: { id: 10, windowId: 1 } },
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(t.open).toHaveBeenCalledWith({ tabId: 10, windowId: 1 });
    const refused = await dispatch(t.windows.handlers, { type: 'open-side-panel' }, {});
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/tab/) });
    expect(t.open).toHaveBeenCalledOnce();
  });

  it('calls the browser synchronously, while the click that sent the message is still being handled', () => {
    const t = setup();
    void dispatch(t.windows.handlers, { type: 'open-side-panel' }, { tab: { id: 10, windowId: 1 } });
    expect(t.open).toHaveBeenCalledOnce();
  });

  it("takes the panel page's own report in Firefox (shown, then gone), from Earmark's pages only", async () => {
    const t = setup();
    const report = (open: boolean, origin: 'extension-page' | 'content-script' = 'extension-page') =>
      dispatch(t.windows.handlers, { type: 'side-panel-page', open, windowId: 1 }, {}, origin);
    expect(await report(true)).toEqual({ ok: true, value: null });
    expect(t.told).toEqual(['10:side-panel-opened']);
    expect(await t.stateIn(1)).toEqual({ ok: true, value: { open: true } });
    expect(await report(false)).toEqual({ ok: true, value: null });
    expect(await t.stateIn(1)).toEqual({ ok: true, value: { open: false } });
    // A CRM page cannot hide Earmark in other tabs by claiming the panel is open.
    expect(await report(true, 'content-script')).toMatchObject({ ok: false });
    expect(await t.stateIn(1)).toEqual({ ok: true, value: { open: false } });
  });

  it('keeps only window ids from storage', () => {
    expect(asWindowIds([1, '2', null, 3.5, 4])).toEqual([1, 4]);
    expect(asWindowIds(undefined)).toEqual([]);
    expect(asWindowIds({ 0: 1 })).toEqual([]);
  });
});

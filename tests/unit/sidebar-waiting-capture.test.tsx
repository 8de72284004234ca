// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordEarlyInput } from '../../components/sidebar/launcher/early-input';
import { unwrapReply } from '../../lib/protocol/messages';
import { fakeSidebarApi } from '../helpers/sidebar-api';
import { renderSidebar, unmountSidebars } from '../helpers/sidebar-render';

// A capture no endpoint takes is stored and waits for one (the worker answers routed: false). The
// agent is told so, in the painted sidebar, the app taking its reply over, and the app's own capture.

const CONFIG = {
  taxonomy: [{ id: 'bug', label: 'Bug', category: 'Customer insight' }],
  agentName: 'Ada',
  sites: [],
};
const WAITING = 'Saved, waiting for an endpoint: Bug';
const ID = '0190a000-0000-7000-8000-000000000001';

afterEach(unmountSidebars);

describe('a capture no endpoint takes yet', () => {
  it('says "Saved, waiting for an endpoint" in the painted sidebar', async () => {
    const element = document.createElement('div');
    const status = document.createElement('div');
    status.setAttribute('role', 'status');
    const note = document.createElement('textarea');
    element.append(status, note);
    document.body.append(element);
    // The launcher's own map of the nodes it built (painted.ts): only those are written to.
    const early = recordEarlyInput(
      element,
      new WeakMap<Element, string | null>([
        [status, null],
        [note, null],
      ]),
    );
    early.captured(Promise.resolve({ ok: true, value: { id: ID, tagLabel: 'Bug', routed: false } }));
    await new Promise((r) => setTimeout(r, 0));
    expect(status.textContent).toBe(WAITING);
    early.captured(Promise.resolve({ ok: true, value: { id: ID, tagLabel: 'Bug', routed: true } }));
    await new Promise((r) => setTimeout(r, 0));
    expect(status.textContent).toBe('Saved: Bug');
  });

  it('says so when the app takes the painted capture over, with Undo', async () => {
    const api = fakeSidebarApi({
      config: async () => CONFIG,
      adoptCapture: async (reply) => unwrapReply('capture', await reply),
    });
    const reply = { ok: true, value: { id: ID, tagLabel: 'Bug', routed: false } };
    const host = await renderSidebar({ api, early: { note: '', captures: [Promise.resolve(reply)] } });
    expect(host.querySelector('[role="status"]')?.textContent).toBe(WAITING);
    expect(host.querySelector('button.em-undo')).not.toBeNull();
  });

  it("says so after the app's own capture", async () => {
    const capture = vi.fn(async () => ({ id: ID, tagLabel: 'Bug', routed: false }));
    const host = await renderSidebar({ api: fakeSidebarApi({ config: async () => CONFIG, capture }) });
    const bug = host.querySelector<HTMLButtonElement>('button[data-tag="bug"]');
    if (!bug) throw new Error('no Bug button');
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    await act(async () => bug.dispatchEvent(click));
    expect(capture).toHaveBeenCalledOnce();
    expect(host.querySelector('[role="status"]')?.textContent).toBe(WAITING);
  });
});

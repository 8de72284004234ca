// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidePanel } from '../../components/sidepanel/SidePanel';
import type { TabReader } from '../../lib/sidepanel/panel-target';
import { fakeSidebarApi } from '../helpers/sidebar-api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CONFIG = {
  taxonomy: [
    { id: 'bug', label: 'Bug', category: 'Customer insight' },
    { id: 'chaser', label: 'Chaser', category: 'Process idea' },
  ],
  agentName: 'Ada',
  sites: [],
};
const ZENDESK = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  title: 'Export to CSV keeps timing out',
  ticketId: '4821',
};

/** The active tab's content script, answering with this ticket (null: no content script). */
function tabWith(context: typeof ZENDESK | null): TabReader {
  return {
    activeTabId: async () => 9,
    ask: async (_tabId, type) => {
      if (!context) throw new Error('Receiving end does not exist.');
      return { ok: true, value: type === 'ticket-context' ? context : null };
    },
  };
}

/** Dispatches `event` as the agent's own input. */
function agent<E extends Event>(target: EventTarget, event: E): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

const roots: Root[] = [];
async function render(
  reader: TabReader,
  capture = vi.fn(async () => ({ id: 'c1', tagLabel: 'Bug', routed: true })),
) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  const api = fakeSidebarApi({ config: async () => CONFIG, capture });
  await act(async () => root.render(<SidePanel api={api} reader={reader} tabChanges={() => () => {}} />));
  await act(async () => new Promise((r) => setTimeout(r, 20)));
  return { host, capture };
}

afterEach(async () => {
  for (const root of roots.splice(0)) await act(async () => root.unmount());
  document.body.replaceChildren();
});

describe('the side panel page', () => {
  it('names the page it captures for, with the overlay’s controls by the same names', async () => {
    const { host } = await render(tabWith(ZENDESK));
    expect(host.querySelector('main')?.getAttribute('aria-label')).toBe('Earmark');
    expect(host.textContent).toContain('Capturing for Zendesk · #4821 · Export to CSV keeps timing out');
    const tags = [...host.querySelectorAll('button[data-tag]')].map(
      (b) => b.querySelector('.em-tag-label')?.textContent,
    );
    expect(tags).toEqual(['Bug', 'Chaser']);
    expect(host.querySelector('label.em-note')?.textContent).toContain('Note');
    expect(host.querySelector('[role="status"]')).not.toBeNull();
    expect(
      host.querySelector('ul[aria-label="Recent captures"], [role="list"][aria-label="Recent captures"]'),
    ).not.toBeNull();
  });

  it('takes the same keys: a digit captures, / goes to the note, Enter and Esc back to the tags', async () => {
    const { host, capture } = await render(tabWith(ZENDESK));
    const bug = host.querySelector<HTMLButtonElement>('button[data-tag="bug"]');
    const note = host.querySelector('textarea');
    if (!bug || !note) throw new Error('no tags or note');
    bug.focus();
    await act(async () => agent(bug, new KeyboardEvent('keydown', { key: '2', bubbles: true })));
    expect(capture).toHaveBeenLastCalledWith('chaser', null, null);
    await act(async () => agent(bug, new KeyboardEvent('keydown', { key: '/', bubbles: true })));
    expect(document.activeElement).toBe(note);
    await act(async () => agent(note, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.activeElement).toBe(bug);
    await act(async () => agent(bug, new KeyboardEvent('keydown', { key: '/', bubbles: true })));
    expect(document.activeElement).toBe(note);
    await act(async () => agent(note, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(document.activeElement).toBe(bug);
    // A page script cannot reach this page, but an untrusted key still does nothing.
    await act(async () => bug.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true })));
    expect(capture).toHaveBeenCalledOnce();
  });

  it('says plainly when the active page cannot be read', async () => {
    const { host } = await render(tabWith(null));
    expect(host.textContent).toContain('Earmark cannot read this page');
    expect(host.textContent).not.toContain('Capturing for');
  });
});

// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSidebarApi } from '../helpers/sidebar-api';
import { renderSidebar, unmountSidebars } from '../helpers/sidebar-render';

const CONFIG = {
  taxonomy: [{ id: 'bug', label: 'Bug', category: 'Customer insight' }],
  agentName: 'Ada',
  sites: [],
};

/** Dispatches `event` as the agent's own input (a page script's events are untrusted). */
function agent<E extends Event>(target: EventTarget, event: E): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

afterEach(unmountSidebars);

describe("the app's tags and the page selection", () => {
  it('capture the selection as it was when the agent pressed the tag, once', async () => {
    const capture = vi.fn(async () => ({ id: 'c1', tagLabel: 'Bug', routed: true }));
    let selected: string | null = 'the CSV export has failed three times';
    const host = await renderSidebar({
      api: fakeSidebarApi({ config: async () => CONFIG, capture }),
      readSelection: () => selected,
    });
    const bug = host.querySelector<HTMLButtonElement>('button[data-tag="bug"]');
    if (!bug) throw new Error('no Bug button');
    agent(bug, new PointerEvent('pointerdown', { bubbles: true }));
    selected = null; // focus moved to the button and the page dropped its selection
    await act(async () => agent(bug, new MouseEvent('click', { bubbles: true })));
    expect(capture).toHaveBeenLastCalledWith('bug', null, 'the CSV export has failed three times');

    await act(async () => agent(bug, new MouseEvent('click', { bubbles: true })));
    expect(capture).toHaveBeenLastCalledWith('bug', null, null); // kept for one capture only
  });
});

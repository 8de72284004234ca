// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitForFirstData } from '../../components/sidebar/app/first-data';
import type { SidebarApi } from '../../components/sidebar/app/sidebar-api';
import type { TaxonomyTag } from '../../lib/config/settings';
import type { RecentEntry } from '../../lib/protocol/messages';
import { fakeSidebarApi } from '../helpers/sidebar-api';
import { renderSidebar, unmountSidebars } from '../helpers/sidebar-render';

const TAGS: TaxonomyTag[] = [{ id: 'bug', label: 'Bug', category: 'Customer insight' }];
const ENTRY: RecentEntry = {
  id: '0190a000-0000-7000-8000-000000000001',
  tags: ['Bug'],
  note: 'export times out',
  capturedAt: '2026-12-03T10:00:00.000Z',
  status: 'Sent',
  detail: null,
};
const CONFIG = { taxonomy: TAGS, agentName: 'Ada', sites: [] };

/** An api whose config and recent answers the test controls; every other call is a no-op. */
function fakeApi(config: () => Promise<typeof CONFIG>, recent: () => Promise<RecentEntry[]>): SidebarApi {
  return fakeSidebarApi({ config: vi.fn(config), recent: vi.fn(recent) });
}

afterEach(unmountSidebars);

describe('the sidebar waits briefly for its first data', () => {
  it('resolves with both answers as soon as they are in', async () => {
    const api = fakeApi(
      async () => CONFIG,
      async () => [ENTRY],
    );
    const first = await waitForFirstData(api, 10_000);
    expect(first).toEqual({
      config: { state: 'ok', value: CONFIG },
      recent: { state: 'ok', value: [ENTRY] },
    });
  });

  it('gives up after the wait and passes on what is still on its way, or what failed', async () => {
    let answer: (config: typeof CONFIG) => void = () => {};
    const slow = new Promise<typeof CONFIG>((resolve) => (answer = resolve));
    const api = fakeApi(
      () => slow,
      async () => Promise.reject(new Error('worker gone')),
    );
    const first = await waitForFirstData(api, 20);
    expect(first.config.state).toBe('pending');
    expect(first.recent).toEqual({ state: 'failed', error: new Error('worker gone') });
    answer(CONFIG);
    if (first.config.state === 'pending') expect(await first.config.promise).toBe(CONFIG);
  });

  it('renders tags and recent captures in its first render, without asking again', async () => {
    const api = fakeApi(
      async () => CONFIG,
      async () => [ENTRY],
    );
    const first = await waitForFirstData(api);
    // Rendered synchronously, no effects flushed yet: what the first frame shows.
    const host = await renderSidebar({ api, first }, { firstFrame: true });
    expect(host.querySelector('button.em-tag')?.textContent).toContain('Bug');
    expect(host.querySelector('.em-recent-list li')?.textContent).toContain('export times out');
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    expect(api.config).toHaveBeenCalledTimes(1);
    expect(api.recent).toHaveBeenCalledTimes(1);
  });

  it('shows a config that arrives after the first render', async () => {
    let answer: (config: typeof CONFIG) => void = () => {};
    const api = fakeApi(
      () => new Promise((resolve) => (answer = resolve)),
      async () => [],
    );
    const first = await waitForFirstData(api, 5);
    const host = await renderSidebar({ api, first });
    expect(host.querySelector('button.em-tag')).toBeNull();
    await act(async () => answer(CONFIG));
    expect(host.querySelector('button.em-tag')?.textContent).toContain('Bug');
    expect(api.config).toHaveBeenCalledTimes(1);
  });
});

// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '../../components/Sidebar';
import type { SidebarApi } from '../../components/sidebar-api';
import type { TaxonomyTag } from '../../lib/config';
import type { RecentEntry } from '../../lib/messages';
import { DEFAULT_LAYOUT } from '../../lib/site-prefs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TAGS: TaxonomyTag[] = [{ id: 'chaser', label: 'Chaser', category: 'Failure demand' }];
const entry = (status: RecentEntry['status']): RecentEntry => ({
  id: '0190a000-0000-7000-8000-000000000002',
  tags: ['Chaser'],
  note: null,
  capturedAt: '2026-12-05T10:00:00.000Z',
  status,
  detail: null,
});

/** An api whose recent answers come from `answers` in turn (the last one repeats). */
function apiAnswering(answers: RecentEntry[][]): SidebarApi {
  let call = 0;
  return {
    config: async () => ({ taxonomy: TAGS, agentName: 'Ada', sites: [] }),
    recent: vi.fn(async () => answers[Math.min(call++, answers.length - 1)] ?? []),
    onConfigChanged: () => () => {},
    capture: async () => ({ id: 'x', tagLabel: 'Chaser' }),
    undo: async () => {},
    revise: async () => ({ revision: 1 }),
    refreshReviews: async () => false,
    reviewsSeen: async () => {},
  };
}

let root: Root | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

async function renderSidebar(api: SidebarApi): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root?.render(
      <Sidebar
        api={api}
        readSelection={() => null}
        onToggle={() => () => {}}
        initialLayout={DEFAULT_LAYOUT}
        saveLayout={async () => {}}
      />,
    ),
  );
  return host;
}

const firstItem = (host: HTMLElement) => host.querySelector('.em-recent-list li')?.textContent ?? '';

describe('recent captures keep polling while one is on its way', () => {
  it('shows Sent after several unchanged Queued answers (an outage, then delivery)', async () => {
    const api = apiAnswering([[entry('Queued')], [entry('Queued')], [entry('Queued')], [entry('Sent')]]);
    const host = await renderSidebar(api);
    expect(firstItem(host)).toContain('Queued');
    for (let i = 0; i < 4 && !firstItem(host).includes('Sent'); i++) {
      await act(async () => vi.advanceTimersByTimeAsync(1500));
    }
    expect(firstItem(host)).toContain('Sent');
    expect(api.recent).toHaveBeenCalledTimes(4);
  });

  it('stops polling once nothing is on its way', async () => {
    const api = apiAnswering([[entry('Queued')], [entry('Sent')]]);
    const host = await renderSidebar(api);
    await act(async () => vi.advanceTimersByTimeAsync(1500));
    expect(firstItem(host)).toContain('Sent');
    await act(async () => vi.advanceTimersByTimeAsync(60_000));
    expect(api.recent).toHaveBeenCalledTimes(2);
  });
});

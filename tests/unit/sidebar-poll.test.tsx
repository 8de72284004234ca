// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SidebarApi } from '../../components/sidebar/app/sidebar-api';
import type { TaxonomyTag } from '../../lib/config/settings';
import type { RecentEntry } from '../../lib/protocol/messages';
import { fakeSidebarApi } from '../helpers/sidebar-api';
import { renderSidebar, unmountSidebars } from '../helpers/sidebar-render';

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
  return fakeSidebarApi({
    config: async () => ({ taxonomy: TAGS, agentName: 'Ada', sites: [] }),
    recent: vi.fn(async () => answers[Math.min(call++, answers.length - 1)] ?? []),
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  await unmountSidebars();
  vi.useRealTimers();
});

const firstItem = (host: HTMLElement) => host.querySelector('.em-recent-list li')?.textContent ?? '';

describe('recent captures keep polling while one is on its way', () => {
  it('shows Sent after several unchanged Queued answers (an outage, then delivery)', async () => {
    const api = apiAnswering([[entry('Queued')], [entry('Queued')], [entry('Queued')], [entry('Sent')]]);
    const host = await renderSidebar({ api });
    expect(firstItem(host)).toContain('Queued');
    for (let i = 0; i < 4 && !firstItem(host).includes('Sent'); i++) {
      await act(async () => vi.advanceTimersByTimeAsync(1500));
    }
    expect(firstItem(host)).toContain('Sent');
    expect(api.recent).toHaveBeenCalledTimes(4);
  });

  it('stops polling once nothing is on its way', async () => {
    const api = apiAnswering([[entry('Queued')], [entry('Sent')]]);
    const host = await renderSidebar({ api });
    await act(async () => vi.advanceTimersByTimeAsync(1500));
    expect(firstItem(host)).toContain('Sent');
    await act(async () => vi.advanceTimersByTimeAsync(60_000));
    expect(api.recent).toHaveBeenCalledTimes(2);
  });
});

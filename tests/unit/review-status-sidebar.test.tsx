// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecentCaptures } from '../../components/sidebar/app/RecentCaptures';
import { reviewText } from '../../components/sidebar/app/recent-labels';
import type { SidebarApi } from '../../components/sidebar/app/sidebar-api';
import { useCaptures } from '../../components/sidebar/app/useCaptures';
import type { RecentEntry } from '../../lib/protocol/messages';
import { fakeSidebarApi } from '../helpers/sidebar-api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const entry = (overrides: Partial<RecentEntry> = {}): RecentEntry => ({
  id: '0190a000-0000-7000-8000-000000000001',
  tags: ['Bug'],
  note: 'export times out',
  capturedAt: '2026-11-23T10:42:00.000Z',
  status: 'Sent',
  detail: null,
  ...overrides,
});
const actioned = entry({
  review: { status: 'actioned', comment: 'Fixed in 4.2', updatedAt: null, seen: false },
});

let root: Root | null = null;
async function render(node: React.ReactNode): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root?.render(node));
  await act(async () => new Promise((r) => setTimeout(r, 10)));
  return host;
}
afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.replaceChildren();
});

describe('review status in Recent captures', () => {
  it('maps each triage to its word and keeps only a non-empty comment', () => {
    expect(reviewText(entry())).toBeNull();
    expect(reviewText(actioned)).toEqual({ word: 'Actioned', comment: 'Fixed in 4.2' });
    const declined = entry({ review: { status: 'declined', comment: '  ', updatedAt: null, seen: true } });
    expect(reviewText(declined)).toEqual({ word: 'Declined', comment: null });
  });

  it("shows the delivery word, the review word and the lead's comment in the list item", async () => {
    const reviewed = entry({
      id: '0190a000-0000-7000-8000-000000000002',
      review: { status: 'reviewed', comment: null, updatedAt: null, seen: true },
    });
    const host = await render(
      <RecentCaptures entries={[actioned, reviewed, entry({ id: 'x' })]} onRevise={async () => true} />,
    );
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toMatch(/Bug.*Sent.*Actioned.*Lead: Fixed in 4\.2/);
    expect(items[1]).toMatch(/Sent.*Reviewed/);
    expect(items[2]).not.toMatch(/Reviewed|Actioned|Declined|Lead:/);
    expect(host.querySelector('.em-review-actioned')?.textContent).toBe('Actioned');
  });
});

/** Shows what useCaptures holds: each entry's review status, else its delivery word. */
function Probe({ api, open }: { api: SidebarApi; open: boolean }) {
  const captures = useCaptures(api, open);
  return <p>{captures.recent.map((e) => e.review?.status ?? e.status).join(',')}</p>;
}

describe('the sidebar asks for news when it opens and reports what it showed', () => {
  function fakeApi(entries: RecentEntry[]) {
    let current = entries;
    const api: SidebarApi = fakeSidebarApi({
      recent: vi.fn(async () => current),
      refreshReviews: vi.fn(async () => {
        current = [actioned];
        return true;
      }),
      reviewsSeen: vi.fn(async () => {}),
    });
    return api;
  }

  it('refreshes reviews on open, re-reads the list when something changed, and marks it seen once', async () => {
    const api = fakeApi([entry()]);
    const host = await render(<Probe api={api} open={true} />);
    expect(api.refreshReviews).toHaveBeenCalledTimes(1);
    expect(host.textContent).toBe('actioned');
    expect(api.reviewsSeen).toHaveBeenCalledTimes(1);
    expect(api.reviewsSeen).toHaveBeenCalledWith([actioned.id]);
  });

  it('neither polls nor marks anything seen while collapsed', async () => {
    const api = fakeApi([actioned]);
    await render(<Probe api={api} open={false} />);
    expect(api.refreshReviews).not.toHaveBeenCalled();
    expect(api.reviewsSeen).not.toHaveBeenCalled();
  });
});

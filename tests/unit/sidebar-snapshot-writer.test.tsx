// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SidebarApi } from '../../components/sidebar/app/sidebar-api';
import { SNAPSHOT_DELAY_MS, type SnapshotSink } from '../../components/sidebar/app/useSnapshotWriter';
import type { TaxonomyTag } from '../../lib/config/settings';
import type { RecentEntry } from '../../lib/protocol/messages';
import { sidebarDataKey, snapshotKey } from '../../lib/sidebar/data-key';
import { DEFAULT_LAYOUT } from '../../lib/sidebar/site-prefs';
import { type SidebarSnapshot, serializeElement } from '../../lib/sidebar/snapshot';
import { fakeSidebarApi } from '../helpers/sidebar-api';
import { renderSidebar, unmountSidebars } from '../helpers/sidebar-render';

const TAGS: TaxonomyTag[] = [{ id: 'bug', label: 'Bug', category: 'Customer insight' }];
const CONFIG = {
  taxonomy: TAGS,
  agentName: 'Ada',
  sites: [{ match: 'https://crm.example.com/*', adapter: 'generic' as const }],
};
const ENVIRONMENT = { version: '1.0.0', timezoneOffset: 0, language: 'en' };
const entry = (id: string, status: RecentEntry['status']): RecentEntry => ({
  id: `0190a000-0000-7000-8000-00000000000${id}`,
  tags: ['Bug'],
  note: null,
  capturedAt: '2026-12-05T10:00:00.000Z',
  status,
  detail: null,
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  await unmountSidebars();
  vi.useRealTimers();
});

/** Renders the sidebar over an api whose recent list the test sets; returns what was saved. */
async function renderWith(recent: { current: RecentEntry[] }) {
  const saved: SidebarSnapshot[] = [];
  const sink: SnapshotSink = {
    save: async (s) => void saved.push(s),
    environment: ENVIRONMENT,
    paintedKey: null,
  };
  const api: SidebarApi = fakeSidebarApi({
    config: async () => CONFIG,
    recent: async () => recent.current,
    capture: async () => ({ id: entry('9', 'Queued').id, tagLabel: 'Bug', routed: true }),
  });
  const host = await renderSidebar({ api, snapshots: sink });
  const wait = () => act(async () => vi.advanceTimersByTimeAsync(SNAPSHOT_DELAY_MS));
  return { host, saved, wait };
}

function agentClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

describe('the sidebar keeps its snapshot for the next page load', () => {
  it('saves its markup at rest with the key of the data it shows, once per change', async () => {
    const recent = { current: [entry('1', 'Sent')] };
    const { host, saved, wait } = await renderWith(recent);
    expect(saved).toEqual([]);
    await wait();
    expect(saved).toHaveLength(1);
    const [first] = saved;
    expect(first?.key).toBe(
      snapshotKey(sidebarDataKey(CONFIG, { entries: recent.current }), DEFAULT_LAYOUT, ENVIRONMENT),
    );
    expect(first?.live).toBe(false);
    expect(first?.sites).toEqual(CONFIG.sites);
    expect(first?.tree).toEqual(serializeElement(host.querySelector('.em-root') as Element));
    await wait();
    expect(saved).toHaveLength(1); // nothing changed, nothing written
  });

  it('leaves out the "Saved" notice and its Undo, and marks a capture on its way as live', async () => {
    const recent = { current: [entry('1', 'Sent')] };
    const { host, saved, wait } = await renderWith(recent);
    await wait();
    const rest = saved[0]?.tree;
    recent.current = [entry('9', 'Queued'), entry('1', 'Sent')];
    await act(async () => agentClick(host.querySelector('button.em-tag') as Element));
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Saved: Bug');
    await wait();
    expect(saved).toHaveLength(2);
    expect(saved[1]?.live).toBe(true);
    const tree = JSON.stringify(saved[1]?.tree);
    expect(tree).not.toContain('Saved: Bug');
    expect(tree).not.toContain('em-undo');
    expect(tree).toContain('Queued');
    // The same sidebar with the new list at rest renders what was saved, notice aside.
    expect(JSON.stringify(rest)).not.toContain('Queued');
  });

  it('does not save while an inline edit is open', async () => {
    const recent = { current: [entry('1', 'Sent')] };
    const { host, saved, wait } = await renderWith(recent);
    await act(async () => (host.querySelector('button.em-link') as HTMLButtonElement).click()); // "Edit note"
    expect(host.querySelector('.em-inline')).not.toBeNull();
    await wait();
    expect(saved).toEqual([]);
  });
});

// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SidebarApi } from '../../components/sidebar/app/sidebar-api';
import {
  restingTree,
  SNAPSHOT_DELAY_MS,
  type SnapshotSink,
} from '../../components/sidebar/app/useSnapshotWriter';
import type { TaxonomyTag } from '../../lib/config/settings';
import type { RecentEntry } from '../../lib/protocol/messages';
import { sidebarDataKey, snapshotKey } from '../../lib/sidebar/data-key';
import { DEFAULT_LAYOUT } from '../../lib/sidebar/site-prefs';
import { type SidebarSnapshot, serializeElement } from '../../lib/sidebar/snapshot';
import { fakeSidebarApi } from '../helpers/sidebar-api';
import { renderSidebar, unmountSidebars } from '../helpers/sidebar-render';

// The sidebar app is built with Preact in React's place (wxt.config.ts), and its snapshot is read
// from Preact's own tree of what it rendered (app/rendered-tree.ts): rendered with Preact here too.
vi.mock('react', async () => ({
  ...(await import('preact/compat')),
  act: (await import('preact/test-utils')).act,
}));
vi.mock('react/jsx-runtime', () => import('preact/compat/jsx-runtime'));
vi.mock('react/jsx-dev-runtime', () => import('preact/compat/jsx-dev-runtime'));
vi.mock('react-dom/client', () => import('preact/compat/client'));

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
  // Preact runs effects after the next frame (at most 35 ms; within act, when act ends): they run,
  // then the snapshot's delay passes.
  const wait = async () => {
    await act(async () => vi.advanceTimersByTimeAsync(50));
    await act(async () => vi.advanceTimersByTimeAsync(SNAPSHOT_DELAY_MS));
  };
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
    // The markup as rendered, the status line saved empty (Preact renders its '' as a text node).
    const markup = JSON.stringify(serializeElement(host.querySelector('.em-root') as Element));
    expect(JSON.stringify(first?.tree)).toBe(
      markup.replace('["role","status"],[""]', '["role","status"],[]'),
    );
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

  it("saves only what the app rendered: a page script's nodes, text and data-tag are left out", async () => {
    const recent = { current: [entry('1', 'Sent')] };
    const { host, saved, wait } = await renderWith(recent);
    await wait();
    // The page reaches into the open shadow root: a look-alike tag button, a paragraph, text in
    // the app's own elements, the app's heading reworded and its tag button retargeted.
    const bug = host.querySelector('button.em-tag') as HTMLButtonElement;
    const fake = document.createElement('button');
    fake.className = 'em-tag';
    fake.dataset.tag = 'spam';
    fake.append('Spam');
    bug.before(fake);
    const paragraph = document.createElement('p');
    paragraph.append('Inserted by the page');
    host.querySelector('.em-body')?.append(paragraph);
    bug.append(' (page text)');
    bug.dataset.tag = 'spam';
    bug.setAttribute('aria-label', 'Spam');
    const heading = host.querySelector('h2')?.firstChild as Text;
    heading.data = 'Earmark (page)';
    // The agent captures: the list changes and the sidebar is saved again.
    recent.current = [entry('9', 'Sent'), entry('1', 'Sent')];
    await act(async () => agentClick(bug));
    await wait();
    expect(saved).toHaveLength(2);
    expect(host.textContent).toContain('Inserted by the page'); // the page's nodes are still shown…
    const tree = JSON.stringify(saved[1]?.tree);
    for (const planted of ['Spam', 'spam', 'Inserted by the page', '(page text)', 'Earmark (page)']) {
      expect(tree).not.toContain(planted); // …but not saved
    }
    expect(tree).toContain('"data-tag","bug"');
    // What was saved is what an untouched sidebar with the same list saves.
    const untouched = await renderWith({ current: recent.current });
    await untouched.wait();
    expect(saved[1]?.tree).toEqual(untouched.saved[0]?.tree);
    expect(saved[0]?.tree).not.toEqual(saved[1]?.tree);
    // An element no renderer rendered has no rendered tree: nothing to save.
    expect(restingTree(host.querySelector('p') as Element)).toBeNull();
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

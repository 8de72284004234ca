// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { SidebarApp, SidebarMountOptions } from '../../components/sidebar/launcher/handoff';
import { createSidebarLauncher } from '../../components/sidebar/launcher/launcher';
import { SNAPSHOT_ATTRIBUTE } from '../../components/sidebar/launcher/painted';
import { snapshotKey } from '../../lib/sidebar/data-key';
import { DEFAULT_LAYOUT, type SidebarLayout } from '../../lib/sidebar/site-prefs';
import type { SidebarSnapshot } from '../../lib/sidebar/snapshot';
import type { TicketContext } from '../../lib/sites/adapters';

const context: TicketContext = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  title: null,
  ticketId: '1',
};
const COLLAPSED: SidebarLayout = { ...DEFAULT_LAYOUT, collapsed: true, side: 'left', tabTop: 0.2 };

const ENVIRONMENT = { version: '1.2.3', timezoneOffset: 0, language: 'en' };
/** The tree of a painted sidebar with one tag button and the status line. */
const TREE: SidebarSnapshot['tree'] = [
  'div',
  ['class', 'em-root'],
  [
    [
      'aside',
      ['aria-label', 'Earmark'],
      [
        ['button', ['class', 'em-tag', 'data-tag', 'bug'], ['Bug']],
        ['div', ['role', 'status'], []],
      ],
    ],
  ],
];
/** The data key the background published last (in storage). */
const DATA_KEY = '0123456789abcdef';
/** A snapshot of the data the background last published, on the default layout. */
const FRESH: SidebarSnapshot = {
  key: snapshotKey(DATA_KEY, DEFAULT_LAYOUT, ENVIRONMENT),
  live: false,
  sites: [{ match: 'https://crm.example.com/*', adapter: 'zendesk' }],
  tree: TREE,
};

/** Dispatches an event the way the browser does for the agent's own input. */
function agent<E extends Event>(target: EventTarget, event: E): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** A launcher over a fake app whose loading the test resolves by hand. */
function setup(
  options: {
    snapshot?: SidebarSnapshot | null;
    dataKey?: { current: string | null };
    loadApp?: () => Promise<SidebarApp>;
    openSidePanel?: () => void;
  } = {},
) {
  const dataKey = options.dataKey ?? { current: DATA_KEY };
  const sent: unknown[] = [];
  const errors: unknown[] = [];
  const mounts: SidebarMountOptions[] = [];
  const paintedAtMount: boolean[] = [];
  const unmount = vi.fn();
  const app: SidebarApp = {
    mount(options) {
      mounts.push(options);
      // What the app renders over must still be there when it mounts.
      if (options.painted) paintedAtMount.push(options.container.contains(options.painted.element));
      options.container.append(Object.assign(document.createElement('div'), { className: 'app' }));
      return unmount;
    },
  };
  let release: (app: SidebarApp) => void = () => {};
  const loadApp = vi.fn(options.loadApp ?? (() => new Promise<SidebarApp>((resolve) => (release = resolve))));
  const saved: SidebarLayout[] = [];
  const snapshots: SidebarSnapshot[] = [];
  const siteRules: unknown[] = [];
  const launcher = createSidebarLauncher({
    loadApp,
    prefetch: () => ({
      config: Promise.resolve({ ok: true, value: 'config' }),
      recent: Promise.resolve({ ok: true, value: 'recent' }),
    }),
    saveLayout: async (layout) => {
      saved.push(layout);
    },
    snapshot: () => options.snapshot ?? null,
    dataKey: () => dataKey.current,
    saveSnapshot: async (snapshot) => {
      snapshots.push(snapshot);
    },
    environment: ENVIRONMENT,
    context: () => context,
    send: async (message) => {
      sent.push(message);
      return { ok: true, value: { id: 'captured-1', tagLabel: 'Bug' } };
    },
    setSiteRules: (rules) => siteRules.push(...rules),
    onError: (error) => errors.push(error),
    openSidePanel: options.openSidePanel,
  });
  const container = document.createElement('div');
  document.body.append(container);
  const tab = () => container.querySelector<HTMLButtonElement>('button[aria-label="Open Earmark"]');
  const loaded = async () => {
    release(app);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const painted = () => container.querySelector(`[${SNAPSHOT_ATTRIBUTE}]`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    launcher,
    container,
    tab,
    loadApp,
    loaded,
    mounts,
    paintedAtMount,
    sent,
    errors,
    unmount,
    saved,
    snapshots,
    siteRules,
    painted,
    settle,
  };
}

describe('the sidebar launcher', () => {
  it('shows only the plain tab on a collapsed site, and loads nothing until it is opened', async () => {
    const t = setup();
    t.launcher.show(t.container, COLLAPSED);
    expect(t.tab()?.className).toBe('em-tab em-tab-left');
    expect(t.tab()?.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+E');
    expect(t.tab()?.style.top).toBe('calc((100% - 96px) * 0.2)');
    expect(t.loadApp).not.toHaveBeenCalled();

    t.tab()?.click();
    expect(t.saved).toEqual([{ ...COLLAPSED, collapsed: false }]);
    expect(t.loadApp).toHaveBeenCalledOnce();
    await t.loaded();
    expect(t.tab()).toBeNull();
    expect(t.container.querySelector('.app')).not.toBeNull();
    expect(t.mounts[0]).toMatchObject({
      layout: { ...COLLAPSED, collapsed: false },
      open: { visible: false, fromPage: false },
    });
    expect(t.mounts[0]?.context()).toBe(context);
    expect(await t.mounts[0]?.prefetched?.config).toEqual({ ok: true, value: 'config' });
    expect(await t.mounts[0]?.prefetched?.recent).toEqual({ ok: true, value: 'recent' });
    // The app remembers its layout through the launcher's storage (it bundles none itself).
    await t.mounts[0]?.saveLayout({ ...COLLAPSED, collapsed: false, width: 300 });
    expect(t.saved.at(-1)).toEqual({ ...COLLAPSED, collapsed: false, width: 300 });
  });

  it('offers "Open in side panel" beside the collapsed tab where the browser has one, for the agent only', () => {
    const openSidePanel = vi.fn();
    const t = setup({ openSidePanel });
    t.launcher.show(t.container, COLLAPSED);
    const panel = t.container.querySelector<HTMLButtonElement>('button[aria-label="Open in side panel"]');
    expect(panel?.className).toBe('em-tab-panel em-tab-left');
    expect(panel?.style.top).toBe('calc((100% - 96px) * 0.2 + 100px)'); // below the tab
    panel?.click(); // untrusted, as a page script's click() would be: the browser would refuse anyway
    expect(openSidePanel).not.toHaveBeenCalled();
    expect(t.loadApp).not.toHaveBeenCalled();
    t.launcher.hide();
    expect(t.container.querySelector('button')).toBeNull();
    // Without a side panel (Firefox) the tab stands alone.
    const plain = setup();
    plain.launcher.show(plain.container, COLLAPSED);
    expect(plain.container.querySelectorAll('button')).toHaveLength(1);
  });

  it('moves the tab with the arrow keys and remembers where, without loading the app', () => {
    const t = setup();
    t.launcher.show(t.container, COLLAPSED);
    t.tab()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true }));
    expect(t.tab()?.style.top).toBe('calc((100% - 96px) * 0.25)');
    expect(t.saved.at(-1)?.tabTop).toBeCloseTo(0.25);
    expect(t.loadApp).not.toHaveBeenCalled();
  });

  it('loads the app at once on an open site, and routes Alt+Shift+E to it once mounted', async () => {
    const t = setup();
    expect(t.launcher.toggle()).toBe(false); // nothing shown yet
    t.launcher.show(t.container, DEFAULT_LAYOUT);
    expect(t.loadApp).toHaveBeenCalledOnce();
    expect(t.tab()).toBeNull();
    expect(t.launcher.toggle()).toBe(true); // before the app is in: focus the tags once it is
    await t.loaded();
    expect(t.mounts[0]?.open).toEqual({ visible: true, fromPage: true });
    expect(t.saved).toEqual([]); // it was open already

    const listener = vi.fn();
    t.mounts[0]?.onToggle(listener);
    expect(t.launcher.toggle()).toBe(true);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('opens a collapsed site on Alt+Shift+E with the focus ring, remembering the page focus', async () => {
    const t = setup();
    t.launcher.show(t.container, COLLAPSED);
    expect(t.launcher.toggle()).toBe(true);
    await t.loaded();
    expect(t.mounts[0]?.open).toEqual({ visible: true, fromPage: true });
  });

  it('does not mount an app that arrives after the site was switched off', async () => {
    const t = setup();
    t.launcher.show(t.container, DEFAULT_LAYOUT);
    t.launcher.hide();
    await t.loaded();
    expect(t.mounts).toEqual([]);
    expect(t.launcher.toggle()).toBe(false);

    t.launcher.show(t.container, DEFAULT_LAYOUT); // switched on again: mounted exactly once
    await t.loaded();
    expect(t.mounts).toHaveLength(1);
    t.launcher.hide();
    expect(t.unmount).toHaveBeenCalledOnce();
  });
});

describe('the sidebar launcher with a snapshot of the open sidebar', () => {
  it('paints a fresh snapshot and loads no app until the agent reaches for it', async () => {
    const t = setup({ snapshot: FRESH });
    t.launcher.show(t.container, DEFAULT_LAYOUT);
    expect(t.painted()?.querySelector('button')?.textContent).toBe('Bug');
    expect(t.siteRules).toEqual(FRESH.sites); // the context menu reads admin-added sites right away
    await t.settle();
    expect(t.loadApp).not.toHaveBeenCalled();

    // A page script's event does not count as the agent reaching for the sidebar.
    t.painted()?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    await t.settle();
    expect(t.loadApp).not.toHaveBeenCalled();

    agent(t.painted() as Element, new PointerEvent('pointerover', { bubbles: true }));
    expect(t.loadApp).toHaveBeenCalledOnce();
    const button = t.painted()?.querySelector('button') as HTMLButtonElement;
    // A click on a tag before the app is in is a capture at once, shown in the status line.
    agent(button, new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(t.sent).toEqual([{ type: 'capture', tagId: 'bug', note: null, quote: null, context }]);
    await t.settle();
    expect(t.painted()?.querySelector('[role="status"]')?.textContent).toBe('Saved: Bug');
    await t.loaded();
    const mount = t.mounts[0];
    expect(mount?.painted?.key).toBe(FRESH.key);
    expect(mount?.painted?.element.querySelector('button')).toBe(button); // rendered over, not replaced
    expect(t.paintedAtMount).toEqual([true]);
    const early = mount?.painted?.early.take();
    expect(early?.events).toEqual([]); // nothing to replay: the capture was sent
    expect(await early?.captures[0]).toEqual({ ok: true, value: { id: 'captured-1', tagLabel: 'Bug' } });
    await mount?.saveSnapshot(FRESH);
    expect(t.snapshots).toEqual([FRESH]);
  });

  it("captures the tag it painted on a button, whatever the page's script did to the painted DOM", async () => {
    const tree: SidebarSnapshot['tree'] = [
      'div',
      ['class', 'em-root'],
      [
        [
          'aside',
          ['aria-label', 'Earmark'],
          [
            ['button', ['class', 'em-icon', 'aria-label', 'Collapse Earmark'], ['›']],
            ['button', ['class', 'em-tag', 'data-tag', 'bug'], ['Bug']],
            ['button', ['class', 'em-tag', 'data-tag', 'chaser'], ['Chaser']],
            ['div', ['role', 'status'], []],
          ],
        ],
      ],
    ];
    const t = setup({ snapshot: { ...FRESH, tree } });
    t.launcher.show(t.container, DEFAULT_LAYOUT);
    const painted = t.painted() as Element;
    const [collapse, bug, chaser] = Array.from(painted.querySelectorAll('button'));
    // The page reaches into the open shadow root: it retargets the painted buttons and puts a
    // look-alike tag button of its own first.
    bug?.setAttribute('data-tag', 'praise');
    chaser?.removeAttribute('data-tag');
    collapse?.setAttribute('data-tag', 'bug');
    const fake = document.createElement('button');
    fake.className = 'em-tag';
    fake.dataset.tag = 'feature-request';
    fake.append('Feature request');
    painted.querySelector('aside')?.prepend(fake);
    const click = () => new MouseEvent('click', { bubbles: true, cancelable: true });

    agent(fake, click());
    agent(collapse as Element, click());
    expect(t.sent).toEqual([]); // neither the page's button nor a data-tag it set is a capture
    agent(bug as Element, click());
    agent(chaser as Element, click());
    expect(t.sent.map((m) => (m as { tagId: string }).tagId)).toEqual(['bug', 'chaser']);

    agent(painted, new PointerEvent('pointerover', { bubbles: true }));
    await t.loaded();
    // Only the agent's click on the painted collapse button waits for the app, and as no tag's.
    const early = t.mounts[0]?.painted?.early.take();
    expect(early?.events.map((e) => [e.target, e.tag])).toEqual([[collapse, null]]);
  });

  it('loads the app at once when the snapshot is stale, live, or does not rebuild', async () => {
    for (const [snapshot, dataKey] of [
      [{ ...FRESH, key: snapshotKey('another data key', DEFAULT_LAYOUT, ENVIRONMENT) }, DATA_KEY],
      [FRESH, null], // nothing published yet
      [{ ...FRESH, live: true }, DATA_KEY],
      [{ ...FRESH, tree: ['script', [], ['alert(1)']] as SidebarSnapshot['tree'] }, DATA_KEY],
    ] as const) {
      const t = setup({ snapshot, dataKey: { current: dataKey } });
      t.launcher.show(t.container, DEFAULT_LAYOUT);
      await t.settle();
      expect(t.loadApp).toHaveBeenCalledOnce();
      await t.loaded();
      expect(t.mounts).toHaveLength(1);
      expect(t.errors).toEqual([]);
    }
  });

  it('checks again when the published key changes or the tab is shown, and opens on Alt+Shift+E', async () => {
    const t = setup({ snapshot: FRESH });
    t.launcher.show(t.container, { ...DEFAULT_LAYOUT, width: 300 }); // the layout is in the key
    await t.settle();
    expect(t.loadApp).toHaveBeenCalledOnce();

    const published = { current: DATA_KEY as string | null };
    const u = setup({ snapshot: FRESH, dataKey: published });
    u.launcher.show(u.container, DEFAULT_LAYOUT);
    u.launcher.recheck();
    await u.settle();
    expect(u.loadApp).not.toHaveBeenCalled();
    published.current = 'fedcba9876543210'; // a capture in another tab, say
    u.launcher.recheck();
    expect(u.loadApp).toHaveBeenCalledOnce();

    const v = setup({ snapshot: FRESH });
    v.launcher.show(v.container, DEFAULT_LAYOUT);
    expect(v.launcher.toggle()).toBe(true);
    await v.loaded();
    expect(v.mounts[0]?.open).toEqual({ visible: true, fromPage: true });
  });

  it('takes a painted sidebar away when the app cannot load, so no click goes nowhere', async () => {
    const t = setup({
      snapshot: { ...FRESH, live: true },
      loadApp: () => Promise.reject(new Error('gone')),
    });
    t.launcher.show(t.container, DEFAULT_LAYOUT);
    expect(t.painted()).not.toBeNull();
    await t.settle();
    await t.settle();
    expect(t.errors).toEqual([new Error('gone')]);
    expect(t.painted()).toBeNull();
  });
});

// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { SidebarApp, SidebarMountOptions } from '../../components/sidebar-handoff';
import { createSidebarLauncher } from '../../components/sidebar-launcher';
import type { TicketContext } from '../../lib/adapters';
import { DEFAULT_LAYOUT, type SidebarLayout } from '../../lib/site-prefs';

const context: TicketContext = {
  site: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  title: null,
  ticketId: '1',
  customer: null,
};
const COLLAPSED: SidebarLayout = { ...DEFAULT_LAYOUT, collapsed: true, side: 'left', tabTop: 0.2 };

/** A launcher over a fake app whose loading the test resolves by hand. */
function setup() {
  const mounts: SidebarMountOptions[] = [];
  const unmount = vi.fn();
  const app: SidebarApp = {
    mount(options) {
      mounts.push(options);
      options.container.append(Object.assign(document.createElement('div'), { className: 'app' }));
      return unmount;
    },
  };
  let release: (app: SidebarApp) => void = () => {};
  const loadApp = vi.fn(() => new Promise<SidebarApp>((resolve) => (release = resolve)));
  const saved: SidebarLayout[] = [];
  const launcher = createSidebarLauncher({
    loadApp,
    prefetch: () => ({
      config: Promise.resolve({ ok: true, value: 'config' }),
      recent: Promise.resolve({ ok: true, value: 'recent' }),
    }),
    saveLayout: async (layout) => {
      saved.push(layout);
    },
    context: () => context,
    setSiteRules: () => {},
    onError: (error) => {
      throw error;
    },
  });
  const container = document.createElement('div');
  document.body.append(container);
  const tab = () => container.querySelector<HTMLButtonElement>('button[aria-label="Open Earmark"]');
  const loaded = async () => {
    release(app);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { launcher, container, tab, loadApp, loaded, mounts, unmount, saved };
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

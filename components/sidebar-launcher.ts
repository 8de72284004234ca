import type { SiteAdapterRule, TicketContext } from '@/lib/adapters';
import type { SidebarLayout } from '@/lib/site-prefs';
import { type CollapsedTabWidget, createCollapsedTab } from './collapsed-tab-dom';
import type { OpenRequest, Prefetched, SidebarApp } from './sidebar-handoff';

/** What the launcher needs from the page, storage and the background. */
export interface LauncherDeps {
  /** Loads the sidebar app into this frame; resolves when it is there. */
  loadApp(): Promise<SidebarApp>;
  /** Asks the background for the sidebar config and recent captures now (raw replies), so they are there when the app is. */
  prefetch(): Prefetched;
  saveLayout(layout: SidebarLayout): Promise<void>;
  context(): TicketContext;
  setSiteRules(rules: SiteAdapterRule[]): void;
  /** Where a failure to load the app is reported (the console in production). */
  onError(error: unknown): void;
}

/** The eager part of the sidebar: shows the tab or starts the app, and routes Alt+Shift+E. */
export interface SidebarLauncher {
  /** The shadow root's container was mounted: show this site's sidebar in it. */
  show(container: HTMLElement, layout: SidebarLayout): void;
  /** The container is going away (site switched off, page unloading). */
  hide(): void;
  /** Alt+Shift+E; false when nothing is shown on this page. */
  toggle(): boolean;
}

/**
 * A collapsed site gets only the plain-DOM tab: React and the sidebar app load when the agent
 * opens it. An open site loads the app at once (its tags must be clickable right away).
 */
export function createSidebarLauncher(deps: LauncherDeps): SidebarLauncher {
  let container: HTMLElement | null = null;
  let layout: SidebarLayout | null = null;
  let tab: { root: HTMLElement; widget: CollapsedTabWidget } | null = null;
  let unmountApp: (() => void) | null = null;
  let loading = false;
  let pendingOpen: OpenRequest | null = null;
  // Bumped on every show/hide, so an app that arrives for an earlier showing is not mounted.
  let generation = 0;
  const toggleListeners = new Set<() => void>();

  const removeTab = () => {
    tab?.widget.destroy();
    tab?.root.remove();
    tab = null;
  };

  const mountApp = () => {
    if (loading || unmountApp) return;
    loading = true;
    const showing = generation;
    const prefetched = deps.prefetch();
    // The app reports a failed request itself.
    prefetched.config.catch(() => {});
    prefetched.recent.catch(() => {});
    deps.loadApp().then(
      (app) => {
        if (showing !== generation) return; // hidden (and maybe shown again) meanwhile
        loading = false;
        if (!container || !layout) return;
        removeTab();
        const open = pendingOpen;
        pendingOpen = null;
        unmountApp = app.mount({
          container,
          layout,
          open,
          onToggle(listener) {
            toggleListeners.add(listener);
            return () => toggleListeners.delete(listener);
          },
          context: deps.context,
          setSiteRules: deps.setSiteRules,
          saveLayout: deps.saveLayout,
          prefetched,
        });
      },
      (error: unknown) => {
        if (showing === generation) loading = false; // a later open may try again
        deps.onError(error);
      },
    );
  };

  /** The agent opens the sidebar from the tab or the command: remember it open, load the app. */
  const open = (request: OpenRequest) => {
    if (!layout) return;
    if (layout.collapsed) {
      layout = { ...layout, collapsed: false };
      void deps.saveLayout(layout).catch(deps.onError);
    }
    pendingOpen = request;
    mountApp();
  };

  const showTab = (target: HTMLElement, current: SidebarLayout) => {
    const root = target.ownerDocument.createElement('div');
    root.className = 'em-root';
    const widget = createCollapsedTab(target.ownerDocument, current, {
      onOpen: () => open({ visible: false, fromPage: false }),
      onMove: (tabTop, persist) => {
        if (!layout) return;
        layout = { ...layout, tabTop };
        widget.update(layout.side, tabTop);
        if (persist) void deps.saveLayout(layout).catch(deps.onError);
      },
      onCommit: () => {
        if (layout) void deps.saveLayout(layout).catch(deps.onError);
      },
    });
    root.append(widget.element);
    target.append(root);
    tab = { root, widget };
  };

  return {
    show(target, current) {
      generation++;
      container = target;
      layout = current;
      if (current.collapsed) showTab(target, current);
      else mountApp();
    },
    hide() {
      generation++;
      removeTab();
      unmountApp?.();
      unmountApp = null;
      loading = false;
      pendingOpen = null;
      container = null;
      layout = null;
      toggleListeners.clear();
    },
    toggle() {
      if (!container) return false;
      if (unmountApp) {
        for (const listener of toggleListeners) listener();
        return toggleListeners.size > 0;
      }
      open({ visible: true, fromPage: true }); // still loading, or only the tab is shown
      return true;
    },
  };
}

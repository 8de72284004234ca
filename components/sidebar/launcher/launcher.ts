import type { SnapshotEnvironment } from '@/lib/sidebar/data-key';
import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import type { SidebarSnapshot } from '@/lib/sidebar/snapshot';
import type { SiteAdapterRule, TicketContext } from '@/lib/sites/adapters';
import { type CollapsedTabWidget, createCollapsedTab } from './collapsed-tab-dom';
import type { OpenRequest, Prefetched, SidebarApp } from './handoff';
import { isSnapshotCurrent, type PaintedSidebar, paintSnapshot } from './painted';

/** What the launcher needs from the page, storage and the background. */
export interface LauncherDeps {
  /** Loads the sidebar app into this frame; resolves when it is there. */
  loadApp(): Promise<SidebarApp>;
  /** Asks the background for the sidebar config and recent captures now (raw replies), so they are there when the app is. */
  prefetch(): Prefetched;
  saveLayout(layout: SidebarLayout): Promise<void>;
  /** This site's last sidebar snapshot (null: none yet), painted before the app is loaded. */
  snapshot(): SidebarSnapshot | null;
  /** The sidebar data key the background last published (lib/sidebar/data-key.ts), if any. */
  dataKey(): string | null;
  /** Remembers this site's snapshot, which the app writes when it has rendered new data at rest. */
  saveSnapshot(snapshot: SidebarSnapshot): Promise<void>;
  /** What a snapshot key includes besides data and layout (build version, clock, language). */
  environment: SnapshotEnvironment;
  context(): TicketContext;
  /** Sends a message to the background (a capture from the painted sidebar); the raw reply. */
  send(message: unknown): Promise<unknown>;
  setSiteRules(rules: SiteAdapterRule[]): void;
  /** Where a failure to load the app is reported (the console in production). */
  onError(error: unknown): void;
  /** Opens the browser's side panel (the collapsed tab offers it); absent where there is none. */
  openSidePanel?: () => void;
}

/** The eager part of the sidebar: shows the tab or starts the app, and routes Alt+Shift+E. */
export interface SidebarLauncher {
  /** The shadow root's container was mounted: show this site's sidebar in it. */
  show(container: HTMLElement, layout: SidebarLayout): void;
  /** The container is going away (site switched off, page unloading). */
  hide(): void;
  /** Alt+Shift+E; false when nothing is shown on this page. */
  toggle(): boolean;
  /** The published data key changed, or the tab is shown again: a painted snapshot checks itself. */
  recheck(): void;
}

/**
 * A collapsed site gets only the plain-DOM tab: the sidebar app loads when the agent opens it. An
 * open site with a snapshot gets it painted at once, as plain DOM, and the app loads when the agent
 * reaches for the sidebar, or at once when the snapshot is stale or shows something still moving;
 * without a snapshot, the app loads at once.
 */
export function createSidebarLauncher(deps: LauncherDeps): SidebarLauncher {
  let container: HTMLElement | null = null;
  let layout: SidebarLayout | null = null;
  let tab: { root: HTMLElement; widget: CollapsedTabWidget } | null = null;
  let painted: PaintedSidebar | null = null;
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

  const mountApp = (prefetched: Prefetched = deps.prefetch()) => {
    if (loading || unmountApp) return;
    loading = true;
    const showing = generation;
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
        const over = painted;
        painted = null;
        over?.stopWaiting(); // the element stays for the app to render over
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
          saveSnapshot: deps.saveSnapshot,
          prefetched,
          painted: over ? { element: over.element, key: over.snapshot.key, early: over.early } : null,
        });
      },
      (error: unknown) => {
        if (showing !== generation) return;
        loading = false; // a later open may try again
        // A sidebar that looks ready but cannot capture would lose the agent's clicks: take it away.
        painted?.remove();
        painted = null;
        deps.onError(error);
      },
    );
  };

  /** A painted snapshot that is stale or shows something still moving: the app renders now. */
  const checkPainted = () => {
    if (!painted || !layout) return;
    if (!isSnapshotCurrent(painted.snapshot, deps.dataKey(), layout, deps.environment)) mountApp();
  };

  const paint = (target: HTMLElement): boolean => {
    const snapshot = deps.snapshot();
    if (!snapshot) return false;
    painted = paintSnapshot(target, snapshot, () => mountApp(), deps);
    if (!painted) return false;
    deps.setSiteRules(snapshot.sites as SiteAdapterRule[]); // until the app reads the config
    checkPainted();
    return true;
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
      onOpenSidePanel: deps.openSidePanel,
    });
    root.append(widget.element);
    if (widget.panelButton) root.append(widget.panelButton);
    target.append(root);
    tab = { root, widget };
  };

  return {
    show(target, current) {
      generation++;
      container = target;
      layout = current;
      if (current.collapsed) showTab(target, current);
      else if (!paint(target)) mountApp();
    },
    hide() {
      generation++;
      removeTab();
      painted?.remove();
      painted = null;
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
      open({ visible: true, fromPage: true }); // still loading, painted, or only the tab is shown
      return true;
    },
    recheck: checkPainted,
  };
}

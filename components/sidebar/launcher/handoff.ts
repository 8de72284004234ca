import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import type { SidebarSnapshot } from '@/lib/sidebar/snapshot';
import type { SiteAdapterRule, TicketContext } from '@/lib/sites/adapters';
import type { EarlyInput } from './early-input';

// The contract between the overlay launcher (entrypoints/sidebar-launcher.ts) and the sidebar app it imports
// later (entrypoints/sidebar-app). Both run in the extension's isolated world of the same frame,
// which the page cannot see, so they meet on a global of that world.

/** The agent asked to open the sidebar before the app was loaded (tab click or Alt+Shift+E). */
export interface OpenRequest {
  /** Show the focus ring on the first tag (a keyboard command, not a click). */
  visible: boolean;
  /** Focus was on the page: remember it so Escape can go back there. */
  fromPage: boolean;
}

/** Raw replies to the launcher's early 'sidebar-config' and 'recent' requests. */
export interface Prefetched {
  config: Promise<unknown>;
  recent: Promise<unknown>;
}

/** What the launcher hands the sidebar app when it mounts it. */
export interface SidebarMountOptions {
  /** Our element inside the shadow root (styles already loaded by the launcher). */
  container: HTMLElement;
  layout: SidebarLayout;
  open: OpenRequest | null;
  /** Subscribes to Alt+Shift+E (routed by the launcher); returns the unsubscribe function. */
  onToggle(listener: () => void): () => void;
  /** The ticket context at this moment (the launcher's adapters). */
  context(): TicketContext;
  /** Admin-added sites from the sidebar config, so the launcher reads them with the right adapter. */
  setSiteRules(rules: SiteAdapterRule[]): void;
  /** Remembers this site's layout (the launcher's storage, so the app bundles none). */
  saveLayout(layout: SidebarLayout): Promise<void>;
  /** Raw replies to the requests sent while the app loaded (the app validates them). */
  prefetched: Prefetched | null;
  /** Remembers this site's sidebar as rendered at rest, for the launcher's next first paint. */
  saveSnapshot(snapshot: SidebarSnapshot): Promise<void>;
  /**
   * The snapshot the launcher painted in the container, if any: the app renders over it (Preact
   * reuses its elements), then replays the agent's input on it. `key` is the snapshot's key.
   */
  painted: { element: Element; key: string; early: EarlyInput } | null;
}

/** The lazily loaded sidebar app. */
export interface SidebarApp {
  /** Renders the sidebar into the container; returns the function that removes it. */
  mount(options: SidebarMountOptions): () => void;
}

interface Slot {
  app: SidebarApp | null;
  waiting: Array<(app: SidebarApp) => void>;
}

const KEY = Symbol.for('earmark.sidebar-app');

function slot(): Slot {
  const world = globalThis as unknown as Record<symbol, Slot | undefined>;
  world[KEY] ??= { app: null, waiting: [] };
  return world[KEY];
}

/** Called by the sidebar app once it has loaded: hands itself to the launcher. */
export function provideSidebarApp(app: SidebarApp): void {
  const current = slot();
  current.app = app;
  for (const resolve of current.waiting.splice(0)) resolve(app);
}

/** Resolves with the sidebar app as soon as it has loaded (at once if it already has). */
export function sidebarApp(): Promise<SidebarApp> {
  const current = slot();
  if (current.app) return Promise.resolve(current.app);
  return new Promise((resolve) => current.waiting.push(resolve));
}

/** Whether the sidebar app is already loaded in this frame. */
export function sidebarAppLoaded(): boolean {
  return slot().app !== null;
}

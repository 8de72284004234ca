import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { StartupPrefs } from '@/lib/sidebar/snapshot-store';
import { fromWorld, inWorld } from '@/lib/sidebar/world-slot';
import type { SiteAdapterRule, TicketContext } from '@/lib/sites/adapters';
import type { SidebarLauncher } from './launcher';

// The modules the eager stub (entrypoints/content) imports by URL, and what each hands over.
// Type-only imports of their code: a value import would bundle them into the stub, which the
// import rule `stub-not-launcher` (scripts/check-imports.mjs) forbids.

/** Reads the ticket context of this page (the site adapters), given the admin-added sites. */
export interface ContextReader {
  readContext(rules: readonly SiteAdapterRule[]): TicketContext;
}

/** What the stub gives the overlay launcher when it starts it. */
export interface OverlayOptions {
  ctx: ContentScriptContext;
  host: string;
  prefs: StartupPrefs;
  /** Whether the page asks the worker about the side panel (then no app is preloaded). */
  askPanel: boolean;
  /** Where the browser lets a page open the side panel (the collapsed tab offers it). */
  canOpenPanel: boolean;
  siteRules(): readonly SiteAdapterRule[];
  setSiteRules(rules: SiteAdapterRule[]): void;
}

/** The overlay launcher module (entrypoints/sidebar-launcher.ts). */
export interface LauncherModule extends ContextReader {
  /** The sidebar's stylesheet, which the stub's host mounts with (host.ts). */
  styles: string;
  /** Starts the painter, collapsed tab and app loading for this page; call once. */
  startOverlay(options: OverlayOptions): SidebarLauncher;
}

/** The slot names the modules hand themselves over on (lib/sidebar/world-slot.ts). */
export const LAUNCHER_SLOT = 'sidebar-launcher';
export const CONTEXT_READER_SLOT = 'context-reader';

const loading = new Map<string, Promise<unknown>>();

/**
 * Imports a web-accessible module into this isolated world, once, and resolves with what it hands
 * over. A failed import may be tried again.
 */
export function loadModule<T>(
  url: string,
  name: string,
  load: (url: string) => Promise<unknown>,
): Promise<T> {
  const ready = inWorld<T>(name);
  if (ready) return Promise.resolve(ready);
  let imported = loading.get(name);
  if (!imported) {
    imported = load(url).catch((error: unknown) => {
      loading.delete(name);
      throw error;
    });
    loading.set(name, imported);
  }
  return imported.then(() => fromWorld<T>(name));
}

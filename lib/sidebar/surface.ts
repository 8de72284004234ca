import type { SidebarLayout } from './layout-shape';

// Where Earmark shows itself on a CRM page: the in-page sidebar, or nothing (the browser's side
// panel is the surface). Decided by the eager launcher from its one startup storage read, so a
// page load in the usual case (no side panel open anywhere) sends the worker no message at all.
// No zod, no imports at run time: this is part of the eager content script.

/** Where Earmark shows itself on a site: the in-page sidebar, or the browser's side panel. */
export type Surface = 'overlay' | 'sidePanel';

/** The admin's policy on the surface, as the worker mirrors it into storage.local. */
export interface SurfacePolicy {
  /** The policy's default (null: it sets none, and the overlay is the default). */
  surface: Surface | null;
  /** true: agents cannot change the surface; every site uses the policy's. */
  locked: boolean;
}

/** The key of the agent's own default in the choices record (no hostname is "*"). */
export const ANY_SITE = '*';

const isSurface = (value: unknown): value is Surface => value === 'overlay' || value === 'sidePanel';

/** The stored policy mirror, or no policy when it does not have the right shape. */
export function asSurfacePolicy(value: unknown): SurfacePolicy {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<SurfacePolicy>;
  return { surface: isSurface(v.surface) ? v.surface : null, locked: v.locked === true };
}

/** The agent's stored choices (by hostname, and ANY_SITE for every site), keeping valid ones only. */
export function asSurfaceChoices(value: unknown): Record<string, Surface> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, Surface] => isSurface(entry[1])),
  );
}

/**
 * The surface of a site: the policy's where it is locked; otherwise the agent's choice for the
 * site, then the agent's choice for every site, then the policy's default, then the overlay.
 */
export function siteSurface(policy: SurfacePolicy, choices: Record<string, Surface>, host: string): Surface {
  if (policy.locked) return policy.surface ?? 'overlay';
  return choices[host] ?? choices[ANY_SITE] ?? policy.surface ?? 'overlay';
}

/** What the launcher's startup read tells about this page's surface. */
export interface SurfaceInputs {
  /** The agent has not switched Earmark off on this site. */
  enabled: boolean;
  layout: SidebarLayout;
  /** This site's surface (siteSurface). */
  surface: Surface;
  /** The worker's record says a side panel is open in some window (maybe not this tab's). */
  panelOpenSomewhere: boolean;
}

/** What the launcher does while the page is still parsing. */
export interface StartupPlan {
  /** Ask the worker whether the panel is open in this tab's window (a content script cannot tell). */
  askPanel: boolean;
  /** Fetch the sidebar app and its first data now, before the DOM is ready. */
  preloadApp: boolean;
}

/**
 * Plans the start: no question for the worker unless a panel is open somewhere, and no app loaded
 * early where the page may turn out to be in a window whose side panel shows Earmark, or where
 * the site's surface is the side panel (then the page never loads the app).
 */
export function startupPlan(inputs: SurfaceInputs, snapshotCurrent: boolean): StartupPlan {
  // Asked even where the site is off: the agent may switch it on while the panel is open here.
  const askPanel = inputs.panelOpenSomewhere;
  return {
    askPanel,
    preloadApp:
      inputs.enabled &&
      inputs.surface === 'overlay' &&
      !askPanel &&
      !inputs.layout.collapsed &&
      !snapshotCurrent,
  };
}

/**
 * Whether the eager stub imports the overlay launcher at document_start, right after its storage
 * read: where the page will show the in-page sidebar, unless the worker must first say whether the
 * side panel is open in this window (then the launcher is imported if the answer is no).
 */
export function launcherAtStart(inputs: SurfaceInputs): boolean {
  return inputs.enabled && inputs.surface === 'overlay' && !inputs.panelOpenSomewhere;
}

/** What Earmark puts on the page: the sidebar, only a button that opens the side panel, or nothing. */
export type PageUi = 'sidebar' | 'panel-button' | 'nothing';

/**
 * Nothing where the site is off or a side panel shows Earmark in this window; where the site's
 * surface is the side panel, only a button that opens it (the browser opens a side panel only
 * during the agent's gesture); otherwise the sidebar.
 */
export function pageUi(enabled: boolean, surface: Surface, panelOpenHere: boolean): PageUi {
  if (!enabled || panelOpenHere) return 'nothing';
  return surface === 'sidePanel' ? 'panel-button' : 'sidebar';
}

/** The saved window ids, as far as they are window ids (anything else in storage is dropped). */
export function asWindowIds(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];
}

/**
 * The surface a page uses: the stored one, except where the browser gives pages no way to open
 * its side panel (Firefox opens its sidebar only in the extension's own gestures), where a site
 * set to the side panel would show only a button that cannot open it: there, the overlay.
 */
export function usableSurface(stored: Surface, pageCanOpenPanel: boolean): Surface {
  return pageCanOpenPanel ? stored : 'overlay';
}

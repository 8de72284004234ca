import type { SidebarLayout } from './layout-shape';

// Where Earmark shows itself on a CRM page: the in-page sidebar, or nothing (the browser's side
// panel is the surface). Decided by the eager launcher from its one startup storage read, so a
// page load in the usual case (no side panel open anywhere) sends the worker no message at all.
// No zod, no imports at run time: this is part of the eager content script.

/** What the launcher's startup read tells about this page's surface. */
export interface SurfaceInputs {
  /** The agent has not switched Earmark off on this site. */
  enabled: boolean;
  layout: SidebarLayout;
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
 * early where the page may turn out to be in a window whose side panel shows Earmark.
 */
export function startupPlan(inputs: SurfaceInputs, snapshotCurrent: boolean): StartupPlan {
  // Asked even where the site is off: the agent may switch it on while the panel is open here.
  const askPanel = inputs.panelOpenSomewhere;
  return {
    askPanel,
    preloadApp: inputs.enabled && !askPanel && !inputs.layout.collapsed && !snapshotCurrent,
  };
}

/** Whether the page shows the in-page sidebar: the site is on and no side panel shows Earmark here. */
export function showsOverlay(enabled: boolean, panelOpenHere: boolean): boolean {
  return enabled && !panelOpenHere;
}

/** The saved window ids, as far as they are window ids (anything else in storage is dropped). */
export function asWindowIds(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => Number.isInteger(id)) : [];
}

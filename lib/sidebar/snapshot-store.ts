import {
  SIDE_PANEL_WINDOWS_KEY,
  SIDEBAR_DATA_KEY,
  SIDEBAR_SNAPSHOTS_KEY,
  SIDEBAR_SURFACES_KEY,
  SURFACE_POLICY_KEY,
} from '../storage-keys';
import { publishedKeyFor } from './data-key';
import { localItem, readLocal } from './local-item';
import {
  asHostList,
  DEFAULT_LAYOUT,
  disabledSites,
  isSidebarLayout,
  type SidebarLayout,
  sidebarLayouts,
} from './site-prefs';
import { isSidebarSnapshot, type SidebarSnapshot } from './snapshot';
import { asSurfaceChoices, asSurfacePolicy, asWindowIds, type Surface, siteSurface } from './surface';

// Where the launcher keeps each site's sidebar snapshot (lib/sidebar/snapshot.ts), and the one
// storage read it makes at document_start. No zod: this is part of the eager content script.

/** How many sites keep a snapshot; the oldest written goes first. */
export const SNAPSHOT_SITES = 8;

/** Snapshots by hostname, each with when it was written. Written only by the sidebar app (via the launcher). */
export const sidebarSnapshots = localItem<Record<string, unknown>>(SIDEBAR_SNAPSHOTS_KEY, {});

interface Stored {
  savedAt: number;
  snapshot: SidebarSnapshot;
}

function isStored(value: unknown): value is Stored {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Stored).savedAt === 'number' &&
    isSidebarSnapshot((value as Stored).snapshot)
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The sidebar data keys the background publishes, by hostname (lib/sidebar/data-key.ts). */
export const publishedDataKeys = localItem<Record<string, string>>(SIDEBAR_DATA_KEY, {});

/** The windows whose side panel shows Earmark, as the worker keeps them (lib/sidepanel/panel-windows.ts). */
export const sidePanelWindows = localItem<number[]>(SIDE_PANEL_WINDOWS_KEY, []);

/** The admin policy's surface, as the worker mirrors it (lib/sidebar/surface.ts). */
export const surfacePolicy = localItem<unknown>(SURFACE_POLICY_KEY, null);

/** The agent's choices of surface, by hostname and `*` (lib/sidebar/surface.ts). */
export const surfaceChoices = localItem<Record<string, Surface>>(SIDEBAR_SURFACES_KEY, {});

/** What the launcher needs before the page has parsed, in one storage read. */
export interface StartupPrefs {
  enabled: boolean;
  layout: SidebarLayout;
  /** This site's last sidebar snapshot, if a valid one is stored. */
  snapshot: SidebarSnapshot | null;
  /** The sidebar data key the background last published for this site, if any. */
  dataKey: string | null;
  /** Where Earmark shows itself on this site (the agent's choice or the admin's). */
  surface: Surface;
  /** Some window has the side panel open (which one, only the worker can tell a content script). */
  panelOpenSomewhere: boolean;
}

/** Reads whether the site is on, its layout, snapshot, data key and the side panels, in one storage call. */
export async function startupPrefs(host: string): Promise<StartupPrefs> {
  const [disabled, layouts, snapshots, dataKey, panelWindows, policy, choices] = await readLocal([
    disabledSites,
    sidebarLayouts,
    sidebarSnapshots,
    publishedDataKeys,
    sidePanelWindows,
    surfacePolicy,
    surfaceChoices,
  ]);
  const layout = asRecord(layouts)[host];
  const stored = asRecord(snapshots)[host];
  return {
    enabled: !asHostList(disabled).includes(host),
    layout: isSidebarLayout(layout) ? layout : DEFAULT_LAYOUT,
    snapshot: isStored(stored) ? stored.snapshot : null,
    dataKey: publishedKeyFor(dataKey, host),
    surface: siteSurface(asSurfacePolicy(policy), asSurfaceChoices(choices), host),
    panelOpenSomewhere: asWindowIds(panelWindows).length > 0,
  };
}

/** Stores a site's snapshot, keeping those of the SNAPSHOT_SITES sites written last. */
export async function saveSnapshot(host: string, snapshot: SidebarSnapshot, now = Date.now()): Promise<void> {
  if (!isSidebarSnapshot(snapshot)) throw new Error('invalid sidebar snapshot');
  const kept = Object.entries(asRecord(await sidebarSnapshots.getValue()))
    .filter((entry): entry is [string, Stored] => entry[0] !== host && isStored(entry[1]))
    .sort(([, a], [, b]) => b.savedAt - a.savedAt)
    .slice(0, SNAPSHOT_SITES - 1);
  await sidebarSnapshots.setValue(Object.fromEntries([[host, { savedAt: now, snapshot }], ...kept]));
}

/** The hostnames that keep a snapshot (the sites the background publishes a data key for). */
export async function snapshotHosts(): Promise<string[]> {
  return Object.keys(asRecord(await sidebarSnapshots.getValue()));
}

/** Forgets every site's snapshot (they hold recent captures' notes, already redacted). */
export async function clearSnapshots(): Promise<void> {
  await sidebarSnapshots.removeValue();
}

/** This site's surface now (after the policy mirror or the agent's choice changed). */
export async function surfaceFor(host: string): Promise<Surface> {
  const [policy, choices] = await readLocal([surfacePolicy, surfaceChoices]);
  return siteSurface(asSurfacePolicy(policy), asSurfaceChoices(choices), host);
}

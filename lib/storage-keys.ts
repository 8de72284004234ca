// Every key Earmark keeps in extension storage, with its area and its owner, in one place: adding
// a key is an edit here plus its user. No imports at all: the eager launcher (content script)
// imports the key names below, and the bundler leaves the table out of bundles that do not read it.
// tests/unit/storage-keys.test.ts fails on a storage key named anywhere else in the source.

/** The chrome.storage areas. */
export type StorageArea = 'local' | 'session' | 'sync' | 'managed';

/**
 * The part that writes a key: the service worker, the eager launcher, the lazy sidebar app,
 * the extension's own pages (popup, options, review), or the admin's policy (read-only to us).
 */
export type StorageOwner = 'worker' | 'launcher' | 'app' | 'pages' | 'admin';

/**
 * Where builds before the settings database kept local settings (WXT kept their schema version
 * under `settings$`): imported once into the extension's IndexedDB, then removed
 * (lib/config/settings-db.ts). Never written any more: content scripts can read storage.local.
 */
export const LEGACY_SETTINGS_KEY = 'settings';
/**
 * A fresh random id each time local settings are saved, and nothing else: storage.onChanged tells
 * the worker, the extension's pages and open sidebars to reload the configuration.
 */
export const SETTINGS_CHANGED_KEY = 'settingsChanged';
/** The last sidebar config the worker answered; open sidebars reload when it changes. */
export const LAST_SIDEBAR_CONFIG_KEY = 'sidebarConfig';
/** Delivery tuning, read by the worker; only tests and demos set it (lib/config/store.ts). */
export const DELIVERY_TUNING_KEY = 'deliveryTuning';
/** How the last review-status poll went (lib/hub/status/poll-record.ts). */
export const REVIEW_POLL_KEY = 'reviewPoll';
/** The sidebar data keys the worker publishes, by hostname (lib/sidebar/data-key.ts). */
export const SIDEBAR_DATA_KEY = 'sidebarDataKey';
/** Sidebar layouts by hostname (lib/sidebar/site-prefs.ts). */
export const SIDEBAR_LAYOUTS_KEY = 'sidebarLayouts';
/** Sidebar snapshots by hostname (lib/sidebar/snapshot-store.ts). */
export const SIDEBAR_SNAPSHOTS_KEY = 'sidebarSnapshots';
/** The hostnames where the agent switched Earmark off from the toolbar popup. */
export const DISABLED_SITES_KEY = 'disabledSites';
/**
 * Context-menu captures that failed, with the selected text, until the agent retries or dismisses
 * them in the popup (lib/capture/menu-failures.ts). storage.session: kept in memory, never on disk,
 * since the text was never redacted, and out of content scripts' reach (Chrome's default for it).
 */
export const MENU_FAILURES_KEY = 'menuFailures';
/**
 * The windows whose browser side panel shows Earmark (lib/sidepanel/panel-windows.ts): their tabs
 * show no in-page sidebar. storage.local (window ids only, nothing secret), so the eager launcher
 * reads it in its one startup read; the worker empties it when the browser starts.
 */
export const SIDE_PANEL_WINDOWS_KEY = 'sidePanelWindows';
/**
 * The admin policy's `surface` and `surfaceLocked`, mirrored by the worker (lib/sidebar/surface.ts),
 * so the eager launcher reads them in its one startup read instead of the managed area.
 */
export const SURFACE_POLICY_KEY = 'surfacePolicy';
/** The agent's choice of surface, by hostname and `*` for every site (lib/sidebar/surface.ts). */
export const SIDEBAR_SURFACES_KEY = 'sidebarSurfaces';

/** One stored key: where it lives and who writes it. */
export interface StorageKeySpec {
  key: string;
  area: StorageArea;
  owner: StorageOwner;
}

/** Every storage key (the admin policy's keys are public/managed_schema.json's properties). */
export const STORAGE_KEYS = [
  { key: LEGACY_SETTINGS_KEY, area: 'local', owner: 'pages' },
  { key: SETTINGS_CHANGED_KEY, area: 'local', owner: 'pages' },
  { key: LAST_SIDEBAR_CONFIG_KEY, area: 'local', owner: 'worker' },
  { key: DELIVERY_TUNING_KEY, area: 'local', owner: 'worker' },
  { key: REVIEW_POLL_KEY, area: 'local', owner: 'worker' },
  { key: SIDEBAR_DATA_KEY, area: 'local', owner: 'worker' },
  // The sidebar app saves its layout and snapshots through the launcher, which writes them.
  { key: SIDEBAR_LAYOUTS_KEY, area: 'local', owner: 'launcher' },
  { key: SIDEBAR_SNAPSHOTS_KEY, area: 'local', owner: 'launcher' },
  { key: DISABLED_SITES_KEY, area: 'local', owner: 'pages' },
  { key: SIDE_PANEL_WINDOWS_KEY, area: 'local', owner: 'worker' },
  { key: SURFACE_POLICY_KEY, area: 'local', owner: 'worker' },
  // Chosen in the toolbar popup (this site) and the options page (every site).
  { key: SIDEBAR_SURFACES_KEY, area: 'local', owner: 'pages' },
  { key: MENU_FAILURES_KEY, area: 'session', owner: 'worker' },
  { key: 'endpoints', area: 'managed', owner: 'admin' },
  { key: 'agent', area: 'managed', owner: 'admin' },
  { key: 'taxonomy', area: 'managed', owner: 'admin' },
  { key: 'sites', area: 'managed', owner: 'admin' },
  { key: 'urlMode', area: 'managed', owner: 'admin' },
  { key: 'redaction', area: 'managed', owner: 'admin' },
  { key: 'lockSettings', area: 'managed', owner: 'admin' },
  { key: 'hub', area: 'managed', owner: 'admin' },
  { key: 'surface', area: 'managed', owner: 'admin' },
  { key: 'surfaceLocked', area: 'managed', owner: 'admin' },
] as const satisfies readonly StorageKeySpec[];

type Spec = (typeof STORAGE_KEYS)[number];

/** A key in the table. */
export type StorageKey = Spec['key'];

/** A key kept in storage.local. */
export type LocalStorageKey = Extract<Spec, { area: 'local' }>['key'];

/** The keys of one area. */
export function keysIn(area: StorageArea): StorageKey[] {
  return STORAGE_KEYS.filter((spec) => spec.area === area).map((spec) => spec.key);
}

/** The keys these owners write. */
export function keysOwnedBy(...owners: StorageOwner[]): StorageKey[] {
  return STORAGE_KEYS.filter((spec) => owners.includes(spec.owner)).map((spec) => spec.key);
}

/** WXT's name of a stored item: `<area>:<key>`. */
export type StorageItemKey<K extends StorageKey> = `${Extract<Spec, { key: K }>['area']}:${K}`;

/** WXT's name of a stored item, its area as the table declares it. */
export function storageItemKey<K extends StorageKey>(key: K): StorageItemKey<K> {
  const spec = STORAGE_KEYS.find((s) => s.key === key) as Spec;
  return `${spec.area}:${key}` as StorageItemKey<K>;
}

import { DISABLED_SITES_KEY, SIDEBAR_LAYOUTS_KEY } from '../storage-keys';
import { isSidebarLayout, SIDEBAR_WIDTH, type SidebarLayout } from './layout-shape';
import { localItem } from './local-item';

// No zod here: the eager content script (the launcher) reads these prefs on every CRM page, and
// zod would more than double its size. The storage area is ours (only extension code writes it),
// but a value may still be stale or corrupt, so every read goes through the guards below.

export { isSidebarLayout, SIDEBAR_WIDTH, type SidebarLayout } from './layout-shape';

/** The stored list of switched-off hosts, or [] when it is not a list of strings. */
export function asHostList(value: unknown): string[] {
  return Array.isArray(value) && value.every((h) => typeof h === 'string') ? value : [];
}

/** The layout of a site never seen before. */
export const DEFAULT_LAYOUT: SidebarLayout = {
  side: 'right',
  width: SIDEBAR_WIDTH.default,
  collapsed: false,
  tabTop: 0.4,
};

/** Layouts by hostname. Not secret, so content scripts may read and write it. */
export const sidebarLayouts = localItem<Record<string, unknown>>(SIDEBAR_LAYOUTS_KEY, {});

/** Hostnames where the agent switched Earmark off (from the toolbar popup). */
export const disabledSites = localItem<string[]>(DISABLED_SITES_KEY, []);

/** The layouts record as stored, or {} when it is not an object. */
async function storedLayouts(): Promise<Record<string, unknown>> {
  const value: unknown = await sidebarLayouts.getValue();
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The stored layout for a host, or the default if none or if it does not validate. */
export async function layoutFor(host: string): Promise<SidebarLayout> {
  const stored = (await storedLayouts())[host];
  return isSidebarLayout(stored) ? stored : DEFAULT_LAYOUT;
}

/** Remembers a host's layout (invalid values are refused, not stored). */
export async function saveLayout(host: string, layout: SidebarLayout): Promise<void> {
  if (!isSidebarLayout(layout)) throw new Error(`invalid sidebar layout: ${JSON.stringify(layout)}`);
  const { side, width, collapsed, tabTop } = layout;
  await sidebarLayouts.setValue({ ...(await storedLayouts()), [host]: { side, width, collapsed, tabTop } });
}

/** True unless the agent switched Earmark off on this host. */
export async function isSiteEnabled(host: string): Promise<boolean> {
  return !asHostList(await disabledSites.getValue()).includes(host);
}

/** Switches Earmark on or off for a host. */
export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const current = new Set(asHostList(await disabledSites.getValue()));
  if (enabled) current.delete(host);
  else current.add(host);
  await disabledSites.setValue([...current].sort());
}

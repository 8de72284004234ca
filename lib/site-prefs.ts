import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** Narrowest and widest the sidebar may be dragged. */
export const SIDEBAR_WIDTH = { min: 220, max: 560, default: 280 } as const;

/** Where and how the sidebar sits on one site; remembered per hostname. */
export const SidebarLayoutSchema = z.strictObject({
  side: z.enum(['left', 'right']),
  /** Open width in px. */
  width: z.int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max),
  collapsed: z.boolean(),
  /** Vertical position of the collapsed tab, as a fraction of the viewport height. */
  tabTop: z.number().min(0).max(1),
});
export type SidebarLayout = z.infer<typeof SidebarLayoutSchema>;

/** The layout of a site never seen before. */
export const DEFAULT_LAYOUT: SidebarLayout = {
  side: 'right',
  width: SIDEBAR_WIDTH.default,
  collapsed: false,
  tabTop: 0.4,
};

/** Layouts by hostname. Not secret, so content scripts may read and write it. */
export const sidebarLayouts = storage.defineItem<Record<string, unknown>>('local:sidebarLayouts', {
  fallback: {},
});

/** Hostnames where the agent switched Earmark off (from the toolbar popup). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

/** The stored layout for a host, or the default if none or if it does not validate. */
export async function layoutFor(host: string): Promise<SidebarLayout> {
  const parsed = SidebarLayoutSchema.safeParse((await sidebarLayouts.getValue())[host]);
  return parsed.success ? parsed.data : DEFAULT_LAYOUT;
}

/** Remembers a host's layout (invalid values are refused, not stored). */
export async function saveLayout(host: string, layout: SidebarLayout): Promise<void> {
  const valid = SidebarLayoutSchema.parse(layout);
  await sidebarLayouts.setValue({ ...(await sidebarLayouts.getValue()), [host]: valid });
}

/** True unless the agent switched Earmark off on this host. */
export async function isSiteEnabled(host: string): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(host);
}

/** Switches Earmark on or off for a host. */
export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const current = new Set(await disabledSites.getValue());
  if (enabled) current.delete(host);
  else current.add(host);
  await disabledSites.setValue([...current].sort());
}

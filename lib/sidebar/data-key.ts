import type { SidebarLayout } from './layout-shape';
import { stableStringify } from './snapshot';

// What a sidebar snapshot is valid for, in two parts. The data key stands for what the background
// would answer the sidebar on one site ('sidebar-config', and 'recent', which lists only that
// site's captures): the background publishes one key per site that keeps a snapshot, as
// { hostname: key } in storage.local, whenever they change, and the sidebar app computes its
// site's key from the answers it rendered. The launcher only compares strings: it reads the
// published keys (SIDEBAR_DATA_KEY in lib/storage-keys.ts) in the one storage read it makes at
// page load, with no message to the background. No zod here (the launcher bundles it).

/** Two 32-bit FNV-1a style hashes of a string, as 16 hex digits (a key, not a secret). */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The data key of a 'sidebar-config' answer and a 'recent' answer ({ entries }). */
export function sidebarDataKey(config: unknown, recent: unknown): string {
  return hash64(stableStringify({ config, recent }));
}

/** This host's data key among the published ones ({ hostname: key }); null when none is published. */
export function publishedKeyFor(published: unknown, host: string): string | null {
  if (typeof published !== 'object' || published === null || !Object.hasOwn(published, host)) return null;
  const key = (published as Record<string, unknown>)[host];
  return typeof key === 'string' && key !== '' ? key : null;
}

/** The build and browser facts a snapshot's markup depends on (clock times, language). */
export interface SnapshotEnvironment {
  version: string;
  timezoneOffset: number;
  language: string;
}

/** The key a snapshot of the open sidebar is valid for: its data, this site's layout, the build. */
export function snapshotKey(
  dataKey: string,
  layout: SidebarLayout,
  environment: SnapshotEnvironment,
): string {
  return `${dataKey} ${stableStringify({ layout, ...environment })}`;
}

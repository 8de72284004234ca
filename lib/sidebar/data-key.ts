import type { SidebarLayout } from './layout-shape';
import { stableStringify } from './snapshot';

// What a sidebar snapshot is valid for, in two parts. The data key stands for what the background
// would answer the sidebar ('sidebar-config' and 'recent'): the background publishes it in
// storage.local whenever that changes, and the sidebar app computes it from the answers it
// rendered. The launcher only compares strings: it reads the published key (SIDEBAR_DATA_KEY in
// lib/storage-keys.ts) in the one storage read it makes at page load, with no message to the
// background. No zod here (the launcher bundles it).

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

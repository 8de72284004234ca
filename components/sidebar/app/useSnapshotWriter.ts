import { type RefObject, useEffect, useRef } from 'react';
import type { RecentEntry } from '@/lib/protocol/messages';
import { type SnapshotEnvironment, sidebarDataKey, snapshotKey } from '@/lib/sidebar/data-key';
import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import { attributeOf, type SidebarSnapshot, type SnapshotNode } from '@/lib/sidebar/snapshot';
import { renderedTree } from './rendered-tree';
import type { Captures } from './useCaptures';

/** How long after its data or layout changed the sidebar is snapshotted (changes come in bursts). */
export const SNAPSHOT_DELAY_MS = 300;

/** Where snapshots go, and what their key includes besides the data and layout. */
export interface SnapshotSink {
  save(snapshot: SidebarSnapshot): Promise<void>;
  environment: SnapshotEnvironment;
  /** The key of the snapshot the launcher painted (already stored), if any. */
  paintedKey: string | null;
}

/** Statuses that move on their own: a snapshot showing one sends the launcher straight to the app. */
const MOVING = new Set(['Queued', 'Sending', 'Failed', 'Needs attention']);

/** True when something listed still changes without the agent (delivery, or a review not yet seen). */
export function isLive(entries: readonly RecentEntry[]): boolean {
  return entries.some((e) => MOVING.has(e.status) || (e.review !== undefined && !e.review.seen));
}

/** True for an element of the notice line that only a notice shows (Undo, an error). */
function isNoticeExtra(node: SnapshotNode): boolean {
  return (
    attributeOf(node, 'role') === 'alert' || (attributeOf(node, 'class') ?? '').split(' ').includes('em-undo')
  );
}

/** True when the tree has an element of class `name` (an inline edit or delete confirmation). */
function hasClass(node: SnapshotNode, name: string): boolean {
  if (typeof node === 'string') return false;
  return (
    (attributeOf(node, 'class') ?? '').split(' ').includes(name) || node[2].some((c) => hasClass(c, name))
  );
}

/**
 * The sidebar's markup as the app rendered it (rendered-tree.ts: nothing a page script inserted or
 * changed in the open shadow root), at rest: the "Saved" notice, its Undo button and an error line
 * are left out (the app shows them only after something happened). Null while an inline edit or
 * delete confirmation is open, whose markup is not the list's at rest, or when the app's rendered
 * tree is not found. The note's text is a property, not markup, so what the agent is typing is
 * never part of it.
 */
export function restingTree(root: Element): SnapshotNode | null {
  const tree = renderedTree(root);
  if (!tree || hasClass(tree, 'em-inline')) return null;
  const rest = (node: SnapshotNode): SnapshotNode => {
    if (typeof node === 'string') return node;
    const [tag, attributes, children] = node;
    if (attributeOf(node, 'role') === 'status') return [tag, attributes, []];
    return [tag, attributes, children.filter((child) => !isNoticeExtra(child)).map(rest)];
  };
  return rest(tree);
}

/**
 * Keeps this site's snapshot (lib/sidebar/snapshot.ts) in step with what the open sidebar shows:
 * shortly after its data or layout changed, its markup at rest is saved with the key of the data
 * it shows, so the launcher can paint it at the next page load.
 */
export function useSnapshotWriter(
  rootRef: RefObject<HTMLElement | null>,
  captures: Captures,
  layout: SidebarLayout,
  sink: SnapshotSink | undefined,
): void {
  const written = useRef(sink?.paintedKey ?? null);
  const { config, recent, loadError } = captures;
  useEffect(() => {
    if (!sink || !config || loadError || layout.collapsed) return;
    const key = snapshotKey(sidebarDataKey(config, { entries: recent }), layout, sink.environment);
    if (key === written.current) return;
    const timer = setTimeout(() => {
      const tree = rootRef.current ? restingTree(rootRef.current) : null;
      if (!tree) return;
      written.current = key;
      sink.save({ key, live: isLive(recent), sites: config.sites, tree }).catch(() => {
        written.current = null; // try again after the next change
      });
    }, SNAPSHOT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [sink, config, recent, layout, loadError, rootRef]);
}

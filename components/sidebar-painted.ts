import { buildElement, type SidebarSnapshot, type SnapshotInputs, snapshotKey } from '@/lib/sidebar-snapshot';
import type { SidebarLayout } from '@/lib/site-prefs';
import { type EarlyInput, recordEarlyInput } from './sidebar-early-input';
import type { Prefetched } from './sidebar-handoff';

// The launcher's first paint of an open sidebar: the site's snapshot (lib/sidebar-snapshot.ts)
// rebuilt as plain DOM at DOMContentLoaded, with no framework. It stays until the app renders over
// it: at once when the snapshot is stale or shows something still moving, otherwise when the agent
// reaches for the sidebar (pointer, focus, key). The agent's input meanwhile is recorded.

/** Marks the painted snapshot until the app has rendered over it (also for tests and the bench). */
export const SNAPSHOT_ATTRIBUTE = 'data-em-snapshot';

/** Events that show the agent is reaching for the sidebar. */
const INTENT_EVENTS = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'touchstart'] as const;

/** A painted snapshot, recording input until the app takes over. */
export interface PaintedSidebar {
  element: Element;
  snapshot: SidebarSnapshot;
  early: EarlyInput;
  /** Stops waiting for the agent's intent (the app is on its way); the element stays. */
  stopWaiting(): void;
  /** Takes the painted sidebar off the page (it is going away, or the app failed to load). */
  remove(): void;
}

/**
 * Paints `snapshot` into `container` and calls `onIntent` once, on the agent's first pointer,
 * focus or key on it; null when the snapshot does not rebuild (then the app renders as usual).
 */
export function paintSnapshot(
  container: HTMLElement,
  snapshot: SidebarSnapshot,
  onIntent: () => void,
): PaintedSidebar | null {
  const element = buildElement(container.ownerDocument, snapshot.tree);
  if (!element) return null;
  element.setAttribute(SNAPSHOT_ATTRIBUTE, '');
  container.append(element);
  const early = recordEarlyInput(element);
  const intent = (event: Event) => {
    if (!event.isTrusted) return; // a page script cannot make us load anything
    stop();
    onIntent();
  };
  const stop = () => {
    for (const type of INTENT_EVENTS) element.removeEventListener(type, intent, true);
  };
  for (const type of INTENT_EVENTS) element.addEventListener(type, intent, true);
  return {
    element,
    snapshot,
    early,
    stopWaiting: stop,
    remove() {
      stop();
      element.remove();
    },
  };
}

/** The value of an `{ ok: true, value }` reply; undefined for a failure or anything else. */
function okValue(reply: unknown): unknown {
  const r = reply as { ok?: unknown; value?: unknown } | null;
  return typeof r === 'object' && r !== null && r.ok === true ? r.value : undefined;
}

/** The build and browser facts a snapshot key includes besides the data and layout. */
export type SnapshotEnvironment = Pick<SnapshotInputs, 'version' | 'timezoneOffset' | 'language'>;

/**
 * The snapshot key of the background's current answers (raw replies, compared, never interpreted
 * here), or null when either request failed.
 */
export async function currentSnapshotKey(
  prefetched: Prefetched,
  layout: SidebarLayout,
  environment: SnapshotEnvironment,
): Promise<string | null> {
  const settle = (reply: Promise<unknown>) => reply.then(okValue, () => undefined);
  const [config, recent] = await Promise.all([settle(prefetched.config), settle(prefetched.recent)]);
  if (config === undefined || recent === undefined) return null;
  return snapshotKey({ config, recent, layout, ...environment });
}

import { type SnapshotEnvironment, snapshotKey } from '@/lib/sidebar/data-key';
import type { SidebarLayout } from '@/lib/sidebar/site-prefs';
import { buildElement, type SidebarSnapshot } from '@/lib/sidebar/snapshot';
import type { TicketContext } from '@/lib/sites/adapters';
import { type BuiltNodes, type EarlyInput, recordEarlyInput } from './early-input';
import { captureMessage, keepTagSelection, readPageSelection } from './tag-capture';

// The launcher's first paint of an open sidebar: the site's snapshot (lib/sidebar/snapshot.ts)
// rebuilt as plain DOM at DOMContentLoaded, with no framework. It stays until the app renders over
// it: at once when the snapshot is stale (isSnapshotCurrent) or shows something still moving,
// otherwise when the agent reaches for the sidebar (pointer, focus, key). The agent's input
// meanwhile is recorded, except a click on a tag: that is a capture at once, the same 'capture'
// message the app would send (tag-capture.ts; the background validates it), with the agent's note
// and the page's selection, and the reply shows in the status line. The app, when it renders
// over the painted sidebar, takes the reply over (Undo, recent captures). Which tag a click
// captures comes from the map of the elements built here, as the snapshot gave them: the page can
// reach the open shadow root and restyle, relabel or add buttons, but not change that map.

/** Marks the painted snapshot until the app has rendered over it (also for tests and the bench). */
export const SNAPSHOT_ATTRIBUTE = 'data-em-snapshot';

/** Events that show the agent is reaching for the sidebar. */
const INTENT_EVENTS = ['pointerover', 'pointerdown', 'focusin', 'keydown', 'touchstart'] as const;

/** What a capture from the painted sidebar needs: the background, and the ticket context now. */
export interface PaintedCaptureDeps {
  send(message: unknown): Promise<unknown>;
  context(): TicketContext;
}

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
 * A click on a tag captures at once; other input waits for the app.
 */
export function paintSnapshot(
  container: HTMLElement,
  snapshot: SidebarSnapshot,
  onIntent: () => void,
  captureDeps: PaintedCaptureDeps,
): PaintedSidebar | null {
  const built: BuiltNodes = new WeakMap();
  // Read as built from the snapshot, before the element is on the page: no page script has had it.
  const element = buildElement(container.ownerDocument, snapshot.tree, (node) =>
    built.set(node, node.getAttribute('data-tag')),
  );
  if (!element) return null;
  element.setAttribute(SNAPSHOT_ATTRIBUTE, '');
  container.append(element);
  const selection = keepTagSelection(element, readPageSelection);
  const recorder = recordEarlyInput(element, built, (tagId, early) => {
    const quote = selection.take();
    const send = async () =>
      captureDeps.send(captureMessage(tagId, early.note(), quote, captureDeps.context()));
    early.captured(send()); // rejects, never throws, when the message cannot be sent
  });
  const early: EarlyInput = {
    ...recorder,
    take() {
      selection.stop();
      return recorder.take();
    },
  };
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
      selection.stop();
      element.remove();
    },
  };
}

/**
 * True when a snapshot shows what the app would render now: drawn from the data the background
 * last published (`dataKey`, from storage), for this layout and build, and with nothing in it
 * still moving. Only strings are compared: nothing is asked of the background.
 */
export function isSnapshotCurrent(
  snapshot: SidebarSnapshot,
  dataKey: string | null,
  layout: SidebarLayout,
  environment: SnapshotEnvironment,
): boolean {
  return dataKey !== null && !snapshot.live && snapshot.key === snapshotKey(dataKey, layout, environment);
}

import type { RequestOf } from '@/lib/protocol/messages';

// A capture is the same message and the same quote whether the painted sidebar sends it
// (painted.ts, before the app is there) or the app does (app/wiring.ts, app/Sidebar.tsx).
// Plain DOM and type-only imports: this is part of the eager content script, which must stay small.

/** The 'capture' request, as the background validates it. */
export type CaptureMessage = RequestOf<'capture'>;

/** Text the agent has selected on the page, trimmed and length-limited; null when none. */
export function readPageSelection(): string | null {
  const text = getSelection()?.toString().trim() ?? '';
  // The capture message's limit on a quote (a named constant costs the eager bundle bytes).
  return text ? text.slice(0, 10_000) : null;
}

/** The capture message for a tag: the note trimmed (blank: none), the quote and the ticket context. */
export function captureMessage(
  tagId: string,
  note: string | null,
  quote: string | null,
  context: CaptureMessage['context'],
): CaptureMessage {
  return { type: 'capture', tagId, note: note?.trim() || null, quote, context };
}

/** The page's selection as it was when the agent pressed a tag, for the capture that follows. */
export interface TagSelection {
  /** The kept selection, else the selection now; forgets what was kept. */
  take(): string | null;
  stop(): void;
}

/**
 * Keeps the page's selection (`read`: readPageSelection, or a test's) when the agent presses a tag
 * button (`button[data-tag]`) in `root`: focus moving to the button can drop the selection before
 * the click, so it is read on pointer-down (capture phase; the agent's input only, never a page
 * script's).
 */
export function keepTagSelection(root: Element, read: () => string | null): TagSelection {
  let kept: string | null = null;
  // Only clicks and keys are ever replayed (early-input.ts), so a press is the agent's when trusted.
  // A listener on root sees only presses inside it, and no tag button contains the sidebar's root.
  const onPointerDown = (event: Event) => {
    if (event.isTrusted && (event.target as Element | null)?.closest?.('button[data-tag]')) kept = read();
  };
  root.addEventListener('pointerdown', onPointerDown, true);
  return {
    take() {
      const quote = kept ?? read();
      kept = null;
      return quote;
    },
    stop() {
      root.removeEventListener('pointerdown', onPointerDown, true);
    },
  };
}

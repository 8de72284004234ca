import type { TicketContext } from '@/lib/sites/adapters';
import type { EarlyInput } from './early-input';
import { readPageSelection } from './page-selection';

// One click on a tag is a capture, at once, also on the painted sidebar before its app is there:
// the launcher sends the same 'capture' message the app would (the background validates it), with
// the agent's note and the page's selection, and the reply shows in the status line. The app,
// when it renders over the painted sidebar, takes the reply over (Undo, recent captures).

/** What a capture from the painted sidebar needs: the background, and the ticket context now. */
export interface PaintedCaptureDeps {
  send(message: unknown): Promise<unknown>;
  context(): TicketContext;
}

/** Captures tags clicked on the painted sidebar (the recorder calls capture for the agent's clicks). */
export interface PaintedCapture {
  capture(tagId: string, early: EarlyInput): void;
  stop(): void;
}

/** Keeps the page's selection as the agent presses a tag on `root`, and captures on the click. */
export function paintedCapture(root: Element, deps: PaintedCaptureDeps): PaintedCapture {
  let quote: string | null = null;
  // Read the selection before focus moves to the button, as the app's tag buttons do.
  const onPointerDown = (event: Event) => {
    const button = (event.target as Element | null)?.closest?.('button[data-tag]');
    if (event.isTrusted && button && root.contains(button)) quote = readPageSelection();
  };
  root.addEventListener('pointerdown', onPointerDown, true);
  return {
    capture(tagId, early) {
      const selected = quote ?? readPageSelection();
      quote = null;
      const send = async () =>
        deps.send({
          type: 'capture',
          tagId,
          note: early.note().trim() || null,
          quote: selected,
          context: deps.context(),
        });
      early.captured(send());
    },
    stop: () => root.removeEventListener('pointerdown', onPointerDown, true),
  };
}

// The words after a capture was stored, the same in the painted sidebar (launcher/early-input.ts),
// the sidebar app and the popup (a context-menu capture tried again). Plain strings: the eager
// launcher imports this.

/**
 * The status line after a capture was stored. `routed` false: no endpoint takes its tag yet, so it
 * waits (lib/store/item-writes.ts:routeWaitingItems sends it once an admin adds one).
 */
export function savedText(tagLabel: string, routed: boolean): string {
  return routed ? `Saved: ${tagLabel}` : `Saved, waiting for an endpoint: ${tagLabel}`;
}

// Events the launcher replays into the sidebar app: copies of the agent's real clicks and keys on
// the painted snapshot, made before the app was there. Their copies are synthetic (isTrusted is
// false), so they are vouched for here. The set lives on a global of the extension's isolated world
// (shared by the launcher and the app bundle, like handoff.ts); a page script cannot reach it,
// so it cannot vouch for an event of its own.

const KEY = Symbol.for('earmark.replayed-events');

function replayed(): WeakSet<Event> {
  const world = globalThis as unknown as Record<symbol, WeakSet<Event> | undefined>;
  world[KEY] ??= new WeakSet();
  return world[KEY];
}

/** Dispatches `event` on `target` as the replay of the agent's own input. */
export function dispatchReplayed(target: EventTarget, event: Event): void {
  replayed().add(event);
  target.dispatchEvent(event);
}

/** True for an event dispatched by dispatchReplayed. */
export function isReplayedEvent(event: Event): boolean {
  return replayed().has(event);
}

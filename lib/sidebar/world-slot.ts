// The eager content script imports its larger parts (the launcher, the context reader, the sidebar
// app) as modules by URL. An imported module runs in the same isolated world of the frame, which
// the page cannot see, but shares no module instances with the content script's own bundle: each
// hands itself over on a global of that world, under a well-known symbol.

interface Slot<T> {
  value: T | null;
  waiting: Array<(value: T) => void>;
}

function slot<T>(name: string): Slot<T> {
  const world = globalThis as unknown as Record<symbol, Slot<T> | undefined>;
  const key = Symbol.for(`earmark.${name}`);
  world[key] ??= { value: null, waiting: [] };
  return world[key];
}

/** Called by a module once it has loaded: hands itself to whoever waits for it. */
export function provideToWorld<T>(name: string, value: T): void {
  const current = slot<T>(name);
  current.value = value;
  for (const resolve of current.waiting.splice(0)) resolve(value);
}

/** Resolves with the module as soon as it has handed itself over (at once if it already has). */
export function fromWorld<T>(name: string): Promise<T> {
  const current = slot<T>(name);
  if (current.value) return Promise.resolve(current.value);
  return new Promise((resolve) => current.waiting.push(resolve));
}

/** The module, if it has already handed itself over. */
export function inWorld<T>(name: string): T | null {
  return slot<T>(name).value;
}

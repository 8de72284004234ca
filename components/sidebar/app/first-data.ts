import type { RecentEntry } from '@/lib/protocol/messages';
import type { SidebarApi } from './sidebar-api';

/** A request the first render waited for: its answer, its failure, or still on its way. */
export type Settled<T> =
  | { state: 'ok'; value: T }
  | { state: 'failed'; error: unknown }
  | { state: 'pending'; promise: Promise<T> };

/** What the sidebar's first render shows: the config and recent captures, as far as they came. */
export interface FirstData {
  config: Settled<Awaited<ReturnType<SidebarApi['config']>>>;
  recent: Settled<RecentEntry[]>;
}

/** How long the first render waits for the launcher's early requests before it shows without them. */
export const FIRST_DATA_WAIT_MS = 250;

/** Follows a promise's settlement, so its state can be read synchronously later. */
function track<T>(promise: Promise<T>): { current: () => Settled<T>; done: Promise<unknown> } {
  let settled: Settled<T> = { state: 'pending', promise };
  const done = promise.then(
    (value) => {
      settled = { state: 'ok', value };
    },
    (error: unknown) => {
      settled = { state: 'failed', error };
    },
  );
  return { current: () => settled, done };
}

/**
 * Asks for the config and recent captures (the launcher sent both while the page was parsing, so
 * they are usually here) and resolves when both are in, or after `waitMs`. The sidebar then renders
 * once with its tags and list, instead of an empty frame re-rendered as each answer arrives: one
 * render, style and layout pass on the CRM page's main thread instead of three. A slow (cold)
 * background only delays the first render by `waitMs`; what is still pending is passed on.
 */
export async function waitForFirstData(api: SidebarApi, waitMs = FIRST_DATA_WAIT_MS): Promise<FirstData> {
  const config = track(api.config());
  const recent = track(api.recent());
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all([config.done, recent.done]),
    new Promise((resolve) => {
      timer = setTimeout(resolve, waitMs);
    }),
  ]);
  clearTimeout(timer);
  return { config: config.current(), recent: recent.current() };
}

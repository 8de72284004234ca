import { sidebarDataKey } from './data-key';
import { stableStringify } from './snapshot';

// The background's side of the sidebar data key (lib/sidebar/data-key.ts): after anything that may
// change what the sidebar is told (a capture, a delivery, a review, a settings change), it works
// out the current answers again, a moment later so a burst costs one look, and publishes their keys
// in storage.local when they differ: one per site that keeps a snapshot, since each site's
// 'recent' lists only its own captures. Every CRM tab's launcher reads its site's key at page load
// instead of asking the background, and a tab whose painted sidebar no longer matches learns of it
// from the storage change. Which messages may change it is the protocol's to say (mayChangeSidebar,
// lib/protocol/read-only.ts).

/** How long after a change the data is looked at (changes come in bursts: a drain, a capture). */
export const PUBLISH_DELAY_MS = 150;

/** What the publisher reads and writes. */
export interface PublisherDeps {
  /** The answers the sidebar would get now: 'sidebar-config', and 'recent' ({ entries }) by hostname. */
  current(): Promise<{ config: unknown; recent: Record<string, unknown> }>;
  /** The keys published before (storage), read once. */
  read(): Promise<unknown>;
  write(keys: Record<string, string>): Promise<void>;
  onError(error: unknown): void;
  delayMs?: number;
}

/** Publishes the sidebar data key after changes. */
export interface SidebarDataPublisher {
  /** Something the sidebar shows may have changed: look again shortly. */
  changed(): void;
}

/** Creates the publisher; a failed look is reported and the next change tries again. */
export function createSidebarDataPublisher(deps: PublisherDeps): SidebarDataPublisher {
  let published: string | undefined; // what storage holds, as compared; undefined: not read yet
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  const look = async () => {
    const { config, recent } = await deps.current();
    const keys = Object.fromEntries(
      Object.entries(recent).map(([host, answer]) => [host, sidebarDataKey(config, answer)]),
    );
    const compared = stableStringify(keys);
    published ??= stableStringify(await deps.read());
    if (compared === published) return;
    await deps.write(keys);
    published = compared;
  };

  const schedule = () => {
    if (running) {
      again = true; // looked at once this look is done, so the last change is never missed
      return;
    }
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = true;
      look()
        .catch((error: unknown) => {
          published = undefined; // unsure what storage holds now: read it again next time
          deps.onError(error);
        })
        .finally(() => {
          running = false;
          if (again) {
            again = false;
            schedule();
          }
        });
    }, deps.delayMs ?? PUBLISH_DELAY_MS);
  };

  return { changed: schedule };
}

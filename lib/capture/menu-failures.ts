import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { PROTOCOL, type RequestOf } from '../protocol/messages';
import { MENU_FAILURES_KEY, storageItemKey } from '../storage-keys';

// A context-menu capture happens with no Earmark UI on screen: a failure used to be a red "!" on
// the toolbar icon for 2.5 s, and the selected text was gone. Now each failure is kept, with the
// text, until the agent retries or dismisses it in the popup (components/popup/MenuFailures.tsx).

/** At most this many failures are kept; a newer one pushes the oldest out. */
export const MAX_MENU_FAILURES = 10;

/** A context-menu capture that was not saved, as the worker keeps it. */
export interface MenuFailure {
  id: string;
  /** When it failed (ISO-8601). */
  at: string;
  tagId: string;
  /** The tag's label when the taxonomy knows the tag, else null. */
  tagLabel: string | null;
  /** Why, in words for the agent. */
  error: string;
  /** The selected text, as selected (never stored elsewhere: it was not redacted). */
  text: string | null;
  pageUrl: string | null;
  /** The capture to send again; null when the page gave nothing a capture could be made from. */
  request: RequestOf<'capture'> | null;
  /** The tab whose toolbar icon shows "!" until the failure is dealt with. */
  tabId: number | null;
}

const MenuFailureSchema = z.strictObject({
  id: z.string(),
  at: z.string(),
  tagId: z.string(),
  tagLabel: z.string().nullable(),
  error: z.string(),
  text: z.string().nullable(),
  pageUrl: z.string().nullable(),
  request: z.unknown().transform((value) => {
    const parsed = PROTOCOL.capture.request.safeParse(value);
    return parsed.success ? parsed.data : null;
  }),
  tabId: z.int().nullable(),
});

/** Where the failures are kept (storage.session; a fake in tests). */
export interface MenuFailureStore {
  getValue(): Promise<unknown>;
  setValue(value: MenuFailure[]): Promise<void>;
}

/** The worker's storage.session item holding the failures. */
export const menuFailureItem = storage.defineItem<MenuFailure[]>(storageItemKey(MENU_FAILURES_KEY), {
  fallback: [],
});

/** The kept failures, newest first, and the changes made to them. */
export interface MenuFailureLog {
  list(): Promise<MenuFailure[]>;
  /** Keeps a failure (newest first), dropping the oldest beyond MAX_MENU_FAILURES. */
  add(failure: MenuFailure): Promise<void>;
  /** Replaces the failure with this id (e.g. its error after a retry failed again). */
  update(failure: MenuFailure): Promise<void>;
  /** Forgets one failure; resolves to those left. */
  remove(id: string): Promise<MenuFailure[]>;
}

/** Failures kept in `store`, read and written one change at a time (the worker is the one writer). */
export function createMenuFailureLog(store: MenuFailureStore = menuFailureItem): MenuFailureLog {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<MenuFailure[]> => {
    const parsed = z.array(MenuFailureSchema).safeParse(await store.getValue());
    return parsed.success ? parsed.data : []; // malformed: nothing to show
  };
  /** Runs a change after the ones before it, so two failures at once are both kept. */
  const change = (edit: (list: MenuFailure[]) => MenuFailure[]) => {
    const next = queue.then(async () => {
      const list = edit(await read());
      await store.setValue(list);
      return list;
    });
    queue = next.catch(() => {});
    return next;
  };
  return {
    list: () => queue.then(read),
    add: async (failure) => {
      await change((list) =>
        [failure, ...list.filter((f) => f.id !== failure.id)].slice(0, MAX_MENU_FAILURES),
      );
    },
    update: async (failure) => {
      await change((list) => list.map((f) => (f.id === failure.id ? failure : f)));
    },
    remove: (id) => change((list) => list.filter((f) => f.id !== id)),
  };
}

/** Why a menu click could not become a capture request (captureRequestFor answered null). */
export function unusableClickReason(selectionText: string | undefined): string {
  return selectionText?.trim()
    ? 'Earmark could not read this page, so nothing was captured'
    : 'No text was selected';
}

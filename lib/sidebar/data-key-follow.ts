import { browser } from 'wxt/browser';
import { SIDEBAR_DATA_KEY } from '../storage-keys';
import { publishedKeyFor } from './data-key';

// The launcher learns its site's published data key (data-key.ts) in the stub's one storage read
// at document_start, then follows it from storage changes. Its listener is added only once the
// launcher module is imported, a moment later: a key published in between (the admin's settings
// change landing while the page loads) would be missed, and a stale snapshot stay painted until
// the agent reached for it. So the key is read once more after the listener is on.

/** Calls `onChange` with `host`'s published data key whenever it differs from `known`, from now on; returns the unsubscribe. */
export function followDataKey(
  host: string,
  known: string | null,
  onChange: (key: string | null) => void,
): () => void {
  let current = known;
  const take = (published: unknown) => {
    const key = publishedKeyFor(published, host);
    if (key === current) return;
    current = key;
    onChange(key);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SIDEBAR_DATA_KEY in changes) take(changes[SIDEBAR_DATA_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  let live = true;
  void browser.storage.local
    .get(SIDEBAR_DATA_KEY)
    .then((stored) => {
      if (live) take(stored[SIDEBAR_DATA_KEY]);
    })
    .catch(() => {}); // the listener still follows later changes
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

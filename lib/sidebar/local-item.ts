import { browser } from 'wxt/browser';
import type { LocalStorageKey } from '../storage-keys';

// A storage.local value the eager launcher reads or writes, straight through the extension API:
// WXT's storage layer (about 9 kB, with its start-up work) is more than these plain values need.
// Values are stored under the bare key, as WXT's `local:<key>` items store them, so both read
// each other's writes. Reads return unknown: every caller checks the value's shape.

/** One storage.local value: read (the fallback when absent), write, remove. */
export interface LocalItem<T> {
  key: LocalStorageKey;
  getValue(): Promise<unknown>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
}

/** A storage.local item under `key`; reading an absent key gives `fallback`. */
export function localItem<T>(key: LocalStorageKey, fallback: T): LocalItem<T> {
  return {
    key,
    async getValue() {
      const stored = (await browser.storage.local.get(key))[key];
      return stored === undefined ? fallback : stored;
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value });
    },
    async removeValue() {
      await browser.storage.local.remove(key);
    },
  };
}

/** Several items' stored values (undefined when absent) in one storage call. */
export async function readLocal(items: readonly LocalItem<unknown>[]): Promise<unknown[]> {
  const stored = await browser.storage.local.get(items.map((item) => item.key));
  return items.map((item) => stored[item.key]);
}

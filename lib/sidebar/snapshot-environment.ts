import type { SnapshotEnvironment } from './data-key';

/**
 * What a sidebar snapshot's markup depends on besides its data and layout: the extension build,
 * and the clock times it shows (local time in the browser's language). No Intl here: the first
 * Intl formatter in a tab loads locale data, which the launcher must not pay at page load.
 */
export function snapshotEnvironment(version: string): SnapshotEnvironment {
  return { version, timezoneOffset: new Date().getTimezoneOffset(), language: navigator.language };
}

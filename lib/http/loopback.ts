/** Hosts that may be reached over plain http, and that the manifest grants up front. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

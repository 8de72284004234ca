import { browser } from 'wxt/browser';
import { LOOPBACK_HOSTS } from './loopback';

// Every host-permission question the extension asks goes through here: endpoints, the hub (options
// and review page), an imported configuration, admin-added sites (options and worker).

/** What access is for: one URL's origin, the origins of several URLs, or Chrome match patterns. */
export type HostTarget = string | { urls: readonly string[] } | { matches: readonly string[] };

/** True for loopback hosts: the manifest grants them up front, so no permission prompt is needed. */
export function isLoopbackUrl(raw: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(raw).hostname);
  } catch {
    return false;
  }
}

/** The host-permission pattern a request to this URL needs (its origin, any path). */
export function originPattern(raw: string): string {
  return `${new URL(raw).origin}/*`;
}

/** The patterns a target needs, without repeats; loopback URLs need none. Throws on a URL that does not parse. */
export function accessPatterns(target: HostTarget): string[] {
  if (typeof target !== 'string' && 'matches' in target) return [...new Set(target.matches)];
  const urls = typeof target === 'string' ? [target] : target.urls;
  return [...new Set(urls.filter((url) => !isLoopbackUrl(url)).map(originPattern))];
}

/**
 * Asks for host access. Call it before any other await in a click handler: Chrome shows the prompt
 * only during the user gesture, so this does not await anything before asking. True when nothing
 * needs asking (loopback only).
 */
export function requestAccess(target: HostTarget): Promise<boolean> {
  const origins = accessPatterns(target);
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins });
}

/** True when access is granted (or not needed); false also when the question cannot be asked. */
export async function hasAccess(target: HostTarget): Promise<boolean> {
  try {
    const origins = accessPatterns(target);
    return origins.length === 0 || (await browser.permissions.contains({ origins }));
  } catch {
    return false;
  }
}

import { browser } from 'wxt/browser';
import { isLoopbackUrl, originPattern } from '../../config/rules';

/**
 * Whether this page may call the hub. Loopback hubs are granted by the manifest; any other https
 * origin needs an optional host permission, or the page's requests fail on CORS.
 */
export async function hubAccessGranted(url: string): Promise<boolean> {
  if (isLoopbackUrl(url)) return true;
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}

/** Asks for the hub origin's permission. Call it first thing in a click handler (user gesture). */
export function requestHubAccess(url: string): Promise<boolean> {
  if (isLoopbackUrl(url)) return Promise.resolve(true);
  return browser.permissions.request({ origins: [originPattern(url)] });
}

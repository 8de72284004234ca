import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch';

// The browser's sign-in window (identity.launchWebAuthFlow) at the development IdP
// (./dev-idp.ts), driven as a person would: the e2e tests and `npm start -- --sign-in` use it.

/**
 * Signs `login` in as a person does: clicks "Sign in to …", then, in the browser's sign-in window,
 * fills the IdP's login form and agrees to share the profile. Resolves once the window moved on.
 */
export async function signInThrough(
  browser: ExtensionBrowser,
  button: Locator,
  issuer: string,
  login: string,
): Promise<void> {
  // A new person at this computer: the IdP's own session (its cookie) is the previous person's.
  await browser.context.clearCookies();
  await button.click();
  const atIdp = (page: Page) => page.url().startsWith(issuer);
  const window =
    browser.context.pages().find(atIdp) ??
    (await browser.context.waitForEvent('page', { predicate: atIdp, timeout: 15_000 }).catch(async () => {
      const page = browser.context.pages().find(atIdp);
      if (!page)
        throw new Error(`no sign-in window at ${issuer}: ${browser.context.pages().map((p) => p.url())}`);
      return page;
    }));
  await window.waitForLoadState();
  await window.locator('input[name="login"]').fill(login);
  await window.locator('input[name="password"]').fill('any password');
  await window.locator('button[type="submit"]').click();
  // The IdP asks once whether to share the profile with the hub.
  const consent = window.locator('button[type="submit"]');
  await consent.waitFor({ timeout: 10_000 }).catch(() => {});
  if (!window.isClosed() && atIdp(window)) await consent.click().catch(() => {});
}

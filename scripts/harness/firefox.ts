import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { aptInstall, canAptInstall, findExecutable } from './apt';
import { ROOT } from './paths';

/** The built Firefox MV3 add-on (npm run build:firefox, or npm run zip). */
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** Firefox to drive: FIREFOX_PATH, then Debian's firefox-esr, then firefox; null if none. */
export function findFirefox(): string | null {
  return findExecutable('FIREFOX_PATH', CANDIDATES);
}

/** Why Firefox cannot be had here (null: it can), so a test can say exactly what it skips. */
export function firefoxUnavailableReason(): string | null {
  if (findFirefox() || canAptInstall()) return null;
  return (
    'No Firefox found, and this is not Debian/Ubuntu as root, so it cannot be installed here. ' +
    'Install one (Debian/Ubuntu: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.'
  );
}

/**
 * Finds Firefox, installing Debian's `firefox-esr` package with apt (after `apt-get update`) when
 * none is there and this is Debian/Ubuntu as root. Elsewhere it stops with a message saying what to do.
 */
export function ensureFirefox(log: (line: string) => void = console.log): string {
  const found = findFirefox();
  if (found) return found;
  const reason = firefoxUnavailableReason();
  if (reason) throw new Error(reason);
  log('No Firefox found.');
  aptInstall('firefox-esr', log);
  const installed = findFirefox();
  if (!installed) throw new Error('apt installed firefox-esr, but /usr/bin/firefox-esr is still missing.');
  log(`Installed ${installed}.`);
  return installed;
}

/** A Firefox with the built add-on installed, and its fixed moz-extension:// base URL. */
export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>/`, fixed by the `extensions.webextensions.uuids` pref. */
  extensionBase: string;
  /** Opens one of the add-on's pages (options.html) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Firefox (headless, WebDriver BiDi) with the add-on in `extensionDir` installed
 * temporarily. Firefox has no host-resolver rules: `localDomains` resolves the given hosts to
 * loopback (pages then name the server's port), and self-signed certificates are accepted.
 */
export async function launchFirefoxWithExtension(options: {
  extensionDir: string;
  addonId: string;
  localHosts: readonly string[];
}): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: ensureFirefox(),
    headless: true,
    acceptInsecureCerts: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages (our options page) only with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': options.localHosts.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [options.addonId]: uuid }),
      // MV3 host permissions granted at install, as Firefox 127+ does for a normal install.
      'extensions.originControls.grantByDefault': true,
      // This network refuses the outside world: no update, telemetry or captive-portal probes.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(options.extensionDir);
  const extensionBase = `moz-extension://${uuid}/`;
  return {
    browser,
    extensionBase,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // Firefox loads moz-extension:// pages but never reports the BiDi navigation as done, so
      // the wait is on the document instead.
      await page.goto(`${extensionBase}${path}`, { timeout: 3_000 }).catch(() => undefined);
      await page.waitForFunction(
        (url) => location.href === url && document.readyState === 'complete',
        { timeout: 15_000, polling: 100 },
        `${extensionBase}${path}`,
      );
      return page;
    },
    close: () => browser.close(),
  };
}

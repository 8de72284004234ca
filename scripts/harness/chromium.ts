import { aptInstall, canAptInstall, findExecutable } from './apt';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The browser to drive: CHROME_PATH, then /usr/bin/chromium, then Chrome; null if none. */
export function findChromium(): string | null {
  return findExecutable('CHROME_PATH', CANDIDATES);
}

/**
 * Finds a Chromium-family browser, installing Debian's `chromium` package with apt when none is
 * there and this is Debian/Ubuntu as root. Elsewhere it stops with a message saying what to do.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  if (!canAptInstall()) {
    throw new Error(
      'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or set CHROME_PATH to its executable, then run this again.',
    );
  }
  log('No Chromium found.');
  aptInstall('chromium', log);
  const installed = findChromium();
  if (!installed) throw new Error('apt installed chromium, but /usr/bin/chromium is still missing.');
  log(`Installed ${installed}.`);
  return installed;
}

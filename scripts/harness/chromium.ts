import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function isDebianLike(): boolean {
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium-family browser, installing Debian's `chromium` package with apt when none is
 * there and this is Debian/Ubuntu as root. Elsewhere it stops with a message saying what to do.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isDebianLike() || !isRoot) {
    throw new Error(
      'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or set CHROME_PATH to its executable, then run this again.',
    );
  }
  log('No Chromium found: installing Debian\'s "chromium" package with apt (apt-get update first)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  const installed = findChromium();
  if (!installed) throw new Error('apt installed chromium, but /usr/bin/chromium is still missing.');
  log(`Installed ${installed}.`);
  return installed;
}

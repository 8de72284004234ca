import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** The executable named by `envVar`, else the first candidate that exists; null if none. */
export function findExecutable(envVar: string, candidates: readonly string[]): string | null {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar} is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** True on Debian/Ubuntu as root: the only place the scripts install a browser themselves. */
export function canAptInstall(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    return isRoot && /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** Installs one Debian package with apt (after `apt-get update`), saying so first. */
export function aptInstall(pkg: string, log: (line: string) => void): void {
  log(`Installing Debian's "${pkg}" package with apt (apt-get update first)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  // Waits for a dpkg lock another installer holds instead of failing at once.
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  execFileSync('apt-get', [...wait, 'install', '-y', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    env,
  });
}

// The registry mirror here serves only some platform builds of a few native packages (Biome,
// Rollup); `npm install` then leaves their other platforms out of package-lock.json, and `npm ci`
// refuses the lock as out of sync. This restores the entries a full registry would have written:
// optional, platform-restricted, never installed here. Run it after changing dependencies.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'loong64', 'ppc64', 's390x', 'riscv64'];
const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
let added = 0;

for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => OS.includes(p));
    const cpu =
      parts.find((p) => CPU.includes(p)) ??
      (parts.includes('eabi') || parts.includes('gnueabihf') ? 'arm' : undefined);
    if (!os || !cpu) continue;
    lock.packages[key] = { version, cpu: [cpu], os: [os], optional: true, ...(pkg.dev ? { dev: true } : {}) };
    if (parts.includes('musl')) lock.packages[key].libc = ['musl'];
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock: ${added} optional platform entries restored`);

#!/usr/bin/env node
/**
 * Checks the store packages `npm run zip` made (part of `npm test`, after the zip step).
 *
 * Usage: node scripts/lint-packages.mjs [--no-rebuild]
 *   - Chrome/Edge zip: MV3 service worker, no `key` (the stores refuse it), strict CSP.
 *   - Firefox zip: fixed gecko id, event-page background, no `key`, strict CSP, and `addons-linter`
 *     with zero errors; every warning code must be explained in docs/permissions.md.
 *   - Sources zip: nothing generated or private in it, and (unless --no-rebuild) the Firefox
 *     add-on rebuilt from it alone (plus this node_modules) is byte-for-byte the one in the zip.
 * Prints one line per check and exits 1 on any failure.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const OUT = join(ROOT, '.output');
const GECKO_ID = 'earmark@earmark.dev';
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const failures = [];

function check(ok, message) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
}

async function openZip(suffix) {
  const path = join(OUT, `${name}-${version}-${suffix}.zip`);
  try {
    return { path, zip: await JSZip.loadAsync(readFileSync(path)) };
  } catch (error) {
    throw new Error(
      `cannot read ${relative(ROOT, path)} (${error.code ?? error.message}): run \`npm run zip\` first`,
    );
  }
}

async function manifestOf(zip) {
  return JSON.parse(await zip.file('manifest.json').async('string'));
}

/** No remote code, no eval: the extension pages' CSP allows only the package's own scripts. */
function checkCsp(label, manifest) {
  const csp = manifest.content_security_policy?.extension_pages ?? '';
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1]?.trim() ?? '';
  check(scriptSrc === "'self'", `${label}: extension pages' script-src is 'self' only (${csp})`);
}

const chrome = await openZip('chrome');
const chromeManifest = await manifestOf(chrome.zip);
check(chromeManifest.manifest_version === 3, 'chrome: manifest version 3');
check(!('key' in chromeManifest), 'chrome: no "key" (Chrome Web Store and Edge Add-ons refuse it)');
check(
  typeof chromeManifest.background?.service_worker === 'string',
  'chrome: background is a service worker',
);
check(!chromeManifest.browser_specific_settings, 'chrome: no Firefox-only settings');
checkCsp('chrome', chromeManifest);

const firefox = await openZip('firefox');
const firefoxManifest = await manifestOf(firefox.zip);
const gecko = firefoxManifest.browser_specific_settings?.gecko ?? {};
check(firefoxManifest.manifest_version === 3, 'firefox: manifest version 3');
check(gecko.id === GECKO_ID, `firefox: gecko id is ${GECKO_ID}`);
check(
  /^\d+\.\d+$/.test(gecko.strict_min_version ?? ''),
  `firefox: strict_min_version ${gecko.strict_min_version}`,
);
check(!('key' in firefoxManifest), 'firefox: no Chrome "key"');
check(
  Array.isArray(firefoxManifest.background?.scripts) && !firefoxManifest.background.service_worker,
  'firefox: background is an event page (scripts), not a service worker',
);
checkCsp('firefox', firefoxManifest);

// addons-linter exits non-zero on errors; its JSON report is read either way.
let report;
try {
  report = execFileSync(join(ROOT, 'node_modules/.bin/addons-linter'), ['--output', 'json', firefox.path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (error) {
  report = error.stdout;
}
const lint = JSON.parse(report);
for (const error of lint.errors)
  console.log(`     error ${error.code} ${error.file ?? ''}: ${error.message}`);
check(lint.errors.length === 0, `firefox: addons-linter reports ${lint.errors.length} errors`);
const justified = readFileSync(join(ROOT, 'docs/permissions.md'), 'utf8');
for (const code of new Set(lint.warnings.map((w) => w.code))) {
  const where = new Set(lint.warnings.filter((w) => w.code === code).map((w) => w.file ?? ''));
  check(
    justified.includes(code),
    `firefox: warning ${code} (${[...where].join(', ')}) is explained in docs/permissions.md`,
  );
}

// Every permission the packages ask for is justified in docs/permissions.md.
for (const manifest of [chromeManifest, firefoxManifest]) {
  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  const missing = asked.filter((p) => !justified.includes(`\`${p}\``));
  check(missing.length === 0, `permissions.md justifies every permission (${missing.join(', ')})`);
}

const sources = await openZip('sources');
const entries = Object.keys(sources.zip.files);
const forbidden = entries.filter((e) =>
  /(^|\/)(node_modules|\.output|\.wxt|\.git|\.earmark)\/|\.pem$|(^|\/)tests\/|^server\//.test(e),
);
check(
  forbidden.length === 0,
  `sources: nothing generated, private or unneeded (${forbidden.slice(0, 5).join(', ')})`,
);
for (const needed of [
  'package.json',
  'package-lock.json',
  'wxt.config.ts',
  'extension-key.pub',
  'docs/packages.md',
]) {
  check(entries.includes(needed), `sources: has ${needed}`);
}

/** Every file under a directory, relative, sorted. */
function listFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
  });
}

if (!process.argv.includes('--no-rebuild')) {
  const dir = mkdtempSync(join(tmpdir(), 'earmark-sources-'));
  try {
    for (const [path, entry] of Object.entries(sources.zip.files)) {
      if (entry.dir) continue;
      const target = join(dir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await entry.async('nodebuffer'));
    }
    // Reviewers run `npm ci`; the installed tree here is the same lock file's.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(join(dir, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox', '--mv3'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const built = join(dir, '.output/firefox-mv3');
    const rebuilt = listFiles(built).sort();
    const shipped = Object.entries(firefox.zip.files)
      .filter(([, entry]) => !entry.dir)
      .map(([path]) => path)
      .sort();
    check(
      JSON.stringify(rebuilt) === JSON.stringify(shipped),
      `sources: rebuild has the same ${shipped.length} files`,
    );
    const differing = [];
    for (const file of shipped) {
      const a = await firefox.zip.file(file)?.async('nodebuffer');
      if (!a || !rebuilt.includes(file) || !a.equals(readFileSync(join(built, file)))) differing.push(file);
    }
    check(
      differing.length === 0,
      `sources: rebuilt files are identical to the package (${differing.join(', ')})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (failures.length > 0) {
  console.error(`\nlint-packages: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('\nlint-packages: all packages pass');

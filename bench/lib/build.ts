import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, ROOT } from '../../scripts/harness/paths';

export const BENCH_DIR = resolve(ROOT, 'bench');
/** The reference overlay's WXT project; its wxt.config.ts sends the build under .output/. */
export const OVERLAY_PROJECT = resolve(BENCH_DIR, 'reference-overlay');
export const OVERLAY_DIR = resolve(ROOT, '.output/bench-reference-overlay/chrome-mv3');
export const WORKBOX_DIR = resolve(ROOT, '.output/bench-workbox');
export const PROBE_EXTENSION_DIR = resolve(BENCH_DIR, 'probe-extension');
/** The bench's own copy of the production build (see snapshotExtension). */
export const BENCH_EXTENSION_DIR = resolve(ROOT, '.output/bench-extension/chrome-mv3');

/**
 * Copies the production build (.output/chrome-mv3) aside, so a build started elsewhere while the
 * bench runs (a test run on the same checkout) cannot swap files under the measured browser.
 */
export function snapshotExtension(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  rmSync(BENCH_EXTENSION_DIR, { recursive: true, force: true });
  cpSync(EXTENSION_DIR, BENCH_EXTENSION_DIR, { recursive: true });
  return BENCH_EXTENSION_DIR;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else {
        const tail = output.split('\n').slice(-40).join('\n');
        reject(new Error(`\`${command} ${args.join(' ')}\` failed (exit ${code}):\n${tail}`));
      }
    });
  });
}

/** Newest modification time of a file, or of any file under a directory. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when `output` exists and is newer than every source (and the installed packages). */
function upToDate(output: string, sources: string[]): boolean {
  if (!existsSync(output)) return false;
  const inputs = [...sources, resolve(ROOT, 'package-lock.json')].filter((source) => existsSync(source));
  return statSync(output).mtimeMs > Math.max(...inputs.map(newestMtime));
}

/**
 * Builds the production extension, and the reference overlay and the workbox reference worker
 * unless their last builds are newer than their sources (they change rarely, and rebuilding them
 * would only compete with the extension's build for the CPU), side by side.
 */
export async function buildAll(log: (line: string) => void): Promise<void> {
  const overlayFresh = upToDate(join(OVERLAY_DIR, 'manifest.json'), [
    join(OVERLAY_PROJECT, 'entrypoints'),
    join(OVERLAY_PROJECT, 'wxt.config.ts'),
  ]);
  const workboxFresh = upToDate(join(WORKBOX_DIR, 'sw.js'), [resolve(BENCH_DIR, 'workbox-reference')]);
  const references = [
    overlayFresh ? null : 'the reference overlay',
    workboxFresh ? null : 'the workbox worker',
  ];
  const also = references.filter(Boolean).join(' and ');
  log(`building the production extension (npx wxt build)${also ? ` and ${also}` : ''}…`);
  const overlay = overlayFresh
    ? Promise.resolve()
    : run('npx', ['wxt', 'build', 'bench/reference-overlay']).finally(() =>
        // WXT writes generated types next to the project; they are not sources (nor lint targets).
        rmSync(join(OVERLAY_PROJECT, '.wxt'), { recursive: true, force: true }),
      );
  const workbox = workboxFresh
    ? Promise.resolve()
    : run('npx', [
        'esbuild',
        'bench/workbox-reference/sw.ts',
        '--bundle',
        '--minify',
        '--format=iife',
        '--define:process.env.NODE_ENV="production"',
        `--outfile=${join(WORKBOX_DIR, 'sw.js')}`,
        '--log-level=warning',
      ]);
  await Promise.all([run('npx', ['wxt', 'build']), overlay, workbox]);
}

/** Raw and gzip bytes of the scripts and styles a manifest injects into every matching page. */
export function eagerContentScriptBytes(extensionDir: string): {
  raw: number;
  gzip: number;
  files: string[];
} {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const files = [
    ...new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])),
  ];
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(extensionDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

/** Raw and gzip (level 9) bytes of one file of a build. */
export function fileBytes(extensionDir: string, file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(join(extensionDir, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, ROOT } from '../../scripts/harness/paths';

export const BENCH_DIR = resolve(ROOT, 'bench');
/** The reference overlay's WXT project; its wxt.config.ts sends the build under .output/. */
export const OVERLAY_PROJECT = resolve(BENCH_DIR, 'reference-overlay');
export const OVERLAY_DIR = resolve(ROOT, '.output/bench-reference-overlay/chrome-mv3');
export const WORKBOX_DIR = resolve(ROOT, '.output/bench-workbox');
export const PROBE_EXTENSION_DIR = resolve(BENCH_DIR, 'probe-extension');
export { EXTENSION_DIR };

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

/**
 * Builds the production extension, the reference overlay and the workbox reference worker, side by
 * side (they write to separate directories under .output/).
 */
export async function buildAll(log: (line: string) => void): Promise<void> {
  log('building the production extension (npx wxt build), the reference overlay and the workbox worker…');
  const overlay = run('npx', ['wxt', 'build', 'bench/reference-overlay']).finally(() =>
    // WXT writes generated types next to the project; they are not sources (nor lint targets).
    rmSync(join(OVERLAY_PROJECT, '.wxt'), { recursive: true, force: true }),
  );
  const workbox = run('npx', [
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

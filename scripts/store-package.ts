import { readFile, writeFile } from 'node:fs/promises';
// WXT zips with JSZip; the same library edits the finished package here.
import JSZip from 'jszip';

/**
 * Files the sources zip for Mozilla's reviewers leaves out: they rebuild the add-on with
 * `npm ci && npx wxt zip -b firefox --mv3`, which needs none of the hub, tests, bench or tooling.
 */
export const SOURCES_EXCLUDE = [
  'server/**',
  'bench/**',
  'tests/**',
  'scripts/**',
  'docs/*.png',
  'vitest*.ts',
];

/** Files under an excluded folder that the build still reads (wxt.config.ts imports it). */
export const SOURCES_INCLUDE = ['scripts/store-package.ts'];

/**
 * The Chrome Web Store and Edge Add-ons refuse a manifest with a `key` (the store assigns the
 * ID), while unpacked builds keep it so the ID stays fixed. Removes it from a finished zip.
 */
export async function removeManifestKey(zipPath: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  const entry = zip.file('manifest.json');
  if (!entry) throw new Error(`${zipPath} has no manifest.json`);
  const manifest = JSON.parse(await entry.async('string')) as Record<string, unknown>;
  delete manifest.key;
  zip.file('manifest.json', JSON.stringify(manifest));
  const data = await zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
  await writeFile(zipPath, data);
}

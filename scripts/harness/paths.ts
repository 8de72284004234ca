import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/** The built Chrome MV3 extension (npm run build). */
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
/** Saved CRM-like pages. */
export const FIXTURES_DIR = resolve(ROOT, 'tests/fixtures');

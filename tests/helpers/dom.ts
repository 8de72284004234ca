import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Parses a saved CRM page from tests/fixtures (needs a DOM environment such as happy-dom). */
export function loadFixture(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve('tests/fixtures', name), 'utf8'), 'text/html');
}

/** An empty document, for "never throws on odd pages" checks. */
export function emptyDocument(): Document {
  return new DOMParser().parseFromString('', 'text/html');
}

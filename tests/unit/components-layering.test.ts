import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Only the background worker opens the database (its running count of waiting items must see every
// write) and only it delivers; pages ask it through lib/protocol messages.
const FORBIDDEN = /(from|import\()\s*['"][^'"]*lib\/(store|delivery)(\/|['"])/;

/** Every .ts/.tsx file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('components/', () => {
  it('imports neither lib/store nor lib/delivery', () => {
    const files = sources('components');
    expect(files.length).toBeGreaterThan(20);
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (FORBIDDEN.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('would catch such an import', () => {
    expect(FORBIDDEN.test("import { openEarmarkDB } from '@/lib/store/db';")).toBe(true);
    expect(FORBIDDEN.test("import { flush } from '../../lib/delivery';")).toBe(true);
    expect(FORBIDDEN.test("const queue = await import('@/lib/store/queue');")).toBe(true);
    expect(FORBIDDEN.test("import { generateSecret } from '@/lib/config/secret';")).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/check-no-innerhtml.mjs');
const temps: string[] = [];

function run(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: resolve('.'), encoding: 'utf8' });
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('check-no-innerhtml', () => {
  it('passes on lib/, components/, entrypoints/ and server/', () => {
    const result = run([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails with file:line on HTML sinks and string-built SQL, ignoring comments and parameters', () => {
    const root = mkdtempSync(join(tmpdir(), 'earmark-sinks-'));
    temps.push(root);
    mkdirSync(join(root, 'components'));
    mkdirSync(join(root, 'server'));
    writeFileSync(
      join(root, 'components', 'bad.tsx'),
      [
        '// innerHTML mentioned in a comment is fine',
        'export const a = (el: Element, x: string) => { el.innerHTML = x; };',
        'export const b = <div dangerouslySetInnerHTML={{ __html: "x" }} />;',
        'document.write("x");',
        'el.insertAdjacentHTML("beforeend", x);',
        'el.textContent = x; // fine',
      ].join('\n'),
    );
    writeFileSync(
      join(root, 'server', 'db.ts'),
      [
        "await db.query('SELECT * FROM items WHERE id = $1', [id]);",
        `await db.query(\`SELECT * FROM items WHERE id = ${'$'}{id}\`);`,
        "await tx.exec('DELETE FROM items WHERE id = ' + id);",
      ].join('\n'),
    );
    const result = run([root]);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const bad = join('components', 'bad.tsx');
    const db = join('server', 'db.ts');
    expect(lines.filter((l) => l.includes(bad)).map((l) => l.split(': ')[0]?.split(':').at(-1))).toEqual([
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(lines.filter((l) => l.includes(db)).map((l) => l.split(': ')[0]?.split(':').at(-1))).toEqual([
      '2',
      '3',
    ]);
    expect(result.stderr).toMatch(/6 problem\(s\)/);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/architecture.md and the README's "Project layout" are for whoever carries the code on:
// they must name files and functions that exist, and every concern folder must be in them.

const doc = readFileSync('docs/architecture.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');

/** The text of a markdown section, from its heading to the next heading of the same level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(heading);
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const level = heading.match(/^#+/)?.[0] ?? '##';
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n${level} `));
  return end < 0 ? rest : rest.slice(0, end);
}

/** `file.ts:symbol` references in a text. */
function references(text: string): { file: string; symbol: string }[] {
  return [...text.matchAll(/`([\w./-]+\.tsx?):([\w-]+)`/g)].map((m) => ({
    file: m[1] as string,
    symbol: m[2] as string,
  }));
}

/** True when the source defines the symbol: a function, const, method, or a handler keyed by name. */
function defines(source: string, symbol: string): boolean {
  const name = symbol.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `(function\\s+${name}\\b|(const|let|class|interface|type)\\s+${name}\\b|^\\s*(async\\s+)?'?${name}'?\\s*[(:]|\\b${name}\\s*=|'${name}':)`,
    'm',
  ).test(source);
}

describe('docs/architecture.md', () => {
  it('walks the capture path hop by hop through files and functions that exist', () => {
    const hops = references(section(doc, '## The capture path'));
    expect(hops.length).toBeGreaterThanOrEqual(12);
    const missing = hops.filter(
      ({ file, symbol }) => !existsSync(file) || !defines(readFileSync(file, 'utf8'), symbol),
    );
    expect(missing).toEqual([]);
  });

  it('names every file it points at', () => {
    const paths = [...doc.matchAll(/`((?:lib|components|entrypoints|server|scripts|tests)\/[\w./-]+)`/g)].map(
      (m) => (m[1] as string).replace(/:.*$/, ''),
    );
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !existsSync(p))).toEqual([]);
  });

  it("describes the sidebar's bundles and what each may import", () => {
    const bundles = section(doc, "## The sidebar's bundles");
    for (const folder of [
      'entrypoints/content/',
      'entrypoints/sidebar-launcher.ts',
      'entrypoints/context-reader.ts',
      'components/sidebar/launcher/',
      'components/sidebar/app/',
      'entrypoints/background/',
    ]) {
      expect(bundles).toContain(folder);
    }
    expect(bundles).toContain('scripts/check-imports.mjs');
    expect(bundles).toContain('stub-not-launcher');
  });
});

describe("README's project layout", () => {
  const layout = section(readme, '## Project layout');

  it('lists every concern folder of lib/ and every surface of components/', () => {
    const folders = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => `${e.name}/`);
    for (const folder of [...folders('lib'), ...folders('components'), ...folders('components/sidebar')]) {
      expect(layout, folder).toContain(folder);
    }
  });
});

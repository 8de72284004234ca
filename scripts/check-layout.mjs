#!/usr/bin/env node
/**
 * The tree's naming and layout rules (docs/architecture.md), checked by `npm run lint`:
 * - components/ holds folders only, one per surface (sidebar/launcher, sidebar/app, popup, ...);
 * - file names: PascalCase.tsx for components, useThing.ts(x) for hooks, kebab-case for the rest;
 * - no file and folder share a name (lib/redact.ts beside lib/redact/ hid which one to open);
 * - lib/ keeps at most a dozen loose files: logic lives in one folder per concern.
 * Usage: node scripts/check-layout.mjs [baseDir]. Exits 1 and lists each problem.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHECKED = ['lib', 'components', 'entrypoints', 'server'];
export const MAX_LOOSE_LIB_FILES = 12;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/;
const PASCAL_TSX = /^[A-Z][A-Za-z0-9]*\.tsx$/;
const HOOK = /^use[A-Z][A-Za-z0-9]*\.tsx?$/;

/** Every file and folder under dir, as paths relative to the base. */
function walk(base, dir, out = []) {
  for (const entry of readdirSync(path.join(base, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    out.push({ rel, dir: entry.isDirectory() });
    if (entry.isDirectory()) walk(base, rel, out);
  }
  return out;
}

/** Why a file's name breaks the naming rule, or null. */
function nameProblem(rel) {
  const name = path.posix.basename(rel);
  if (HOOK.test(name)) return null;
  if (name.endsWith('.tsx') && rel.startsWith('components/')) {
    return PASCAL_TSX.test(name) ? null : 'a component file is PascalCase.tsx';
  }
  return KEBAB.test(name) ? null : 'a module or asset is kebab-case (hooks: useThing.ts)';
}

/** Every layout problem in the tree at baseDir (empty when the rules hold). */
export function checkLayout(baseDir = process.cwd()) {
  const problems = [];
  const entries = CHECKED.filter((d) => existsSync(path.join(baseDir, d))).flatMap((d) => walk(baseDir, d));
  const dirs = new Set(entries.filter((e) => e.dir).map((e) => e.rel));
  for (const { rel, dir } of entries) {
    if (dir) continue;
    if (path.posix.dirname(rel) === 'components')
      problems.push(`${rel}: components/ holds surface folders only`);
    const problem = nameProblem(rel);
    if (problem) problems.push(`${rel}: ${problem}`);
    const stem = rel.replace(/\.[^/]+$/, '');
    if (dirs.has(stem)) problems.push(`${rel}: a file and a folder share the name ${stem}`);
  }
  const looseLib = entries.filter((e) => !e.dir && path.posix.dirname(e.rel) === 'lib');
  if (looseLib.length > MAX_LOOSE_LIB_FILES) {
    problems.push(
      `lib/: ${looseLib.length} loose files (at most ${MAX_LOOSE_LIB_FILES}); move them to their concern`,
    );
  }
  return problems.sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = checkLayout(path.resolve(process.argv[2] ?? '.'));
  for (const problem of problems) console.error(`check-layout: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log('check-layout: ok (surface folders, names, no file/folder pairs)');
}

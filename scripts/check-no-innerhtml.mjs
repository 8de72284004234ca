#!/usr/bin/env node
/**
 * Lint-level guard against HTML injection sinks and string-built SQL.
 *
 * Usage: node scripts/check-no-innerhtml.mjs [dir ...]
 *   Without arguments it scans lib/, components/, entrypoints/ and server/ under the current
 *   directory. Prints `file:line: message` per finding and exits 1 if there is any, else 0.
 *
 * Checks (in every scanned .ts/.tsx/.js/.jsx/.mjs/.cjs/.mts/.cts file):
 *   - `innerHTML`, `outerHTML`, `insertAdjacentHTML`, `dangerouslySetInnerHTML`, `document.write`
 *     anywhere outside a comment.
 *
 * Checks (only in files under a `server/` directory, i.e. a path segment named "server"):
 *   - SQL built by interpolation or concatenation inside a `.query(` / `.exec(` call: the
 *     call's arguments (up to the balanced closing parenthesis) contain a template literal with
 *     `${`, or a string literal joined with `+`. Use `$1` placeholders and parameter arrays.
 *
 * It is a heuristic, not a parser: it strips comments but not string contents, so a sink name
 * inside a string literal is reported too (rename or split the string). SQL assembled in a
 * variable first and passed by name (`db.query(sql)`) is NOT detected, and `RegExp#exec` calls
 * in server/ are checked like SQL calls (harmless: regex arguments rarely interpolate).
 * A finding can be waived with a `// check-no-innerhtml: allow <reason>` comment on its line or
 * the line above, or by an entry in REVIEWED below (file + the exact interpolated SQL text).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIP_DIRS = new Set(['node_modules', '.output', '.wxt', 'dist', '.git']);
const SINKS =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b|\bdocument\s*\.\s*write(?:ln)?\s*\(/g;
const ALLOW = 'check-no-innerhtml: allow';
const SQL_CALL = /\.\s*(query|exec)\s*\(/g;

/**
 * Reviewed exceptions: `file` (path ending) and a snippet of the call's arguments. Keep each one
 * justified; prefer parameters ($1) wherever the value is data rather than an identifier.
 */
const REVIEWED = [
  // Schema names are identifiers (cannot be $n parameters) and are checked against
  // /^[a-z_][a-z0-9_]{0,62}$/ just before; used only by tests to isolate parallel files.
  { file: 'server/db/postgres.ts', snippet: '`CREATE SCHEMA IF NOT EXISTS ' },
  { file: 'server/db/postgres.ts', snippet: '`DROP SCHEMA IF EXISTS ' },
];

/** Every source file under `dir` (recursively), skipping build and dependency folders. */
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) return SKIP_DIRS.has(name) ? [] : walk(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** Replaces comments with spaces (keeping newlines and offsets), leaving strings intact. */
function stripComments(text) {
  let out = '';
  let i = 0;
  let quote = null;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

/** The text from `start` (just after an opening parenthesis) to its balanced closing one. */
function callArguments(text, start) {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i);
  }
  return text.slice(start);
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

/** Findings for one file, as `{ line, message }`. */
export function checkFile(path, text) {
  const code = stripComments(text);
  const lines = text.split('\n');
  const allowed = (line) => [line - 1, line - 2].some((i) => lines[i]?.includes(ALLOW));
  const reviewed = (args) =>
    REVIEWED.some((r) => path.split(sep).join('/').endsWith(r.file) && args.includes(r.snippet));
  const findings = [];
  for (const match of code.matchAll(SINKS)) {
    const line = lineOf(code, match.index);
    const name = match[1] ?? 'document.write';
    if (!allowed(line))
      findings.push({ line, message: `HTML sink "${name}" (build DOM nodes / set textContent)` });
  }
  if (path.split(sep).includes('server') || path.split('/').includes('server')) {
    for (const match of code.matchAll(SQL_CALL)) {
      const args = callArguments(code, match.index + match[0].length);
      const interpolated = /`[^`]*\$\{/.test(args);
      const concatenated = /(['"`])\s*\+|\+\s*(['"`])/.test(args);
      const line = lineOf(code, match.index);
      if ((interpolated || concatenated) && !allowed(line) && !reviewed(args)) {
        findings.push({
          line,
          message: `SQL built by ${interpolated ? 'interpolation' : 'concatenation'} in .${match[1]}() (use $n parameters)`,
        });
      }
    }
  }
  return findings;
}

function main(argv) {
  const roots = argv.length > 0 ? argv : ['lib', 'components', 'entrypoints', 'server'];
  let count = 0;
  for (const root of roots) {
    for (const file of walk(root)) {
      for (const finding of checkFile(file, readFileSync(file, 'utf8'))) {
        console.error(`${relative(process.cwd(), file)}:${finding.line}: ${finding.message}`);
        count++;
      }
    }
  }
  if (count > 0) {
    console.error(`check-no-innerhtml: ${count} problem(s)`);
    return 1;
  }
  console.log(`check-no-innerhtml: ok (${roots.join(', ')})`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}

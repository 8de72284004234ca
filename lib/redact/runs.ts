/** One digit group of a numeric run; `paren` groups were written like `(020)`. */
export interface Group {
  start: number;
  end: number;
  digits: string;
  paren: boolean;
}

/** A maximal stretch of digit groups joined by single separators, e.g. `+1 (415) 555-0132`. */
export interface Run {
  start: number;
  plus: boolean;
  groups: Group[];
  /** `seps[k]` joins groups k and k+1: one of ' ', '.', '-', or '' (next to a parenthesised group). */
  seps: string[];
  /** Touches a word on the left (`ORD-2024`, `v2`), so its first group is part of an identifier. */
  gluedLeft: boolean;
  /** Touches a word on the right (`2026-11-23T10`), so its last group is part of an identifier. */
  gluedRight: boolean;
}

// Every repetition must start with a separator or a `(`, so digits can be split in exactly one way:
// the regex never backtracks and the scan stays linear even on 10,000 digits and dashes.
const RUN = /\+?(?:\(\d{1,6}\)|\d+)(?:[ .-]?\(\d{1,6}\)|(?:(?<=\))|[ .-])\d+)*/g;
const GROUP = /\(\d+\)|\d+/g;
const WORD = /[\p{L}\p{N}_]/u;

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Splits a text into numeric runs, noting which ones are welded to surrounding words. */
export function numericRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of text.matchAll(RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    const groups: Group[] = [];
    const seps: string[] = [];
    for (const g of m[0].matchAll(GROUP)) {
      const gStart = start + g.index;
      const previous = groups.at(-1);
      if (previous) seps.push(text.slice(previous.end, gStart));
      const paren = g[0].startsWith('(');
      groups.push({
        start: gStart,
        end: gStart + g[0].length,
        digits: paren ? g[0].slice(1, -1) : g[0],
        paren,
      });
    }
    // A dash or slash between a word and the digits (`INV-2024`, `tickets/4821`) still makes one token.
    const before = text[start - 1];
    const after = text[end];
    runs.push({
      start,
      plus: m[0].startsWith('+'),
      groups,
      seps,
      gluedLeft: isWord(before) || ((before === '-' || before === '/') && isWord(text[start - 2])),
      gluedRight: isWord(after) || ((after === '-' || after === '/') && isWord(text[end + 1])),
    });
  }
  return runs;
}

/** Whether a window may begin at group i: at a free run start, or right after a space (a new word). */
export function canStart(run: Run, i: number): boolean {
  return i === 0 ? !run.gluedLeft : run.seps[i - 1] === ' ';
}

/** Whether a window may end at group j: at a free run end, or right before a space. */
export function canEnd(run: Run, j: number): boolean {
  return j === run.groups.length - 1 ? !run.gluedRight : run.seps[j] === ' ';
}

/** Text offsets of groups i..j, including a leading `+` when the window opens the run. */
export function windowSpan(run: Run, i: number, j: number): { start: number; end: number } {
  const first = run.groups[i];
  const last = run.groups[j];
  if (!first || !last) throw new RangeError(`window ${i}..${j} is outside the run`);
  return { start: i === 0 ? run.start : first.start, end: last.end };
}

/** Digits of groups i..j joined together (parentheses and separators dropped). */
export function windowDigits(run: Run, i: number, j: number): string {
  let digits = '';
  for (let k = i; k <= j; k++) digits += run.groups[k]?.digits ?? '';
  return digits;
}

/**
 * Finds non-overlapping windows of whole groups that `accept` approves, scanning left to right and
 * preferring the longest window at each start so a number is never half-taken.
 * Windows hold `minDigits`..`maxDigits` digits; the cap bounds the work per group and keeps the scan linear.
 */
export function scanWindows(
  run: Run,
  [minDigits, maxDigits]: [number, number],
  accept: (i: number, j: number) => boolean,
  take: (start: number, end: number) => boolean,
): void {
  const n = run.groups.length;
  let i = 0;
  outer: while (i < n) {
    if (canStart(run, i)) {
      let last = i - 1;
      let digits = 0;
      while (last + 1 < n && digits + (run.groups[last + 1]?.digits.length ?? 0) <= maxDigits) {
        last++;
        digits += run.groups[last]?.digits.length ?? 0;
      }
      for (let j = last; j >= i && digits >= minDigits; j--) {
        const fits = canEnd(run, j) && accept(i, j);
        digits -= run.groups[j]?.digits.length ?? 0;
        if (!fits) continue;
        const { start, end } = windowSpan(run, i, j);
        if (take(start, end)) {
          i = j + 1;
          continue outer;
        }
      }
    }
    i++;
  }
}

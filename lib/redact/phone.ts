import { type Group, numericRuns, type Run, scanWindows } from './runs';
import { type Claims, collect, type Detector, type Span } from './types';

function lengthsOf(groups: Group[]): string {
  return groups.map((g) => (g.paren ? `(${g.digits.length})` : String(g.digits.length))).join(',');
}

// North American: 415-555-0132, 415.555.0132, (415) 555-0132, 1-800-555-0199, 1 (800) 555-0199.
const NANP_LAYOUTS = new Set(['3,3,4', '(3),3,4', '1,3,3,4', '1,(3),3,4']);

function isNanp(groups: Group[]): boolean {
  const layout = lengthsOf(groups);
  if (!NANP_LAYOUTS.has(layout)) return false;
  const rest = layout.startsWith('1,') ? groups.slice(1) : groups;
  if (layout.startsWith('1,') && groups[0]?.digits !== '1') return false;
  // Area codes and exchanges never start with 0 or 1; that keeps 3-3-4 reference numbers out.
  return /^[2-9]/.test(rest[0]?.digits ?? '') && /^[2-9]/.test(rest[1]?.digits ?? '');
}

function phoneWindow(run: Run, i: number, j: number): boolean {
  const head = run.groups[i];
  const plus = i === 0 && run.plus;
  // Cheap exit: past four groups, a number without + must open with a trunk 0, 00 or a parenthesis.
  if (!plus && j - i > 3 && head && !head.paren && !/^0{1,2}[1-9]/.test(head.digits)) return false;
  const groups = run.groups.slice(i, j + 1);
  const seps = run.seps.slice(i, j);
  const first = groups[0];
  if (!first) return false;
  const digits = groups.map((g) => g.digits).join('');

  // +44 20 7946 0958, +1 (415) 555-0132, +44 (0)20 7946 0958, +442079460958: E.164 allows 15 digits.
  if (plus) {
    const significant = groups.filter((g) => !(g.paren && g.digits === '0'));
    const count = significant.reduce((n, g) => n + g.digits.length, 0);
    return !first.paren && first.digits[0] !== '0' && count >= 8 && count <= 15;
  }
  if (isNanp(groups)) return true;
  if (groups.length < 2) return false; // a bare digit string is an order number as often as a phone

  // 0044 20 7946 0958: international prefix 00 instead of +.
  if (!first.paren && /^00[1-9]/.test(first.digits)) return digits.length >= 10 && digits.length <= 17;

  // (020) 7946 0958, (030) 1234567: area code in parentheses.
  if (first.paren) {
    return (
      first.digits.length >= 2 &&
      groups.slice(1).every((g) => !g.paren) &&
      digits.length >= 9 &&
      digits.length <= 12
    );
  }

  // 020 7946 0958, 01 23 45 67 89, 030-12345678: national trunk prefix 0. One separator style and
  // at least 9 digits, so dates such as 01.11.2026 or "01.11.2026 10:30" are never phones.
  return (
    /^0[1-9]/.test(first.digits) &&
    digits.length >= 9 &&
    digits.length <= 12 &&
    groups.every((g) => !g.paren && g.digits.length >= 2) &&
    seps.every((s) => s === seps[0])
  );
}

/** Phone numbers in international (+ or 00), North American, and trunk-prefixed national formats. */
export const detectPhones: Detector = (text: string, claims: Claims): Span[] => {
  const found = collect(claims, 'phone');
  for (const run of numericRuns(text)) {
    scanWindows(run, [8, 17], (i, j) => phoneWindow(run, i, j), found.take);
  }
  return found.spans;
};

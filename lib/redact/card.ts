import { numericRuns, type Run, scanWindows, windowDigits } from './runs';
import { type Claims, collect, type Detector, type Span } from './types';

/** Luhn checksum over the digits of a string (13 digits at least, as no card is shorter). */
export function luhnValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

// How cards are printed: ungrouped, 4-4-4-4(-1..3), 4-4-4-1 (old 13-digit Visa), Amex 4-6-5, Diners 4-6-4.
function printedLayout(lengths: number[]): boolean {
  if (lengths.length === 1) return true;
  const head = lengths.slice(0, -1);
  const tail = lengths.at(-1) ?? 0;
  if (head.every((l) => l === 4) && tail >= 1 && tail <= 4) return true;
  return lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6 && (tail === 4 || tail === 5);
}

// Any other grouping of sizeable chunks; short chunks (dates, quantities) are never glued into a card.
function looseLayout(lengths: number[]): boolean {
  return lengths.slice(0, -1).every((l) => l >= 3);
}

function cardWindow(run: Run, i: number, j: number, layout: (lengths: number[]) => boolean): boolean {
  if (i === 0 && run.plus) return false; // `+` opens a phone number, never a card
  const lengths: number[] = [];
  for (let k = i; k <= j; k++) {
    const group = run.groups[k];
    if (!group || group.paren) return false;
    // Both layouts need every group but the last to have 3+ digits; bail out early on dates and lists.
    if (k < j && (group.digits.length < 3 || (run.seps[k] !== ' ' && run.seps[k] !== '-'))) return false;
    lengths.push(group.digits.length);
  }
  const digits = windowDigits(run, i, j);
  // No issuer number starts with 0; that rules out international `00…` phone numbers.
  return digits[0] !== '0' && layout(lengths) && luhnValid(digits);
}

/** Payment cards: 13–19 digits with optional single spaces or dashes between groups, Luhn-valid. */
export const detectCards: Detector = (text: string, claims: Claims): Span[] => {
  const found = collect(claims, 'card');
  for (const run of numericRuns(text)) {
    // Printed layouts first, so in `415 555 0132 4111 1111 1111 1111` the real card wins over a
    // chance Luhn hit on `415 555 0132 4111`.
    scanWindows(run, [13, 19], (i, j) => cardWindow(run, i, j, printedLayout), found.take);
    scanWindows(run, [13, 19], (i, j) => cardWindow(run, i, j, looseLayout), found.take);
  }
  return found.spans;
};

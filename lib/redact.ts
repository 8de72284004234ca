/** Result of redacting a text: the safe text and how many values were replaced. */
export interface Redacted {
  text: string;
  count: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// 13–19 digits, optionally grouped by single spaces or dashes; confirmed by the Luhn check.
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

/** Luhn checksum over the digits of a string. */
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

/** Replaces emails and Luhn-valid card numbers with typed placeholders before anything is stored. */
export function redact(input: string): Redacted {
  let count = 0;
  const text = input
    .replace(EMAIL, () => {
      count++;
      return '[email]';
    })
    .replace(CARD_CANDIDATE, (match) => {
      if (!luhnValid(match)) return match;
      count++;
      return '[card]';
    });
  return { text, count };
}

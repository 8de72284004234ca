import { detectCards } from './card';
import { detectEmails } from './email';
import { detectIbans } from './iban';
import { detectPhones } from './phone';
import { detectSsns } from './ssn';
import { CATEGORIES, type Category, Claims, type Detector, type Span } from './types';

export { luhnValid } from './card';
export { IBAN_LENGTHS, ibanValid } from './iban';
export { ssnValid } from './ssn';
export { CATEGORIES, type Category } from './types';

/** Result of redacting a text: the safe text, how many values were replaced, and how many per kind. */
export interface Redacted {
  text: string;
  count: number;
  byCategory: Record<Category, number>;
}

/** Options for `redact`; `categories` lists the kinds to replace (default: all of them). */
export interface RedactOptions {
  categories?: readonly Category[];
}

// Priority order. Emails go first because addresses may hold digits; IBANs and cards before phones so
// a long number is judged whole instead of being half-eaten by the looser phone rule.
const DETECTORS: readonly Detector[] = [detectEmails, detectIbans, detectCards, detectSsns, detectPhones];

/**
 * Replaces personal data with typed placeholders such as `[card]` before anything is stored.
 * IP addresses are deliberately not redacted: in CRM notes they are almost always server or office
 * addresses, and dotted quads fit neither the phone nor the card rules. Disabled categories are still detected,
 * and left as they are, so a card that is not to be redacted is not half-redacted as a phone instead.
 */
export function redact(input: string, options: RedactOptions = {}): Redacted {
  const enabled = new Set(options.categories ?? CATEGORIES);
  const byCategory: Record<Category, number> = { email: 0, iban: 0, card: 0, ssn: 0, phone: 0 };
  const claims = new Claims(input.length);
  const spans: Span[] = DETECTORS.flatMap((detect) => detect(input, claims));
  spans.sort((a, b) => a.start - b.start);

  // One pass over the original text: placeholders are never scanned, so they cannot be re-matched.
  let text = '';
  let at = 0;
  for (const { start, end, category } of spans) {
    if (category === null || !enabled.has(category)) continue;
    text += `${input.slice(at, start)}[${category}]`;
    at = end;
    byCategory[category]++;
  }
  text += input.slice(at);
  const count = Object.values(byCategory).reduce((sum, n) => sum + n, 0);
  return { text, count, byCategory };
}

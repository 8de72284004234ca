import { type Claims, collect, type Detector, type Span } from './types';

// biome-ignore format: a compact table reads better than 88 lines
/** IBAN length per country, from the SWIFT IBAN registry (ISO 13616). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

// Country, check digits, then the BBAN in blocks of four with optional single spaces. Quantifiers are
// bounded (an IBAN has at most 34 characters), so a failed attempt costs a constant amount of work.
const IBAN_CANDIDATE = /(?<![A-Za-z0-9_])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?/g;
const ALNUM = /[A-Za-z0-9]/;

/** ISO 13616 check: known country, registered length, check digits 02–98 and remainder 1 under mod 97. */
export function ibanValid(value: string): boolean {
  const iban = value.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) || IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  const check = Number(iban.slice(2, 4));
  if (check < 2 || check > 98) return false;
  let remainder = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const code = ch.charCodeAt(0);
    // Letters count as 10..35, i.e. two decimal digits; fold them in without building a bigint.
    remainder = code >= 65 ? (remainder * 100 + code - 55) % 97 : (remainder * 10 + code - 48) % 97;
  }
  return remainder === 1;
}

/**
 * IBANs (with or without spaces every four characters) that pass the mod-97 check. A correctly
 * shaped, upper-case IBAN with a bad checksum is claimed but kept, so its digits cannot be mistaken
 * for a card or phone number.
 */
export const detectIbans: Detector = (text: string, claims: Claims): Span[] => {
  const found = collect(claims, 'iban');
  const kept = collect(claims, null);
  for (const m of text.matchAll(IBAN_CANDIDATE)) {
    const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
    if (length === undefined) continue;
    // The candidate may run into a following word or number; cut it at the registered length.
    let end = m.index;
    for (let seen = 0; seen < length && end < m.index + m[0].length; end++) {
      if (text[end] !== ' ') seen++;
    }
    const compact = text.slice(m.index, end).replace(/ /g, '');
    if (compact.length !== length || ALNUM.test(text[end] ?? '')) continue;
    if (ibanValid(compact)) found.take(m.index, end);
    else if (/^[A-Z]{2}$/.test(m[0].slice(0, 2))) kept.take(m.index, end);
  }
  return [...found.spans, ...kept.spans];
};

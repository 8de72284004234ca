import { type Claims, collect, type Detector, type Span } from './types';

// Dashed form only: undashed 9-digit strings are far more often order or account numbers.
// The guards keep it from being a slice of a longer dashed token such as `2024-123-45-6789`.
const SSN =
  /(?<![\p{L}\p{N}_]|[\p{L}\p{N}_][-/.])(\d{3})-(\d{2})-(\d{4})(?![\p{L}\p{N}_]|[-/.][\p{L}\p{N}_])/gu;

/** Whether AAA-GG-SSSS is an issuable US SSN: no area 000, 666 or 900–999, no group 00, no serial 0000. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

/** US Social Security numbers written AAA-GG-SSSS in the issuable ranges. */
export const detectSsns: Detector = (text: string, claims: Claims): Span[] => {
  const found = collect(claims, 'ssn');
  for (const m of text.matchAll(SSN)) {
    const [whole, area = '', group = '', serial = ''] = m;
    if (ssnValid(area, group, serial)) found.take(m.index, m.index + whole.length);
  }
  return found.spans;
};

/** Kinds of personal data the redactor knows; each becomes the placeholder `[<category>]`. */
export type Category = 'email' | 'iban' | 'card' | 'ssn' | 'phone';

/** Every category, in detection priority: earlier kinds claim their text before later ones look. */
export const CATEGORIES: readonly Category[] = ['email', 'iban', 'card', 'ssn', 'phone'];

/** A detected range of the input; `category: null` protects a look-alike (e.g. a bad IBAN) from other rules. */
export interface Span {
  start: number;
  end: number;
  category: Category | null;
}

/** Which characters earlier detectors already own, so later detectors never cut into them. */
export class Claims {
  readonly #taken: Uint8Array;

  constructor(length: number) {
    this.#taken = new Uint8Array(length);
  }

  /** True when no character in [start, end) belongs to an earlier span. */
  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.#taken[i] === 1) return false;
    return true;
  }

  /** Marks [start, end) as owned. */
  take(start: number, end: number): void {
    this.#taken.fill(1, start, end);
  }
}

/** A detector reports (and claims, via `collect`) the spans it finds in characters that are still free. */
export type Detector = (text: string, claims: Claims) => Span[];

/** Gathers a detector's spans, claiming each one; `take` refuses (false) when the range is already owned. */
export function collect(
  claims: Claims,
  category: Category | null,
): { spans: Span[]; take: (start: number, end: number) => boolean } {
  const spans: Span[] = [];
  const take = (start: number, end: number): boolean => {
    if (!claims.isFree(start, end)) return false;
    claims.take(start, end);
    spans.push({ start, end, category });
    return true;
  };
  return { spans, take };
}

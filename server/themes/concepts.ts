import { stemmer } from 'stemmer';
import { noteTerms } from './normalize';
import { baseForms, posLetter, WordNet } from './wordnet';

/** A weighted feature of a note: `c:` a domain concept, `w:` a word stem, `s:` a WordNet synset. */
export type Features = Map<string, number>;

/** How much a shared WordNet sense counts against a shared word: a synonym is a weaker hint. */
const SYNSET_WEIGHT = 0.6;
/** Weight of a pair of words or concepts that occur in the same note. */
const PAIR_WEIGHT = 0.5;
/** Below this tagged-corpus count the top sense is a guess (WordNet orders untagged senses arbitrarily). */
const MIN_SENSE_COUNT = 1;

/**
 * Turns notes into features. Each word becomes its Porter stem plus, when WordNet knows it, the
 * synset of its most frequent sense (only when that synset has other words: a synonym the stem
 * cannot find). Using only the most frequent sense keeps WordNet's rare senses ("crash" as a clang
 * is its first noun sense, but the verb is far more frequent) from merging unrelated words.
 */
export class ConceptMapper {
  readonly #wordnet: WordNet | null;
  readonly #cache = new Map<string, readonly [string, number][]>();

  constructor(wordnet: WordNet | null = new WordNet()) {
    this.#wordnet = wordnet;
  }

  /** The features of a note's text, with term frequencies summed. */
  features(text: string): Features {
    const features: Features = new Map();
    for (const term of noteTerms(text)) {
      const pairs: readonly [string, number][] =
        term.kind === 'concept' ? [[`c:${term.value}`, 1]] : this.#wordFeatures(term.value);
      for (const [feature, weight] of pairs) features.set(feature, (features.get(feature) ?? 0) + weight);
    }
    // Pairs make two notes that share two things closer than two notes that share one twice over:
    // "invoice" + "copy" and "invoice" + "unclear" are different requests about the same object.
    const heads = [...features.keys()].filter((f) => !f.startsWith('s:')).sort();
    for (let i = 0; i < heads.length; i++)
      for (let j = i + 1; j < heads.length; j++) features.set(`p:${heads[i]}+${heads[j]}`, PAIR_WEIGHT);
    return features;
  }

  /** The WordNet concept of a word (`s:<pos><offset>`) or null when WordNet cannot vouch for one. */
  synsetOf(word: string): string | null {
    // Codes and model numbers ("x200", "v2") are not English words: no dictionary trip for them.
    if (!this.#wordnet || /\d/.test(word)) return null;
    for (const form of baseForms(word)) {
      const top = this.#wordnet.topSense(form.replace(/ /g, '_'));
      if (!top) continue;
      if (top.count < MIN_SENSE_COUNT) return null;
      const words = this.#wordnet.synsetWords(top.offset, top.pos);
      return words.length > 1 ? `s:${posLetter(top.pos)}${top.offset}` : null;
    }
    return null;
  }

  /** How many words have been looked up (the cache is the only memory WordNet costs). */
  cachedWords(): number {
    return this.#cache.size;
  }

  #wordFeatures(word: string): readonly [string, number][] {
    const cached = this.#cache.get(word);
    if (cached) return cached;
    const pairs: [string, number][] = [[`w:${stemmer(word)}`, 1]];
    const synset = this.synsetOf(word);
    if (synset) pairs.push([synset, SYNSET_WEIGHT]);
    this.#cache.set(word, pairs);
    return pairs;
  }
}

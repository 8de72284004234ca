import type { Features } from './concepts';
import type { TermWeights, ThemeRecord } from './store';

/**
 * How much a support concept outweighs a plain word: concepts name what a note is about ("refund",
 * "sign in"), while plain words are mostly its detail (the product, the competitor's name).
 */
const CONCEPT_BOOST = 2;

/**
 * The unit TF-IDF vector of a note's features. IDF is taken from the team's document frequencies
 * at the time the note arrives (smoothed, so a feature never seen before weighs the most), and
 * square-rooted: in notes of five words a rare detail would otherwise outweigh the topic.
 */
export function weigh(features: Features, df: (term: string) => number, docs: number): TermWeights {
  const vector: TermWeights = {};
  let norm2 = 0;
  for (const [term, tf] of features) {
    const idf = Math.sqrt(Math.log((docs + 1) / (df(term) + 1)) + 1);
    const weight = Math.min(tf, 2) * idf * (term.startsWith('c:') ? CONCEPT_BOOST : 1);
    vector[term] = weight;
    norm2 += weight * weight;
  }
  const norm = Math.sqrt(norm2);
  if (norm > 0) for (const term of Object.keys(vector)) vector[term] = (vector[term] as number) / norm;
  return vector;
}

/** Cosine of a unit vector with any vector (given its squared length); 0 when either is empty. */
export function cosine(unit: TermWeights, other: TermWeights, otherNorm2: number): number {
  if (otherNorm2 <= 0) return 0;
  let dot = 0;
  for (const term in unit) {
    const w = other[term];
    if (w !== undefined) dot += (unit[term] as number) * w;
  }
  return dot / Math.sqrt(otherNorm2);
}

/** Squared length of a vector. */
export function norm2Of(vector: TermWeights): number {
  let sum = 0;
  for (const term in vector) sum += (vector[term] as number) ** 2;
  return sum;
}

/**
 * Adds `sign × vector` into a theme's centroid, keeping its squared length; returns the features
 * that entered the centroid and those that left it (for the inverted index).
 */
export function addInto(
  theme: ThemeRecord,
  vector: TermWeights,
  sign: 1 | -1,
): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const term in vector) {
    const old = theme.centroid[term] ?? 0;
    let next = old + sign * (vector[term] as number);
    if (Math.abs(next) < 1e-9) next = 0;
    theme.norm2 += next * next - old * old;
    if (next === 0) {
      delete theme.centroid[term];
      if (old !== 0) removed.push(term);
    } else {
      theme.centroid[term] = next;
      if (old === 0) added.push(term);
    }
  }
  if (theme.norm2 < 1e-12) theme.norm2 = 0;
  return { added, removed };
}

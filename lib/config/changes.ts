/** Which of a record's fields an edit changed, named for people ("URL", "secret"). */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: ReadonlyArray<readonly [keyof T, string]>,
): string[] {
  // Arrays (routed tags) compare by value; an absent and an empty optional field are the same.
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');
  return fields.filter(([key]) => !same(before[key], after[key])).map(([, name]) => name);
}

/** "URL and secret changed", "name, URL and format changed", or "nothing changed". */
export function describeChanged(names: readonly string[]): string {
  if (names.length === 0) return 'nothing changed';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${list} changed`;
}

/** The endpoint fields the options page edits, by their names on the page. */
export const ENDPOINT_FIELDS = [
  ['name', 'name'],
  ['url', 'URL'],
  ['secret', 'secret'],
  ['format', 'format'],
  ['tags', 'routed tags'],
] as const;

/** The tag fields the options page edits, by their names on the page. */
export const TAG_FIELDS = [
  ['label', 'label'],
  ['category', 'category'],
  ['hotkey', 'hotkey'],
  ['color', 'colour'],
  ['description', 'description'],
] as const;

import type { PolicyProblem } from './problem';

/**
 * Rules across entries that the per-entry zod schemas cannot see. They read the raw (possibly
 * invalid) value on purpose: an import lists these problems together with the schema's own,
 * instead of only after the admin fixed everything else.
 */

function entries(list: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(list)) return [];
  return list.map((entry: unknown) =>
    typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {},
  );
}

/** Every later entry whose `field` repeats an earlier one (compared by `normalise`). */
function repeats(
  key: string,
  list: unknown,
  field: string,
  describe: (value: string, first: number) => string,
  normalise: (value: string) => string = (v) => v,
): PolicyProblem[] {
  const seen = new Map<string, number>();
  const problems: PolicyProblem[] = [];
  entries(list).forEach((entry, index) => {
    const value = entry[field];
    if (typeof value !== 'string' || value === '') return;
    const first = seen.get(normalise(value));
    if (first === undefined) seen.set(normalise(value), index);
    else problems.push({ path: `${key}.${index}.${field}`, message: describe(value, first) });
  });
  return problems;
}

/**
 * Duplicate endpoint ids, duplicate tag ids and hotkeys used twice, with the path of each repeat;
 * `prefix` is where the settings sit in the checked document (e.g. "settings.").
 */
export function duplicateProblems(settings: unknown, prefix = ''): PolicyProblem[] {
  if (typeof settings !== 'object' || settings === null) return [];
  const { endpoints, taxonomy } = settings as { endpoints?: unknown; taxonomy?: unknown };
  const [e, t] = [`${prefix}endpoints`, `${prefix}taxonomy`];
  return [
    ...repeats(e, endpoints, 'id', (v, i) => `duplicate endpoint id "${v}" (also ${e}.${i})`),
    ...repeats(t, taxonomy, 'id', (v, i) => `duplicate tag id "${v}" (also ${t}.${i})`),
    ...repeats(
      t,
      taxonomy,
      'hotkey',
      (v, i) => `hotkey "${v}" is already used by ${t}.${i}`,
      (v) => v.toLowerCase(),
    ),
  ];
}

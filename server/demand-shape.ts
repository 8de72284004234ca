import {
  bucketStarts,
  type Demand,
  type DemandBucketSize,
  type DemandCause,
  type DemandCauseChange,
  type DemandSample,
  type DemandSide,
  shareOf,
  TOP_THEMES,
} from './demand';

/**
 * One row of the grouped demand query (server/sql-store/demand.ts): captures of one group (a
 * bucket's day, or "previous") and side, per cause and theme; tag null = the side's total.
 */
export interface DemandRow {
  grp: string;
  failure: boolean;
  tag: string | null;
  theme_id: string | null;
  label: string | null;
  category: string | null;
  count: number;
}

/** Titles of the themes listed, and one sample per (side, cause, theme) in the range. */
export interface DemandExtras {
  titles: Map<string, string>;
  samples: Map<string, DemandSample>;
}

/** Key of a sample: side, cause and theme. */
export const sampleKey = (failure: boolean, tag: string, themeId: string) => `${failure}|${tag}|${themeId}`;

interface Group {
  totals: { failure: number; value: number };
  causes: Map<string, { cause: Omit<DemandCause, 'themes' | 'count'>; counts: Map<string, number> }>;
}

/** Sums the rows into groups (`groupOf` maps a row's group to the one it counts in; null drops it). */
function collect(rows: DemandRow[], groupOf: (grp: string) => string | null): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = groupOf(r.grp);
    if (key === null) continue;
    const g = groups.get(key) ?? { totals: { failure: 0, value: 0 }, causes: new Map() };
    groups.set(key, g);
    if (r.tag === null) {
      g.totals[r.failure ? 'failure' : 'value'] += r.count;
      continue;
    }
    const causeKey = `${r.failure}|${r.tag}`;
    const c = g.causes.get(causeKey) ?? {
      cause: { id: r.tag, label: r.label ?? r.tag, category: r.category ?? '' },
      counts: new Map<string, number>(),
    };
    g.causes.set(causeKey, c);
    const theme = r.theme_id ?? '';
    c.counts.set(theme, (c.counts.get(theme) ?? 0) + r.count);
  }
  return groups;
}

const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) =>
  b.count - a.count || a.label.localeCompare(b.label);

/** One side of a group: its count, share and causes (each with its top themes), most captures first. */
function side(group: Group | undefined, failure: boolean, titles: Map<string, string>): DemandSide {
  const count = group ? group.totals[failure ? 'failure' : 'value'] : 0;
  const total = group ? group.totals.failure + group.totals.value : 0;
  const causes = [...(group?.causes.entries() ?? [])]
    .filter(([key]) => key.startsWith(`${failure}|`))
    .map(([, { cause, counts }]) => ({
      ...cause,
      count: [...counts.values()].reduce((a, b) => a + b, 0),
      themes: [...counts.entries()]
        .filter(([id]) => id !== '')
        .map(([id, n]) => ({ id, title: titles.get(id) ?? '', count: n }))
        .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
        .slice(0, TOP_THEMES),
    }))
    .sort(byCount);
  return { count, share: shareOf(count, total), causes };
}

/** The range's causes of one side with their previous-period counts and a sample per theme. */
function changes(
  now: DemandSide,
  before: DemandSide,
  failure: boolean,
  extras: DemandExtras,
): DemandCauseChange[] {
  // A cause seen only in the previous period is listed too, at 0, so a drop to nothing shows.
  const gone = before.causes.filter((p) => !now.causes.some((c) => c.id === p.id));
  return [...now.causes, ...gone.map((p) => ({ ...p, count: 0, themes: [] }))].map((c) => ({
    ...c,
    previous: before.causes.find((p) => p.id === c.id)?.count ?? 0,
    themes: c.themes.map((t) => ({
      ...t,
      sample: extras.samples.get(sampleKey(failure, c.id, t.id)) ?? null,
    })),
  }));
}

/** Theme ids listed anywhere (their titles are needed) and in the range's summary (their samples). */
export function listedThemes(rows: DemandRow[]): { all: string[]; summary: string[] } {
  const none = new Map<string, string>();
  const ids = (groups: Map<string, Group>) =>
    [...groups.values()].flatMap((g) =>
      [true, false].flatMap((f) => side(g, f, none).causes.flatMap((c) => c.themes.map((t) => t.id))),
    );
  const summary = ids(collect(rows, (g) => (g === 'previous' ? null : 'current')));
  return { all: [...new Set([...ids(collect(rows, (g) => g)), ...summary])], summary: [...new Set(summary)] };
}

/** Assembles GET /v1/demand from the grouped rows; empty buckets are filled in. */
export function shapeDemand(
  range: { from: string; to: string; bucket: DemandBucketSize; previous: Demand['previous'] },
  rows: DemandRow[],
  extras: DemandExtras,
): Demand {
  const byBucket = collect(rows, (g) => (g === 'previous' ? null : g));
  const buckets = bucketStarts(range.from, range.to, range.bucket).map((start) => {
    const group = byBucket.get(start.slice(0, 10));
    const failure = side(group, true, extras.titles);
    const value = side(group, false, extras.titles);
    return { start, total: failure.count + value.count, failure, value };
  });
  const periods = collect(rows, (g) => (g === 'previous' ? 'previous' : 'current'));
  const summarySide = (failure: boolean) => {
    const now = side(periods.get('current'), failure, extras.titles);
    const then = side(periods.get('previous'), failure, extras.titles);
    const { count, share } = now;
    return {
      count,
      share,
      previousCount: then.count,
      previousShare: then.share,
      causes: changes(now, then, failure, extras),
    };
  };
  const failure = summarySide(true);
  const value = summarySide(false);
  return {
    from: range.from,
    to: range.to,
    bucket: range.bucket,
    previous: range.previous,
    buckets,
    summary: {
      total: failure.count + value.count,
      previousTotal: failure.previousCount + value.previousCount,
      failure,
      value,
    },
  };
}

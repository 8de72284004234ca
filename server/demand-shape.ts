import {
  bucketStarts,
  type Demand,
  type DemandBucketSize,
  type DemandCause,
  type DemandCauseChange,
  type DemandSample,
  type DemandSide,
  type DemandTheme,
  shareOf,
} from './demand';

/** Rows of the grouped demand queries (server/sql-store/demand.ts); grp is a bucket day or a period. */
export interface DemandRows {
  totals: Array<{ grp: string; total: number; failure: number }>;
  causes: Array<{
    grp: string;
    failure: boolean;
    tag: string;
    label: string;
    category: string;
    count: number;
  }>;
  themes: Array<{
    grp: string;
    failure: boolean;
    tag: string;
    theme_id: string;
    title: string;
    count: number;
  }>;
  samples: Array<{
    failure: boolean;
    tag: string;
    theme_id: string;
    id: string;
    quote: string | null;
    note: string | null;
  }>;
}

type Key = { grp: string; failure: boolean; tag: string };
const keyOf = (r: { failure: boolean; tag: string }, grp: string) => `${grp}|${r.failure}|${r.tag}`;
const byCount = (a: { count: number; label: string }, b: { count: number; label: string }) =>
  b.count - a.count || a.label.localeCompare(b.label);

/** Each (group, side, cause)'s themes, most items first. */
function themesByCause(rows: DemandRows['themes']): Map<string, DemandTheme[]> {
  const out = new Map<string, DemandTheme[]>();
  for (const r of rows) {
    const key = keyOf(r, r.grp);
    const list = out.get(key) ?? [];
    list.push({ id: r.theme_id, title: r.title, count: r.count });
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return out;
}

/** The causes of one group and side, ranked. */
function causesOf(rows: DemandRows, themes: Map<string, DemandTheme[]>, at: Omit<Key, 'tag'>): DemandCause[] {
  return rows.causes
    .filter((r) => r.grp === at.grp && r.failure === at.failure)
    .map((r) => ({
      id: r.tag,
      label: r.label,
      category: r.category,
      count: r.count,
      themes: themes.get(keyOf(r, at.grp)) ?? [],
    }))
    .sort(byCount);
}

function side(
  rows: DemandRows,
  themes: Map<string, DemandTheme[]>,
  grp: string,
  failure: boolean,
): DemandSide {
  const totals = rows.totals.find((t) => t.grp === grp);
  const count = totals ? (failure ? totals.failure : totals.total - totals.failure) : 0;
  return {
    count,
    share: shareOf(count, totals?.total ?? 0),
    causes: causesOf(rows, themes, { grp, failure }),
  };
}

/** The range's causes of one side with their previous-period counts and a sample per theme. */
function changes(rows: DemandRows, failure: boolean): DemandCauseChange[] {
  const themes = themesByCause(rows.themes);
  const samples = new Map<string, DemandSample>(
    rows.samples.map((s) => [
      `${keyOf(s, 'current')}|${s.theme_id}`,
      { itemId: s.id, quote: s.quote, note: s.note },
    ]),
  );
  const current = causesOf(rows, themes, { grp: 'current', failure });
  const before = causesOf(rows, themes, { grp: 'previous', failure });
  // A cause seen only in the previous period is listed too, at 0, so a drop to nothing shows.
  const gone = before
    .filter((p) => !current.some((c) => c.id === p.id))
    .map((p) => ({ ...p, count: 0, themes: [] }));
  return [...current, ...gone].map((c) => ({
    ...c,
    previous: before.find((p) => p.id === c.id)?.count ?? 0,
    themes: c.themes.map((t) => ({
      ...t,
      sample: samples.get(`current|${failure}|${c.id}|${t.id}`) ?? null,
    })),
  }));
}

/** Assembles GET /v1/demand from the per-bucket and per-period rows; empty buckets are filled in. */
export function shapeDemand(
  range: { from: string; to: string; bucket: DemandBucketSize; previous: Demand['previous'] },
  byBucket: Omit<DemandRows, 'samples'>,
  byPeriod: DemandRows,
): Demand {
  const bucketRows = { ...byBucket, samples: [] };
  const bucketThemes = themesByCause(byBucket.themes);
  const buckets = bucketStarts(range.from, range.to, range.bucket).map((start) => {
    const grp = start.slice(0, 10);
    const total = byBucket.totals.find((t) => t.grp === grp)?.total ?? 0;
    return {
      start,
      total,
      failure: side(bucketRows, bucketThemes, grp, true),
      value: side(bucketRows, bucketThemes, grp, false),
    };
  });
  const periodThemes = themesByCause(byPeriod.themes);
  const summarySide = (failure: boolean) => {
    const now = side(byPeriod, periodThemes, 'current', failure);
    const then = side(byPeriod, periodThemes, 'previous', failure);
    return {
      count: now.count,
      share: now.share,
      previousCount: then.count,
      previousShare: then.share,
      causes: changes(byPeriod, failure),
    };
  };
  const total = (grp: string) => byPeriod.totals.find((t) => t.grp === grp)?.total ?? 0;
  return {
    from: range.from,
    to: range.to,
    bucket: range.bucket,
    previous: range.previous,
    buckets,
    summary: {
      total: total('current'),
      previousTotal: total('previous'),
      failure: summarySide(true),
      value: summarySide(false),
    },
  };
}

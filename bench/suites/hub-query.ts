import { generateSecret } from '../../lib/config/secret';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { generateToken, hashToken } from '../../server/auth/tokens';
import { DEMO_AGENTS, demoItems } from '../../server/demo-data';
import { median, percentile } from '../lib/stats';
import { type BenchDb, bulkInsert } from './hub-db';

const WEEK = 7 * 86_400_000;
const WARMUP = 10;
// Several lead tokens, so the per-token rate limit (20/s, bursts of 60) never answers 429 here.
const TOKENS = 8;
/** Filter values the review page offers, for the bench's requests. */
export const PICKS = {
  tags: DEFAULT_TAXONOMY.map((t) => t.id),
  agents: DEMO_AGENTS.map((a) => a.id),
  statuses: ['new', 'reviewed', 'actioned', 'declined'],
  words: ['refund', 'invoice', 'Billow', 'export', 'price', 'twice', 'callback', 'letter'],
};
/** The i-th element of a list, cycling. */
export const pickOf = (list: string[], i: number) => list[i % list.length] ?? '';
/** A two-week range ending `i % 20` weeks before now. */
export function rangeFor(i: number, now: number, weeks = 2): { from: string; to: string } {
  const to = new Date(now - (i % 20) * WEEK);
  return { from: new Date(to.getTime() - weeks * WEEK).toISOString(), to: to.toISOString() };
}

/**
 * The i-th request's filters, as the review page sends them on a filter change (first page of 100,
 * with the total): tag, status, a two-week date range, full-text search, agent, and combinations.
 */
function filterFor(i: number, now: number): { kind: string; query: Record<string, string> } {
  const p = (list: string[]) => pickOf(list, i);
  const range = rangeFor(i, now);
  const variants: Array<Record<string, string>> = [
    { tag: p(PICKS.tags) },
    { status: p(PICKS.statuses) },
    range,
    { q: p(PICKS.words) },
    { agent: p(PICKS.agents) },
    { tag: p(PICKS.tags), status: p(PICKS.statuses) },
    { category: 'Failure demand', ...range },
    { q: p(PICKS.words), agent: p(PICKS.agents) },
    { site: 'zendesk', status: 'new' },
    { tag: p(PICKS.tags), ...range, q: p(PICKS.words) },
  ];
  const filter = variants[i % variants.length] ?? {};
  return { kind: Object.keys(filter).join('+'), query: { ...filter, limit: '100', total: 'true' } };
}

/**
 * Seeds `rows` demo items (26 weeks, a third of them triaged) straight into a fresh database for
 * one team, groups them into themes if asked (the hub's own backfill: what ingest would have
 * stored), runs ANALYZE as after any bulk load and creates lead tokens.
 */
export async function seedReviewTeam(target: BenchDb, rows: number, now: number, themes = false) {
  const { db, store } = await target.open();
  try {
    const team = await store.createTeam('Bench team', generateSecret());
    const items = demoItems(rows, { seed: 202, weeks: 26, now: new Date(now) });
    await bulkInsert(db, items, team.id);
    if (themes) await store.backfillThemes();
    const actor = { tokenId: null, role: 'admin' };
    for (const [k, status] of ['reviewed', 'actioned', 'declined'].entries()) {
      const ids = items.filter((_, j) => j % 9 === k * 3).map((it) => it.id);
      await store.triage(ids, status as 'reviewed', 'bench', actor, {});
    }
    await db.query('ANALYZE');
    const tokens: string[] = [];
    for (let t = 0; t < TOKENS; t++) {
      const token = generateToken();
      await store.createToken({ hash: hashToken(token), role: 'lead', teamId: team.id, agentId: null });
      tokens.push(token);
    }
    return tokens;
  } finally {
    await store.close();
  }
}

/**
 * Times `requests` sequential GETs (after WARMUP untimed ones) end to end over loopback HTTP with
 * lead tokens; `requestFor(i)` names the path and a kind. `size` counts what an answer holds.
 */
export async function timeRequests(
  url: string,
  tokens: string[],
  requests: number,
  requestFor: (i: number) => { kind: string; path: string },
  size: (body: Record<string, unknown>) => number,
) {
  const times: number[] = [];
  const counts: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let i = 0; i < WARMUP + requests; i++) {
    const { kind, path } = requestFor(i);
    const headers = { authorization: `Bearer ${tokens[i % tokens.length]}` };
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers });
    const body = (await response.json()) as Record<string, unknown>;
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${String(body.error)}`);
    if (i < WARMUP) continue;
    times.push(ms);
    counts.push(size(body));
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  const kinds = [...byKind].map(([kind, ms]) => ({ kind, p50: percentile(ms, 50), p95: percentile(ms, 95) }));
  const [slowest] = [...kinds].sort((a, b) => b.p95 - a.p95);
  return {
    kinds,
    slowest: slowest ?? null,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    requests,
    medianRows: median(counts),
    emptyShare: Math.round((100 * counts.filter((c) => c === 0).length) / counts.length),
  };
}

/** The i-th GET /v1/items request, as the review page sends it on a filter change. */
export function itemsRequest(i: number, now: number): { kind: string; path: string } {
  const filter = filterFor(i, now);
  return { kind: filter.kind, path: `/v1/items?${new URLSearchParams(filter.query)}` };
}

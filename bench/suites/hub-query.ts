import { generateSecret } from '../../lib/config/secret';
import { DEFAULT_TAXONOMY } from '../../lib/config/settings';
import { generateToken, hashToken } from '../../server/auth/tokens';
import { DEMO_AGENTS, demoItems } from '../../server/demo-data';
import { startHub } from '../../server/serve';
import { median, percentile } from '../lib/stats';
import { type BenchDb, bulkInsert } from './hub-db';

const WEEK = 7 * 86_400_000;
const WARMUP = 10;
// Several lead tokens, so the per-token rate limit (20/s, bursts of 60) never answers 429 here.
const TOKENS = 8;
const TAGS = DEFAULT_TAXONOMY.map((t) => t.id);
const AGENTS = DEMO_AGENTS.map((a) => a.id);
const STATUSES = ['new', 'reviewed', 'actioned', 'declined'];
const WORDS = ['refund', 'invoice', 'Billow', 'export', 'price', 'twice', 'callback', 'letter'];

/**
 * The i-th request's filters, as the review page sends them on a filter change (first page of 100,
 * with the total): tag, status, a two-week date range, full-text search, agent, and combinations.
 */
function filterFor(i: number, now: number): { kind: string; query: Record<string, string> } {
  const pickOf = (list: string[]) => list[i % list.length] ?? '';
  const to = new Date(now - (i % 20) * WEEK);
  const range = { from: new Date(to.getTime() - 2 * WEEK).toISOString(), to: to.toISOString() };
  const variants: Array<Record<string, string>> = [
    { tag: pickOf(TAGS) },
    { status: pickOf(STATUSES) },
    range,
    { q: pickOf(WORDS) },
    { agent: pickOf(AGENTS) },
    { tag: pickOf(TAGS), status: pickOf(STATUSES) },
    { category: 'Failure demand', ...range },
    { q: pickOf(WORDS), agent: pickOf(AGENTS) },
    { site: 'zendesk', status: 'new' },
    { tag: pickOf(TAGS), ...range, q: pickOf(WORDS) },
  ];
  const filter = variants[i % variants.length] ?? {};
  return { kind: Object.keys(filter).join('+'), query: { ...filter, limit: '100', total: 'true' } };
}

/**
 * Seeds `rows` demo items (26 weeks, a third of them triaged) straight into a fresh database,
 * runs ANALYZE as after any bulk load, starts a real hub on it and times `requests` sequential
 * GET /v1/items calls with lead tokens (after WARMUP untimed ones), end to end over loopback HTTP.
 */
export async function measureQueries(target: BenchDb, rows: number, requests: number) {
  const now = Date.now();
  const seedStarted = performance.now();
  const tokens: string[] = [];
  try {
    const { db, store } = await target.open();
    try {
      const team = await store.createTeam('Bench team', generateSecret());
      const items = demoItems(rows, { seed: 202, weeks: 26, now: new Date(now) });
      await bulkInsert(db, items, team.id);
      const actor = { tokenId: null, role: 'admin' };
      for (const [k, status] of ['reviewed', 'actioned', 'declined'].entries()) {
        const ids = items.filter((_, j) => j % 9 === k * 3).map((it) => it.id);
        await store.triage(ids, status as 'reviewed', 'bench', actor, {});
      }
      await db.query('ANALYZE');
      for (let t = 0; t < TOKENS; t++) {
        const token = generateToken();
        await store.createToken({ hash: hashToken(token), role: 'lead', teamId: team.id, agentId: null });
        tokens.push(token);
      }
    } finally {
      await store.close();
    }
    const seedMs = performance.now() - seedStarted;

    const hub = await startHub({ ...target.hubOptions, port: 0 });
    try {
      const times: number[] = [];
      const counts: number[] = [];
      const byKind = new Map<string, number[]>();
      for (let i = 0; i < WARMUP + requests; i++) {
        const filter = filterFor(i, now);
        const query = new URLSearchParams(filter.query).toString();
        const headers = { authorization: `Bearer ${tokens[i % TOKENS]}` };
        const started = performance.now();
        const response = await fetch(`${hub.url}/v1/items?${query}`, { headers });
        const body = (await response.json()) as { items?: unknown[]; error?: string };
        const ms = performance.now() - started;
        if (!response.ok)
          throw new Error(`GET /v1/items?${query} answered ${response.status}: ${body.error}`);
        if (i >= WARMUP) {
          times.push(ms);
          counts.push(body.items?.length ?? 0);
          byKind.set(filter.kind, [...(byKind.get(filter.kind) ?? []), ms]);
        }
      }
      const [slowest] = [...byKind].sort(([, a], [, b]) => percentile(b, 95) - percentile(a, 95));
      return {
        slowest: slowest ? { kind: slowest[0], p95: percentile(slowest[1], 95) } : null,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        requests,
        medianRows: median(counts),
        emptyShare: Math.round((100 * counts.filter((c) => c === 0).length) / counts.length),
        seedMs,
      };
    } finally {
      await hub.stop();
    }
  } finally {
    await target.dispose();
  }
}

// The hub's benchmark: signed ingest throughput with themes on and off on PGlite and PostgreSQL, and
// GET /v1/items and GET /v1/themes latency with the review page's filters on a large team. Part of
// `npm run bench`; also runs alone: `npx tsx bench/suites/hub.ts [--quick]` prints its metrics
// without touching results.json.
import { pathToFileURL } from 'node:url';
import { demoItems } from '../../server/demo-data';
import { judge, type Metric, table } from '../lib/report';
import { round } from '../lib/stats';
import { benchDb, type Engine } from './hub-db';
import { BATCH, measureIngest } from './hub-ingest';
import { measureReviewApi } from './hub-themes';

/** Sizes of a full and a quick run. */
export const HUB_SIZES = {
  full: { ingest: 10_000, rows: 50_000, queries: 200 },
  quick: { ingest: 2_000, rows: 10_000, queries: 100 },
};

const ENGINE_NAME: Record<Engine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

// Issue #20's ingest budget is not met reliably yet; its themes latency budget is, on PGlite.
const INGEST_GAP =
  'not met reliably on PGlite: 0.73x and 0.62x in two full runs of 2026-12-08 (themes on 1,054 and 803 ' +
  "items/s against 1,438 and 1,289 off; 0.55x and 0.49x before). Since then no longer on the ingest's main " +
  'thread: theme centroids and document frequencies (computed from the vectors when an engine loads), the ' +
  "vectors' jsonb parse (JSON text now), and the notes' features (a worker thread). What remains per note " +
  'there: weighing and grouping it (~0.1-0.15 ms, a third of it cosines with candidate centroids), the ' +
  'prediction SELECT, the covering theme index entry and the vector row. PostgreSQL: 0.46x and 0.5x, its ' +
  'themes-off ingest being twice as fast. Next: grouping pipelined with the database work off the main ' +
  'thread (issues 20 and 23).';
const POSTGRES_THEMES_GAP =
  'met in both full runs of 2026-12-08 (p95 134 and 199 ms), not in the one before (232 ms, 2026-12-07) on ' +
  'this shared machine: left out of --check on PostgreSQL until issue 23 measures it at scale.';

type Latency = Awaited<ReturnType<typeof measureReviewApi>>['items'];

/** p50 and p95 metrics of one latency (budget on the p95), and a note naming the slowest kind. */
function latencyMetrics(name: string, suffix: string, q: Latency): Metric[] {
  return [
    { name: `${name}_p50_ms_50k${suffix}`, value: round(q.p50), unit: 'ms', reference: null },
    {
      name: `${name}_p95_ms_50k${suffix}`,
      value: round(q.p95),
      unit: 'ms',
      reference: null,
      budget: { max: 200, ...(name === 'hub_themes' && suffix ? { knownGap: POSTGRES_THEMES_GAP } : {}) },
    },
  ];
}

/** Every hub metric; Postgres ones only with DATABASE_URL (else skipped, said in the notes and the log). */
export async function measureHub(options: {
  quick: boolean;
  log: (line: string) => void;
  databaseUrl?: string;
}): Promise<{ metrics: Metric[]; notes: string[] }> {
  const { log, databaseUrl } = options;
  const size = options.quick ? HUB_SIZES.quick : HUB_SIZES.full;
  const metrics: Metric[] = [];
  const notes: string[] = [];
  const engines: Engine[] = databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  if (!databaseUrl) {
    const skipped =
      'hub_ingest_items_per_s_postgres skipped: DATABASE_URL is not set (CI sets it to a local PostgreSQL).';
    log(skipped);
    notes.push(skipped);
  }
  const items = demoItems(size.ingest, { seed: 101, weeks: 8 });
  for (const engine of engines) {
    log(
      `hub ingest (${ENGINE_NAME[engine]}): ${size.ingest.toLocaleString('en')} items, batches of ${BATCH}, signed, themes off then on`,
    );
    const ingest = await measureIngest(engine, items, databaseUrl);
    const off = `hub_ingest_items_per_s_${engine}_themes_off`;
    metrics.push(
      {
        name: `hub_ingest_items_per_s_${engine}`,
        value: round(ingest.perS),
        unit: 'items/s',
        reference: { name: off, value: round(ingest.themesOffPerS) },
        budget: { min: 200, minRatio: 0.7, knownGap: INGEST_GAP },
      },
      {
        name: off,
        value: round(ingest.themesOffPerS),
        unit: 'items/s',
        reference: { name: `store_upsert_items_per_s_${engine}`, value: round(ingest.referencePerS) },
        budget: { min: 200, minRatio: 0.3 },
      },
    );
    const perRound = (xs: number[]) => xs.map((x) => round(x)).join(', ');
    notes.push(
      `Hub ingest on ${ENGINE_NAME[engine]}, items/s per round: themes off ${perRound(ingest.rates.off)}; ` +
        `themes on ${perRound(ingest.rates.on)}.`,
    );
  }
  for (const engine of engines) {
    log(
      `hub GET /v1/items and /v1/themes (${ENGINE_NAME[engine]}): ${size.queries} filtered requests each on ${size.rows.toLocaleString('en')} items`,
    );
    const review = await measureReviewApi(await benchDb(engine, databaseUrl), size.rows, size.queries);
    const suffix = engine === 'pglite' ? '' : '_postgres';
    metrics.push(...latencyMetrics('hub_items', suffix, review.items));
    metrics.push(...latencyMetrics('hub_themes', suffix, review.themes));
    const { items: q, themes: t } = review;
    notes.push(
      `Hub queries on ${ENGINE_NAME[engine]} (${size.rows.toLocaleString('en')} items): ${q.requests} requests, ` +
        `median ${q.medianRows} items per answer, ${q.emptyShare}% of answers empty; slowest filter kind ` +
        `${q.slowest?.kind} (p95 ${round(q.slowest?.p95 ?? Number.NaN)} ms); seeding (with grouping into themes) took ${round(review.seedMs / 1000)} s.`,
      `Hub themes on ${ENGINE_NAME[engine]}: ${t.requests} requests, median ${t.medianRows} themes per answer, ` +
        `${t.emptyShare}% empty; p50/p95 ms by kind: ${t.kinds.map((k) => `${k.kind} ${round(k.p50)}/${round(k.p95)}`).join(', ')}.`,
    );
  }
  return { metrics, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  const log = (line: string) =>
    console.log(`[hub bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  const result = await measureHub({
    quick: process.argv.includes('--quick'),
    log,
    databaseUrl: process.env.DATABASE_URL,
  });
  console.log(`\n${table(result.metrics.map(judge))}\n\n${result.notes.map((n) => `- ${n}`).join('\n')}`);
}

// The hub's benchmark: signed ingest throughput on PGlite and PostgreSQL, and GET /v1/items latency
// with the review page's filters on a large team. Part of `npm run bench`; also runs alone:
// `npx tsx bench/suites/hub.ts [--quick]` prints its metrics without touching results.json.
import { pathToFileURL } from 'node:url';
import { generateSecret } from '../../lib/config/secret';
import { type SignedHeaders, signBatch } from '../../lib/delivery/signing';
import { BATCH_TYPE, type Item } from '../../lib/schema';
import { demoItems } from '../../server/demo-data';
import { startHub } from '../../server/serve';
import { judge, type Metric, table } from '../lib/report';
import { round } from '../lib/stats';
import { benchDb, type Engine } from './hub-db';
import { measureQueries } from './hub-query';

/** Sizes of a full and a quick run. */
export const HUB_SIZES = {
  full: { ingest: 10_000, rows: 50_000, queries: 200 },
  quick: { ingest: 2_000, rows: 10_000, queries: 100 },
};
/** The extension's batch size, and how many senders (agents' browsers) post at once. */
export const BATCH = 25;
export const SENDERS = 4;

const ENGINE_NAME: Record<Engine, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

/** Posts pre-signed batches with SENDERS in flight; returns items/s over the whole run. */
async function post(url: string, batches: Array<{ body: string; headers: SignedHeaders }>): Promise<number> {
  let next = 0;
  let stored = 0;
  const started = performance.now();
  const sender = async () => {
    for (let b = batches[next++]; b; b = batches[next++]) {
      const response = await fetch(`${url}/v1/webhook`, { method: 'POST', headers: b.headers, body: b.body });
      const reply = (await response.json()) as { stored?: number; error?: string };
      if (!response.ok) throw new Error(`POST /v1/webhook answered ${response.status}: ${reply.error}`);
      stored += reply.stored ?? 0;
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  const seconds = (performance.now() - started) / 1000;
  const expected = batches.length * BATCH;
  if (stored < expected - BATCH) throw new Error(`the hub stored ${stored} of about ${expected} items`);
  return stored / seconds;
}

/**
 * Ingest on one engine: N demo items signed in batches of 25 (signing done before the clock starts)
 * and POSTed to /v1/webhook of a real startHub on loopback. Reference: the same rows through the
 * hub's store (`upsertItems`, same batches, same concurrency) into a fresh database of the same
 * engine, i.e. everything but HTTP, signature verification and schema validation.
 */
async function measureIngest(engine: Engine, items: Item[], databaseUrl?: string) {
  const direct = await benchDb(engine, databaseUrl);
  let referencePerS: number;
  try {
    const { store } = await direct.open();
    const started = performance.now();
    let next = 0;
    const writer = async () => {
      for (let i = next; i < items.length; i = next) {
        next += BATCH;
        await store.upsertItems(items.slice(i, i + BATCH));
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, writer));
    referencePerS = items.length / ((performance.now() - started) / 1000);
    await store.close();
  } finally {
    await direct.dispose();
  }

  const db = await benchDb(engine, databaseUrl);
  try {
    const secret = generateSecret();
    const hub = await startHub({ ...db.hubOptions, port: 0, secret });
    try {
      const batches = [];
      for (let i = 0; i < items.length; i += BATCH) {
        const batchId = crypto.randomUUID();
        const slice = items.slice(i, i + BATCH);
        const body = JSON.stringify({
          type: BATCH_TYPE,
          batchId,
          sentAt: new Date().toISOString(),
          items: slice,
        });
        batches.push({ body, headers: signBatch(secret, batchId, body, Date.now()) });
      }
      return { perS: await post(hub.url, batches), referencePerS };
    } finally {
      await hub.stop();
    }
  } finally {
    await db.dispose();
  }
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
      `hub ingest (${ENGINE_NAME[engine]}): ${size.ingest.toLocaleString('en')} items, batches of ${BATCH}, signed`,
    );
    const ingest = await measureIngest(engine, items, databaseUrl);
    metrics.push({
      name: `hub_ingest_items_per_s_${engine}`,
      value: round(ingest.perS),
      unit: 'items/s',
      reference: { name: `store_upsert_items_per_s_${engine}`, value: round(ingest.referencePerS) },
      budget: { min: 200, minRatio: 0.3 },
    });
  }
  for (const engine of engines) {
    log(
      `hub GET /v1/items (${ENGINE_NAME[engine]}): ${size.queries} filtered requests on ${size.rows.toLocaleString('en')} items`,
    );
    const q = await measureQueries(await benchDb(engine, databaseUrl), size.rows, size.queries);
    const suffix = engine === 'pglite' ? '' : '_postgres';
    metrics.push(
      { name: `hub_items_p50_ms_50k${suffix}`, value: round(q.p50), unit: 'ms', reference: null },
      {
        name: `hub_items_p95_ms_50k${suffix}`,
        value: round(q.p95),
        unit: 'ms',
        reference: null,
        budget: { max: 200 },
      },
    );
    notes.push(
      `Hub queries on ${ENGINE_NAME[engine]} (${size.rows.toLocaleString('en')} items): ${q.requests} requests, ` +
        `median ${q.medianRows} items per answer, ${q.emptyShare}% of answers empty; slowest filter kind ` +
        `${q.slowest?.kind} (p95 ${round(q.slowest?.p95 ?? Number.NaN)} ms); seeding took ${round(q.seedMs / 1000)} s.`,
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

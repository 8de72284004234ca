import { generateSecret } from '../../lib/config/secret';
import { type SignedHeaders, signBatch } from '../../lib/delivery/signing';
import { BATCH_TYPE, type Item } from '../../lib/schema';
import { startHub } from '../../server/serve';
import { benchDb, type Engine } from './hub-db';

/** The extension's batch size, and how many senders (agents' browsers) post at once. */
export const BATCH = 25;
export const SENDERS = 4;

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
export async function measureIngest(engine: Engine, items: Item[], databaseUrl?: string) {
  const referencePerS = await measureStoreIngest(engine, items, databaseUrl);
  // Themes off (EARMARK_THEMES=off) and on (the default), each into a fresh database, alternated
  // twice so warm-up and a neighbour's load fall on both alike; each figure is the mean of its two.
  const rates = { off: [] as number[], on: [] as number[] };
  for (let round = 0; round < 2; round++) {
    rates.off.push(await measureHubIngest(engine, items, databaseUrl, false));
    rates.on.push(await measureHubIngest(engine, items, databaseUrl, true));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { perS: mean(rates.on), themesOffPerS: mean(rates.off), referencePerS, rates };
}

/** The reference: the same rows straight through the store's upsertItems (no team, so no themes). */
async function measureStoreIngest(engine: Engine, items: Item[], databaseUrl?: string): Promise<number> {
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
  return referencePerS;
}

/** Signed batches POSTed to a real hub on a fresh database, grouping into themes on or off. */
async function measureHubIngest(
  engine: Engine,
  items: Item[],
  databaseUrl: string | undefined,
  themes: boolean,
) {
  const db = await benchDb(engine, databaseUrl);
  try {
    const secret = generateSecret();
    const hub = await startHub({ ...db.hubOptions, port: 0, secret, themes });
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
      return await post(hub.url, batches);
    } finally {
      await hub.stop();
    }
  } finally {
    await db.dispose();
  }
}

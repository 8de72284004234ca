import { z } from 'zod';
import { signBatch } from '../lib/delivery/signing';
import { BATCH_TYPE, type Item } from '../lib/schema';
import { seededRandom } from './demo-sources';
import { type ItemStatus, STATUSES } from './store';

const WebhookReply = z.object({ received: z.number(), stored: z.number(), duplicates: z.number() });
const BulkReply = z.object({ updated: z.array(z.string()), notFound: z.array(z.string()) });
const PatchReply = z.object({ status: z.enum(STATUSES) });

async function failure(response: Response, what: string): Promise<Error> {
  return new Error(`${what} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
}

/** POSTs one signed batch, exactly as the extension's delivery does; returns how many items were stored. */
export async function postSignedBatch(hubUrl: string, secret: string, items: Item[]): Promise<number> {
  const batchId = crypto.randomUUID();
  const body = JSON.stringify({ type: BATCH_TYPE, batchId, sentAt: new Date().toISOString(), items });
  const response = await fetch(`${hubUrl.replace(/\/+$/, '')}/v1/webhook`, {
    method: 'POST',
    headers: signBatch(secret, batchId, body, Date.now()),
    body,
  });
  if (!response.ok) throw await failure(response, 'POST /v1/webhook');
  return WebhookReply.parse(await response.json()).stored;
}

/**
 * Sends items to a running hub through its real signed webhook path, in batches of `batchSize`
 * (the extension's batch size), `concurrency` batches in flight.
 */
export async function seedHubViaWebhook(
  hubUrl: string,
  secret: string,
  items: Item[],
  batchSize = 25,
  concurrency = 4,
): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += batchSize) batches.push(items.slice(i, i + batchSize));
  let next = 0;
  const worker = async () => {
    for (let batch = batches[next++]; batch; batch = batches[next++])
      await postSignedBatch(hubUrl, secret, batch);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
}

// What a lead writes when closing the loop, by status; per tag where it makes sense.
const COMMENTS: Record<Exclude<ItemStatus, 'new'>, Record<string, string>> = {
  reviewed: {
    default: 'Seen, grouping it with similar reports for the weekly review.',
    'feature-request': 'Logged on the product board; counts towards the next prioritisation.',
    bug: 'Reproduced; engineering ticket opened.',
  },
  actioned: {
    default: 'Shared with the owning team; they have changed it.',
    chaser: 'Refunds over 50 now approved same day by the team lead, no second sign-off.',
    'repeat-contact': 'Reopened tickets now route back to the first agent.',
    'unclear-information': 'Letter rewritten with one due date; live from next billing run.',
    'competitor-mention': 'Sent to sales for the competitive battlecard.',
    'idea-knowledge': 'Macro and help article updated. Thanks!',
    bug: 'Fixed in this week’s release.',
  },
  declined: {
    default: 'Not taking this forward for now: it affects very few customers.',
    'feature-request': 'Out of scope for this year; we will revisit in Q4.',
    'idea-policy': 'Policy stays for compliance reasons; the macro now explains why.',
  },
};

/** The statuses triageSome set, by status. */
export type TriageSummary = Record<Exclude<ItemStatus, 'new'>, number>;

/**
 * Triages a deterministic share of the items older than `minAgeDays` as a lead would: bulk
 * triage (POST /v1/items/triage) grouped by status and comment, and for a few actioned items a
 * "reviewed" step first (PATCH /v1/items/:id), so their history has two entries.
 */
export async function triageSome(
  hubUrl: string,
  leadToken: string,
  items: Item[],
  options: { seed?: number; share?: number; minAgeDays?: number; now?: Date } = {},
): Promise<TriageSummary> {
  const base = hubUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' };
  const rand = seededRandom(options.seed ?? 11);
  const share = options.share ?? 0.5;
  const cutoff = (options.now ?? new Date()).getTime() - (options.minAgeDays ?? 5) * 86_400_000;
  const groups = new Map<string, { status: Exclude<ItemStatus, 'new'>; comment: string; ids: string[] }>();
  const summary: TriageSummary = { reviewed: 0, actioned: 0, declined: 0 };
  for (const item of items) {
    if (Date.parse(item.capturedAt) > cutoff || rand() >= share) continue;
    const r = rand();
    const status = r < 0.5 ? 'reviewed' : r < 0.8 ? 'actioned' : 'declined';
    const tag = item.tags[0]?.id ?? '';
    const comment = COMMENTS[status][tag] ?? COMMENTS[status].default ?? '';
    const key = `${status}\n${comment}`;
    const group = groups.get(key) ?? { status, comment, ids: [] };
    group.ids.push(item.id);
    groups.set(key, group);
    summary[status]++;
  }

  const patch = async (id: string, status: ItemStatus, comment: string) => {
    const response = await fetch(`${base}/v1/items/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status, comment }),
    });
    if (!response.ok) throw await failure(response, `PATCH /v1/items/${id}`);
    PatchReply.parse(await response.json());
  };
  for (const group of groups.values()) {
    if (group.status === 'actioned') {
      for (const id of group.ids.slice(0, 2)) await patch(id, 'reviewed', COMMENTS.reviewed.default ?? '');
    }
    for (let i = 0; i < group.ids.length; i += 500) {
      const ids = group.ids.slice(i, i + 500);
      const response = await fetch(`${base}/v1/items/triage`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ids, status: group.status, comment: group.comment }),
      });
      if (!response.ok) throw await failure(response, 'POST /v1/items/triage');
      const reply = BulkReply.parse(await response.json());
      if (reply.notFound.length)
        throw new Error(`triage: ${reply.notFound.length} items not found in the hub`);
    }
  }
  return summary;
}

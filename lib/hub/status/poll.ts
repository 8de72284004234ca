import { z } from 'zod';
import type { Hub } from '../../config/settings';
import { describeZodError } from '../../schema';
import type { EarmarkDatabase } from '../../store/db';
import { asHubError } from '../errors';
import { hubRequest } from '../http';
import { applyStatuses, type HubStatus, unseenCount } from './reviews';

/** Captures older than this are not asked about any more. */
export const REVIEW_WINDOW_MS = 30 * 24 * 3_600_000;
/** Most captures asked about per poll (newest first). */
export const MAX_POLLED = 500;
/** Ids per request; the hub accepts up to 500, smaller requests keep URLs short. */
export const CHUNK_SIZE = 100;
const MAX_COMMENT = 2000;

/** `GET /v1/agent/status` answers; unknown fields are ignored so the hub can add some. */
export const HubStatusesSchema = z
  .array(
    z.object({
      id: z.string().max(100),
      status: z.enum(['new', 'reviewed', 'actioned', 'declined']),
      comment: z
        .string()
        .nullable()
        .transform((c) => (c === null ? null : c.slice(0, MAX_COMMENT))),
      updatedAt: z.string().max(64).nullable(),
    }),
  )
  .max(CHUNK_SIZE);

/** How the last poll went, kept for the options page (never thrown into the worker). */
export interface PollRecord {
  /** Epoch ms the poll ended. */
  at: number;
  ok: boolean;
  /** What happened, in words ("3 captures checked", "Agent token refused (HTTP 401)…"). */
  message: string;
  /** Captures asked about. */
  checked: number;
}

/** What one poll did. */
export interface PollResult {
  /** Null when there was nothing to do (no hub or agent token, or nothing sent recently). */
  record: PollRecord | null;
  changed: number;
  /** Items that became "actioned" with this poll. */
  newlyActioned: string[];
  /** Actioned captures not yet seen by the agent, after this poll. */
  unseen: number;
}

/** Captures worth asking about: last 30 days, delivered at least once (or already reviewed), newest first. */
export async function recentlySent(db: EarmarkDatabase, now: number, max = MAX_POLLED): Promise<string[]> {
  const reviewed = new Set(await db.getAllKeys('reviews'));
  const since = IDBKeyRange.lowerBound(new Date(now - REVIEW_WINDOW_MS).toISOString());
  const ids: string[] = [];
  let cursor = await db.transaction('items').store.index('by-captured').openCursor(since, 'prev');
  while (cursor && ids.length < max) {
    const { item, sentAt } = cursor.value;
    if (!item.deleted && (sentAt !== null || reviewed.has(item.id))) ids.push(item.id);
    cursor = await cursor.continue();
  }
  return ids;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** What the agent should read when the hub refused or failed. */
function failure({ status, short: error }: { status: number | null; short: string }): string {
  if (status === 401) return `Agent token refused (${error})`;
  if (status === 403) return `Agent token not allowed to read statuses (${error})`;
  return `Hub not reachable: ${error}`;
}

/**
 * Asks the hub what leads did with the agent's recently sent captures, in chunks of ids, and
 * stores what changed. Every failure ends the poll and becomes its record; nothing is thrown.
 */
export async function pollReviewStatus(deps: {
  db: EarmarkDatabase;
  hub: Hub | null;
  fetch: typeof fetch;
  now: () => number;
}): Promise<PollResult> {
  const { db, hub } = deps;
  const result: PollResult = { record: null, changed: 0, newlyActioned: [], unseen: 0 };
  const ids = hub?.agentToken ? await recentlySent(db, deps.now()) : [];
  if (!hub?.agentToken || ids.length === 0) return { ...result, unseen: await unseenCount(db) };
  const conn = { url: hub.url, token: hub.agentToken, fetch: deps.fetch };
  let problem: string | null = null;
  for (const chunk of chunks(ids, CHUNK_SIZE)) {
    const path = `/v1/agent/status?ids=${chunk.map(encodeURIComponent).join(',')}`;
    let body: Uint8Array;
    try {
      body = await hubRequest(conn, path);
    } catch (error) {
      problem = failure(asHubError(error));
      break;
    }
    let parsed: HubStatus[];
    try {
      const json: unknown = JSON.parse(new TextDecoder().decode(body));
      const checked = HubStatusesSchema.safeParse(json);
      if (!checked.success) throw new Error(describeZodError(checked.error));
      parsed = checked.data;
    } catch (error) {
      problem = `The hub's answer was not understood: ${error instanceof Error ? error.message : String(error)}`;
      break;
    }
    // Only what was asked: a confused hub cannot attach statuses to other captures.
    const asked = new Set(chunk);
    const changes = await applyStatuses(
      db,
      parsed.filter((s) => asked.has(s.id)),
    );
    result.changed += changes.changed;
    result.newlyActioned.push(...changes.newlyActioned);
  }
  const checked = ids.length;
  result.record = {
    at: deps.now(),
    ok: problem === null,
    message: problem ?? `${checked} ${checked === 1 ? 'capture' : 'captures'} checked`,
    checked,
  };
  result.unseen = await unseenCount(db);
  return result;
}

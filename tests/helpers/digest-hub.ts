import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Item } from '../../lib/schema';
import type { HubStore } from '../../server/store';
import { makeItem } from './items';
import { EXPORT_NOTES, REFUND_NOTES } from './themes-hub';

const DAY = 86_400_000;
const CHASER = { id: 'chaser', label: 'Chaser', category: 'Failure demand' };
const FEATURE = { id: 'feature-request', label: 'Feature request', category: 'Customer insight' };
const PRAISE = { id: 'praise', label: 'Praise', category: 'Customer insight' };
const TOOL_IDEA = { id: 'idea-tool', label: 'Tool idea', category: 'Improvement idea' };

/** The quote of the newest refund item: the sample the digest shows for the refund theme. */
export const REFUND_QUOTE = 'I cancelled two weeks ago & still no <refund>';
/** The note of the one improvement idea in the seeded period. */
export const IDEA_NOTE = 'a macro for refund status would save us time';

/** The seeded period (the week up to an hour after `now`) and the items captured in it and before. */
export interface DigestSeed {
  period: { from: string; to: string };
  refund: Item[];
  exports: Item[];
  idea: Item;
}

/**
 * Seeds a team: in the previous week 2 export notes, 1 chaser, 1 praise (failure demand 1 of 4);
 * in the period 3 refund chasers (one with a quote), 1 export note, 1 tool idea and a deleted
 * chaser (failure demand 3 of 5). The refund theme grows by 3, the export theme shrinks.
 */
export async function seedDigestTeam(store: HubStore, teamId: string, now: Date): Promise<DigestSeed> {
  const to = now.getTime() + 3_600_000;
  const at = (days: number) => new Date(to - days * DAY).toISOString();
  const item = (note: string, tag: Item['tags'][number], days: number, extra: Partial<Item> = {}) =>
    makeItem({ note, tags: [tag], capturedAt: at(days), updatedAt: at(days), ...extra });
  const exports = EXPORT_NOTES.map((note, i) => item(note, FEATURE, i < 2 ? 10 - i : 3));
  const refund = REFUND_NOTES.map((note, i) =>
    item(note, CHASER, 5 - i, i === 2 ? { quote: REFUND_QUOTE } : {}),
  );
  const idea = item(IDEA_NOTE, TOOL_IDEA, 2, { agent: { id: 'bo', name: 'Bo Agent', team: 'Tier 1' } });
  const before = [
    item('where is my parcel, ordered a month ago', CHASER, 9),
    item('love the app', PRAISE, 12),
  ];
  const deleted = item('chasing the callback again', CHASER, 1, { deleted: true, revision: 2 });
  await store.upsertItems([...exports, ...refund, idea, ...before, deleted], teamId);
  return { period: { from: at(7), to: new Date(to).toISOString() }, refund, exports, idea };
}

/** One request a receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP receiver on 127.0.0.1; `status(n)` answers the n-th request (0-based), 200 by default. */
export async function startReceiver(status: (n: number) => number = () => 200) {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const code = status(requests.length);
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(code, { 'content-type': 'text/plain' }).end(code < 300 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

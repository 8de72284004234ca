import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../lib/config/settings';
import { flush } from '../../lib/delivery';
import { planBatches } from '../../lib/delivery/batching';
import { batchLimits, type SlackMessage, slackMessage, type TeamsMessage } from '../../lib/delivery/formats';
import { SLACK_MAX_BLOCKS, SLACK_MAX_ITEMS } from '../../lib/delivery/formats/slack';
import { TEAMS_MAX_BYTES } from '../../lib/delivery/formats/teams';
import { openEarmarkDB } from '../../lib/store/db';
import { queueStats, saveRevision } from '../../lib/store/queue';
import { makeItem, TEST_SECRET } from '../helpers/items';

const BACKLOG = 200;

/** Queues a backlog for one chat endpoint, drains it against a receiver that answers 200, returns the bodies. */
async function drainBacklog(format: 'slack' | 'teams', note: (i: number) => string, quote: string | null) {
  const db = await openEarmarkDB(`chat-${Math.random()}`);
  for (let i = 0; i < BACKLOG; i++) await saveRevision(db, makeItem({ note: note(i), quote }), ['chat'], 0);
  const endpoint: Endpoint = {
    id: 'chat',
    name: 'Chat',
    url: 'https://chat.example.com/hook',
    secret: TEST_SECRET,
    format,
  };
  const bodies: string[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    bodies.push(init.body as string);
    return new Response('ok', { status: 200 });
  }) as unknown as typeof fetch;
  const deps = { db, endpoints: [endpoint], fetch: fetchImpl, now: () => 1_000, newBatchId: uuidv7 };
  for (let round = 0; round < 10 && (await flush(deps)).nextDueAt !== null; round++);
  expect((await queueStats(db)).pendingItems).toBe(0);
  return bodies;
}

/** Checks that each item's marker is in some message and no message left items out. */
function expectEveryItem(bodies: string[], marker: (i: number) => string) {
  const all = bodies.join('\n');
  const missing = Array.from({ length: BACKLOG }, (_, i) => marker(i)).filter((m) => !all.includes(m));
  expect(missing).toEqual([]);
  for (const body of bodies) expect(body).not.toMatch(/and \d+ more/);
}

describe('a chat backlog reaches the channel in full', () => {
  it(`Slack: ${BACKLOG} items, every one shown, no message over ${SLACK_MAX_BLOCKS} blocks`, async () => {
    const marker = (i: number) => `note-${i}-end`;
    const bodies = await drainBacklog('slack', marker, 'a quote');
    expectEveryItem(bodies, marker);
    for (const body of bodies) {
      expect((JSON.parse(body) as SlackMessage).blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    }
    expect(bodies.length).toBe(Math.ceil(BACKLOG / SLACK_MAX_ITEMS));
  });

  it(`Teams: ${BACKLOG} large items, every one shown, no message over 26 KB`, async () => {
    const marker = (i: number) => `note-${i}-end`;
    const bodies = await drainBacklog('teams', (i) => `${marker(i)} ${'文'.repeat(1100)}`, '*'.repeat(1200));
    expectEveryItem(bodies, marker);
    for (const body of bodies) {
      const card = JSON.parse(body) as TeamsMessage;
      expect(card.type).toBe('message');
      expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    }
  });

  it('plans Slack batches no larger than what one message shows in full', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      itemId: `i${i}`,
      endpointId: 'chat',
      revision: 1,
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      batchId: null,
      leaseUntil: 0,
    }));
    const batches = planBatches(
      rows,
      uuidv7,
      () => 100,
      () => batchLimits('slack'),
    );
    expect(batches.map((b) => b.rows.length)).toEqual([SLACK_MAX_ITEMS, SLACK_MAX_ITEMS, 6]);
    const full = slackMessage(Array.from({ length: SLACK_MAX_ITEMS }, () => makeItem({ quote: 'q' })));
    expect(full.blocks).toHaveLength(SLACK_MAX_BLOCKS);
    expect(JSON.stringify(full)).not.toMatch(/and \d+ more/);
  });
});

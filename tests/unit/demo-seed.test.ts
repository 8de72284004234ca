import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_BROWSER_AGENT, DEMO_SIZE, startDemoHub } from '../../scripts/demo-hub';
import { DEMO_TEAM } from '../../server/demo-data';
import type { HubItem } from '../../server/store';

const dataDir = mkdtempSync(join(tmpdir(), 'earmark-demo-seed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const quiet = () => {};
let firstSecret = '';

/** Every item the token can list, paging with the cursor. */
async function listAll(url: string, token: string): Promise<HubItem[]> {
  const all: HubItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=500${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await fetch(`${url}/v1/items?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: HubItem[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

describe('the npm start demo hub (PGlite, real HTTP)', () => {
  it('seeds the demo team through the signed webhook and triages a share through the lead API', async () => {
    const demo = await startDemoHub(dataDir, 0, quiet);
    try {
      expect(demo.team.team.name).toBe(DEMO_TEAM);
      firstSecret = demo.team.secret;
      expect(demo.seeded?.items).toBe(DEMO_SIZE.items);
      const items = await listAll(demo.hub.url, demo.team.leadToken);
      expect(items).toHaveLength(DEMO_SIZE.items);
      expect(new Set(items.map((h) => h.teamId))).toEqual(new Set([demo.team.team.id]));
      const count = (status: string) => items.filter((h) => h.status === status).length;
      const triaged = demo.seeded?.triaged;
      expect(triaged?.reviewed).toBeGreaterThan(0);
      expect(triaged?.actioned).toBeGreaterThan(0);
      expect(triaged?.declined).toBeGreaterThan(0);
      expect({
        reviewed: count('reviewed'),
        actioned: count('actioned'),
        declined: count('declined'),
      }).toEqual(triaged);
      expect(items.filter((h) => h.status !== 'new').every((h) => h.comment)).toBe(true);
      // Some actioned items went through "reviewed" first: two history entries.
      const histories = await Promise.all(
        items
          .filter((h) => h.status === 'actioned')
          .map(async (h) => {
            const response = await fetch(`${demo.hub.url}/v1/items/${h.item.id}`, {
              headers: { authorization: `Bearer ${demo.team.leadToken}` },
            });
            return ((await response.json()) as { history: Array<{ status: string }> }).history;
          }),
      );
      expect(histories.some((h) => h.map((e) => e.status).join() === 'reviewed,actioned')).toBe(true);

      // The agent token reads the status of that agent's own items only.
      const own = items.filter((h) => h.item.agent.id === DEMO_BROWSER_AGENT.id).slice(0, 20);
      const other = items.find((h) => h.item.agent.id !== DEMO_BROWSER_AGENT.id);
      const ids = [...own.map((h) => h.item.id), other?.item.id].join(',');
      const response = await fetch(`${demo.hub.url}/v1/agent/status?ids=${ids}`, {
        headers: { authorization: `Bearer ${demo.team.agentToken}` },
      });
      const statuses = (await response.json()) as Array<{ id: string }>;
      expect(statuses.map((s) => s.id).sort()).toEqual(own.map((h) => h.item.id).sort());
    } finally {
      await demo.hub.stop();
    }
  }, 60_000);

  it('keeps a data dir from an earlier run: same team and secret, new tokens, no second seeding', async () => {
    const demo = await startDemoHub(dataDir, 0, quiet);
    try {
      expect(demo.seeded).toBeNull();
      expect(demo.team.created).toBe(false);
      expect(demo.team.secret).toBe(firstSecret);
      expect(await listAll(demo.hub.url, demo.team.leadToken)).toHaveLength(DEMO_SIZE.items);
    } finally {
      await demo.hub.stop();
    }
  }, 60_000);
});

import type { Agent } from '../lib/schema';
import type { OidcSettings } from '../server/auth/oidc';
import { DEMO_AGENTS, DEMO_TEAM, demoItems } from '../server/demo-data';
import { seedHubViaWebhook, type TriageSummary, triageSome } from '../server/demo-seed';
import { type DemoTeam, provisionDemoTeam, teamHasItems } from '../server/demo-team';
import { type RunningHub, startHub } from '../server/serve';
import { openHub } from '../server/setup';

/** How much demo history `npm start` seeds: enough for trends, small enough to seed in a second or two. */
export const DEMO_SIZE = { items: 400, weeks: 8 };

/** The agent the demo browser captures as: the first demo agent, so the review page lists them. */
export const DEMO_BROWSER_AGENT: Agent = DEMO_AGENTS[0] ?? {
  id: 'demo-agent',
  name: 'Demo Agent',
  team: DEMO_TEAM,
};

/** The running demo hub, its team and tokens, and what was seeded this time (null: kept from a previous run). */
export interface DemoHub {
  hub: RunningHub;
  team: DemoTeam;
  seeded: { items: number; triaged: TriageSummary } | null;
}

async function listen(
  dataDir: string,
  port: number,
  say: (line: string) => void,
  oidc: OidcSettings | null,
): Promise<RunningHub> {
  const options = { dataDir, secret: process.env.EARMARK_WEBHOOK_SECRET, demo: true, oidc };
  try {
    return await startHub({ ...options, port });
  } catch (error) {
    // With sign-in the IdP knows the hub's callback port: another one would break every sign-in.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || oidc) throw error;
    say(`Port ${port} is busy; the hub takes a free port instead.`);
    return startHub({ ...options, port: 0 });
  }
}

/**
 * Starts the hub (embedded PGlite under dataDir) with the demo team "Tier 1": team, secret and
 * tokens made in-process as the hub CLI makes them (before the server opens the database, since
 * PGlite allows one opener), then, on a fresh data dir, ~400 demo items sent through the real
 * signed webhook and a share of them triaged through the lead API.
 */
export async function startDemoHub(
  dataDir: string,
  port: number,
  say: (line: string) => void,
  signIn: { oidc: OidcSettings; groups: { agents: string; leads: string } } | null = null,
): Promise<DemoHub> {
  const { store } = await openHub({ dataDir, secret: process.env.EARMARK_WEBHOOK_SECRET });
  let team: DemoTeam;
  let fresh: boolean;
  try {
    team = await provisionDemoTeam(store, DEMO_TEAM, DEMO_BROWSER_AGENT.id);
    fresh = !(await teamHasItems(store, team.team.id));
    if (signIn) {
      await store.mapGroup(team.team.id, signIn.groups.agents, 'agent');
      await store.mapGroup(team.team.id, signIn.groups.leads, 'lead');
    }
  } finally {
    await store.close();
  }
  const hub = await listen(dataDir, port, say, signIn?.oidc ?? null);
  if (!fresh) return { hub, team, seeded: null };
  try {
    const items = demoItems(DEMO_SIZE.items, { weeks: DEMO_SIZE.weeks });
    await seedHubViaWebhook(hub.url, team.secret, items);
    const triaged = await triageSome(hub.url, team.leadToken, items);
    return { hub, team, seeded: { items: items.length, triaged } };
  } catch (error) {
    await hub.stop();
    throw error;
  }
}

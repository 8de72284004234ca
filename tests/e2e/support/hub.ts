import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSecret } from '../../../lib/config/secret';
import { generateToken, hashToken } from '../../../server/auth/tokens';
import { type RunningHub, startHub } from '../../../server/serve';
import { openHub } from '../../../server/setup';

/** A hub on loopback (PGlite in a temp dir) with team "Tier 1", an agent token and a lead token. */
export interface TestHub {
  hub: RunningHub;
  /** The team's webhook secret (the extension's endpoint signs with it). */
  teamSecret: string;
  /** The team's id: its webhook path is /v1/webhook/<teamId>. */
  teamId: string;
  agentToken: string;
  leadToken: string;
  /** GETs or sends JSON to the hub's API as the lead. */
  asLead(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Starts a hub whose agent token is bound to `agentId`. Tokens are created before the hub serves,
 * as the CLI would, because PGlite lets one process at a time open its data directory.
 * `requireAgentToken`: the team refuses deliveries without an agent token (docs/hub-api.md).
 */
export async function startTestHub(
  agentId: string,
  options: { requireAgentToken?: boolean } = {},
): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'earmark-hub-'));
  const secret = generateSecret();
  const teamSecret = generateSecret();
  const agentToken = generateToken();
  const leadToken = generateToken();
  const { store } = await openHub({ dataDir, secret });
  let teamId: string;
  try {
    const team = await store.createTeam('Tier 1', teamSecret);
    teamId = team.id;
    if (options.requireAgentToken) await store.setRequireAgentToken(team.id, true);
    await store.createToken({ hash: hashToken(agentToken), role: 'agent', teamId: team.id, agentId });
    await store.createToken({ hash: hashToken(leadToken), role: 'lead', teamId: team.id, agentId: null });
  } finally {
    await store.close();
  }
  const hub = await startHub({ dataDir, port: 0, secret });
  return {
    hub,
    teamSecret,
    teamId,
    agentToken,
    leadToken,
    asLead: (path, init = {}) =>
      fetch(`${hub.url}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    async stop() {
      await hub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSecret } from '../../../lib/config/secret';
import { type IdpPerson, onFreePort, startIdpForHub, type TestIdp } from '../../../scripts/harness/dev-idp';
import { generateToken, hashToken } from '../../../server/auth/tokens';
import { type RunningHub, startHub } from '../../../server/serve';
import { openHub } from '../../../server/setup';

export { signInThrough } from '../../../scripts/harness/sign-in-window';

// A hub that signs people in with the organisation's identity provider: oidc-provider on
// loopback with test people, the hub its relying party, groups mapped to team "Tier 1".

/** The IdP groups mapped to "Tier 1": agents and leads. */
export const GROUPS = { agents: 'support-agents', leads: 'support-leads' } as const;

/** A running sign-in hub and its IdP. */
export interface SignInHub {
  hub: RunningHub;
  idp: TestIdp;
  teamId: string;
  teamSecret: string;
  /** GETs from the hub's API with a lead token made as the CLI would (the test's own view). */
  asLead(path: string): Promise<Response>;
  /** GETs from the hub's API with the given bearer token. */
  get(path: string, token: string): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the IdP and a hub (PGlite) configured to sign in against it. */
export async function startSignInHub(
  people: Record<string, IdpPerson>,
  options: { accessSeconds?: number; requireSignedInAgents?: boolean } = {},
): Promise<SignInHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'earmark-hub-'));
  const secret = generateSecret();
  const teamSecret = generateSecret();
  const { store } = await openHub({ dataDir, secret });
  const leadToken = generateToken();
  let teamId: string;
  try {
    teamId = (await store.createTeam('Tier 1', teamSecret)).id;
    await store.createToken({ hash: hashToken(leadToken), role: 'lead', teamId, agentId: null });
    await store.mapGroup(teamId, GROUPS.agents, 'agent');
    await store.mapGroup(teamId, GROUPS.leads, 'lead');
    if (options.requireSignedInAgents) await store.setRequireSignedInAgents(teamId, true);
  } finally {
    await store.close();
  }
  const { idp, hub } = await onFreePort(async (port) => {
    const { idp, oidc } = await startIdpForHub(port, people, options.accessSeconds);
    try {
      return { idp, hub: await startHub({ dataDir, port, secret, oidc }) };
    } catch (error) {
      await idp.close();
      throw error;
    }
  });
  const get = (path: string, token: string) =>
    fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    hub,
    idp,
    teamId,
    teamSecret,
    asLead: (path) => get(path, leadToken),
    get,
    async stop() {
      await hub.stop();
      await idp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

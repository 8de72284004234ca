import { generateSecret } from '../lib/config/secret';
import { generateToken, hashToken } from './auth/tokens';
import type { HubStore } from './store';

/** A team ready for the demo: its webhook secret and fresh lead and agent tokens. */
export interface DemoTeam {
  team: { id: string; name: string };
  secret: string;
  leadToken: string;
  agentToken: string;
  /** false when the team was already there (a data dir kept from an earlier run). */
  created: boolean;
}

/**
 * Creates the team (or finds it, keeping its newest active secret) and mints a lead token and an
 * agent token for `agentId`, as `npm run hub -- team create` / `token create` do. Tokens are only
 * stored hashed, so an existing team gets new ones each time.
 */
export async function provisionDemoTeam(store: HubStore, name: string, agentId: string): Promise<DemoTeam> {
  const found = await store.findTeam(name);
  let team = found;
  let secret: string | undefined;
  if (found) {
    secret = (await store.activeSecrets(new Date())).find((s) => s.teamId === found.id)?.secret;
    if (!secret) {
      secret = generateSecret();
      await store.rotateSecret(found.id, secret, 0);
    }
  } else {
    secret = generateSecret();
    team = await store.createTeam(name, secret);
  }
  if (!team) throw new Error(`team "${name}" could not be created`);
  const mint = async (role: 'lead' | 'agent') => {
    const token = generateToken();
    await store.createToken({
      hash: hashToken(token),
      role,
      teamId: team.id,
      agentId: role === 'agent' ? agentId : null,
    });
    return token;
  };
  return { team, secret, leadToken: await mint('lead'), agentToken: await mint('agent'), created: !found };
}

/** Whether the team holds any item yet (a data dir kept from an earlier run is not seeded twice). */
export async function teamHasItems(store: HubStore, teamId: string): Promise<boolean> {
  return (await store.listItems({ limit: 1, scope: { teamId }, includeDeleted: true })).length > 0;
}

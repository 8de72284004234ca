import type { Item } from '../../lib/schema';
import type { HubStore } from '../store';
import type { RecordUse } from './access';
import { bearerToken, hashToken, sameHash } from './tokens';

// Agent attribution on the webhook. Every agent of a team signs with the team's one secret, so the
// signature proves the team, never the agent: an item names whatever agent its sender wrote. An
// agent token sent alongside (Authorization: Bearer) proves the agent, and a team can require it.

/** Who sent a verified batch: an agent proven by its token, or nobody beyond the team's secret. */
export type Attribution = { agentId: string } | null;

/**
 * The outcome of the token check: the attribution (and whether the team requires one, which makes
 * an agent mismatch a refusal), or why the request is refused (401).
 */
export type AgentTokenCheck =
  | { ok: true; attribution: Attribution; required: boolean }
  | { ok: false; error: string };

/**
 * Checks the optional agent token of a batch whose signature verified for `teamId` (null: the
 * hub's team-less legacy secret). A team with `requireAgentToken` refuses a batch without a valid
 * agent token of that team. A team without it takes every batch as before (a hub update must not
 * stop deliveries of browsers that already hold a token for the review status): a valid token
 * marks the batch verified, and anything else leaves it unverified. A team with
 * `requireSignedInAgents` takes only the access token of a sign-in session (server/api/sign-in.ts).
 */
export async function checkAgentToken(
  store: HubStore,
  header: string | undefined,
  teamId: string | null,
  recordUse: RecordUse,
): Promise<AgentTokenCheck> {
  // A team that takes only signed-in agents requires a token too: a sign-in session's.
  const signedIn = teamId !== null && (await store.requiresSignedInAgents(teamId));
  const required = signedIn || (teamId !== null && (await store.requiresAgentToken(teamId)));
  const refuse = (error: string): AgentTokenCheck =>
    required ? { ok: false, error } : { ok: true, attribution: null, required };
  if (!header)
    return refuse(
      signedIn
        ? 'signed-in agent required: this team takes deliveries only from agents signed in with the company account'
        : 'agent token required: this team accepts deliveries only with an agent token',
    );
  const bearer = bearerToken(header);
  const hash = bearer ? hashToken(bearer) : null;
  const token = hash ? await store.findToken(hash) : null;
  if (!hash || !token || !sameHash(token.hash, hash)) return refuse('invalid agent token');
  await recordUse(token.id);
  if (token.role !== 'agent' || token.agentId === null)
    return refuse(`agent token required: this is a ${token.role} token`);
  if (teamId === null || token.teamId !== teamId)
    return refuse('agent token is not of the team whose secret signed the batch');
  if (signedIn && !token.sessionId)
    return refuse(
      'signed-in agent required: this team takes deliveries only from agents signed in with the company account',
    );
  return { ok: true, attribution: { agentId: token.agentId }, required };
}

/** Why the batch is refused (400) when an item names another agent than the token's; null when all match. */
export function agentMismatch(items: readonly Item[], agentId: string): string | null {
  const others = items.filter((item) => item.agent.id !== agentId);
  const first = others[0];
  if (!first) return null;
  // Short enough to survive the extension's 300-character excerpt of the answer, and quoted with
  // ' so the JSON error body shows it without escapes.
  const quote = (id: string) => `'${id}'`;
  const agents = [...new Set(others.map((item) => quote(item.agent.id)))];
  const named = agents.length > 2 ? `${agents.slice(0, 2).join(', ')}, …` : agents.join(', ');
  return (
    `agent mismatch: the agent token is for ${quote(agentId)} but ${others.length} item(s) ` +
    `name ${named} (first ${first.id}); nothing of this batch was stored`
  );
}

import { parseArgs } from 'node:util';
import { generateSecret } from '../lib/config/secret';
import { generateToken, hashToken } from './auth/tokens';
import { CommandFailure, digestCommand } from './digest/command';
import type { SendDeps } from './digest/send';
import type { HubConfig } from './setup';
import { openHub } from './setup';
import { signInCommand } from './sign-in-command';
import type { HubStore, Role } from './store';

const ROLES: readonly Role[] = ['agent', 'lead', 'admin'];

async function team(store: HubStore, name: string): Promise<{ id: string; name: string }> {
  const found = await store.findTeam(name);
  if (!found) throw new Error(`no team named "${name}"`);
  return found;
}

/**
 * Runs one management command and returns what to print as JSON (the CLI's logic, testable
 * in-process); `deps` reach the digest's sends (fetch, clock, sleep between retries).
 */
export async function runCommand(store: HubStore, argv: string[], deps: SendDeps = {}): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      team: { type: 'string' },
      role: { type: 'string' },
      agent: { type: 'string' },
      'grace-hours': { type: 'string', default: '24' },
      url: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      group: { type: 'string' },
      'lead-group': { type: 'string' },
    },
  });
  const [noun, verb, name, setting] = positionals;
  if (noun === 'digest') return digestCommand(store, positionals.slice(1), values, deps);
  const signIn = await signInCommand(store, positionals, values, (n) => team(store, n));
  if (signIn !== null) return signIn;
  if (noun === 'team' && verb === 'create' && name) {
    const secret = generateSecret();
    return { team: await store.createTeam(name, secret), secret };
  }
  if (noun === 'team' && verb === 'rotate-secret' && name) {
    const hours = Number(values['grace-hours']);
    if (!Number.isFinite(hours) || hours < 0) throw new Error('--grace-hours must be a number ≥ 0');
    const secret = generateSecret();
    const t = await team(store, name);
    await store.rotateSecret(t.id, secret, hours * 3_600_000);
    return { team: t, secret, previousValidHours: hours };
  }
  if (noun === 'team' && verb === 'require-agent-token' && name && (setting === 'on' || setting === 'off')) {
    const t = await team(store, name);
    await store.setRequireAgentToken(t.id, setting === 'on');
    return { team: t, requireAgentToken: setting === 'on' };
  }
  if (
    noun === 'team' &&
    verb === 'require-signed-in-agents' &&
    name &&
    (setting === 'on' || setting === 'off')
  ) {
    const t = await team(store, name);
    await store.setRequireSignedInAgents(t.id, setting === 'on');
    return { team: t, requireSignedInAgents: setting === 'on' };
  }
  if (noun === 'token' && verb === 'create') {
    const role = ROLES.find((r) => r === values.role);
    if (!role) throw new Error('--role must be agent, lead or admin');
    if (role !== 'admin' && !values.team) throw new Error(`--team is required for role ${role}`);
    if (role === 'agent' && !values.agent) throw new Error('--agent <id> is required for role agent');
    const teamId = values.team ? (await team(store, values.team)).id : null;
    const token = generateToken();
    const agentId = role === 'agent' ? (values.agent ?? null) : null;
    const { id } = await store.createToken({ hash: hashToken(token), role, teamId, agentId });
    return { token, id, role, teamId, agentId };
  }
  if (noun === 'token' && verb === 'list') {
    // Ids, roles and times only: the plaintext was never stored, and the hash stays in the database.
    const teamId = values.team ? (await team(store, values.team)).id : undefined;
    return { tokens: await store.listTokens(teamId) };
  }
  if (noun === 'token' && verb === 'revoke' && name) {
    if (!(await store.revokeToken(name))) throw new Error(`no active token with id "${name}"`);
    return { revoked: name };
  }
  throw new Error(
    'usage: hub team create <name> | team rotate-secret <name> [--grace-hours 24] | ' +
      'team require-agent-token <name> on|off | team require-signed-in-agents <name> on|off | ' +
      'token create --role agent|lead|admin [--team <name>] [--agent <id>] | ' +
      'token list [--team <name>] | token revoke <id> | digest target add|list|remove … | digest send … | ' +
      'team map <name> --group <group> [--lead-group <group>] | session list [--team <name>] | session revoke <id>',
  );
}

/**
 * `npm run hub -- <command>`: prints the result as JSON, or the error on stderr with exit code 1
 * (a partly failed command, such as a digest send with a failed target, prints both).
 */
export async function runCli(config: HubConfig, argv: string[], deps: SendDeps = {}): Promise<number> {
  const { store } = await openHub(config);
  try {
    console.log(JSON.stringify(await runCommand(store, argv, deps)));
    return 0;
  } catch (error) {
    if (error instanceof CommandFailure) console.log(JSON.stringify(error.result));
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await store.close();
  }
}

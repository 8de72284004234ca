import type { HubStore } from './store';

// The CLI's sign-in commands (docs/hub-api.md, Sign-in): which IdP groups make a person an agent or
// a lead of a team, and the sessions an admin can list and end.

/** Options of the sign-in commands, as parsed by the CLI. */
export interface SignInOptions {
  group?: string;
  'lead-group'?: string;
  team?: string;
}

/** `team map <name> --group <g> [--lead-group <g>]`, `session list [--team <name>]`, `session revoke <id>`; null: not one of them. */
export async function signInCommand(
  store: HubStore,
  positionals: readonly string[],
  values: SignInOptions,
  team: (name: string) => Promise<{ id: string; name: string }>,
): Promise<unknown | null> {
  const [noun, verb, name] = positionals;
  if (noun === 'team' && verb === 'map' && name) {
    if (!values.group && !values['lead-group'])
      throw new Error('team map needs --group <group> and/or --lead-group <group>');
    const t = await team(name);
    if (values.group) await store.mapGroup(t.id, values.group, 'agent');
    if (values['lead-group']) await store.mapGroup(t.id, values['lead-group'], 'lead');
    return { team: t, agentGroup: values.group ?? null, leadGroup: values['lead-group'] ?? null };
  }
  if (noun === 'session' && verb === 'list') {
    const teamId = values.team ? (await team(values.team)).id : undefined;
    return { sessions: await store.listSessions(teamId) };
  }
  if (noun === 'session' && verb === 'revoke' && name) {
    if (!(await store.revokeSession(name))) throw new Error(`no live session with id "${name}"`);
    return { revoked: name };
  }
  return null;
}

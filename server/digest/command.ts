import { generateSecret } from '../../lib/config/secret';
import type { HubStore } from '../store';
import { resolvePeriod } from './period';
import { type SendDeps, sendTeamDigest } from './send';
import { DIGEST_FORMATS, type DigestTarget } from './store';

/** A command that ran but failed in part: the CLI prints `result` as JSON and exits 1. */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly result: unknown,
  ) {
    super(message);
  }
}

/** Options of the digest commands (parsed by server/cli.ts). */
export interface DigestOptions {
  team?: string;
  url?: string;
  format?: string;
  from?: string;
  to?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The target URL if it is https, or http on a loopback host (as for the extension's endpoints). */
export function checkTargetUrl(raw: string | undefined): string {
  let url: URL;
  try {
    url = new URL(raw ?? '');
  } catch {
    throw new Error('--url must be a URL');
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url.href;
  throw new Error('--url must use https (plain http only for localhost)');
}

/** A target URL to show: origin and first path segment (chat webhook URLs carry their secret in the path). */
export function maskUrl(raw: string): string {
  const url = new URL(raw);
  const [first, ...rest] = url.pathname.split('/').filter(Boolean);
  return `${url.origin}/${first ?? ''}${rest.length || url.search ? '/…' : ''}`;
}

/** A target as listed: never its secret or full URL. */
function shown(target: DigestTarget) {
  const { secret: _secret, url, teamId: _teamId, ...rest } = target;
  return { ...rest, url: maskUrl(url) };
}

async function teamNamed(store: HubStore, name: string | undefined) {
  if (!name) throw new Error('--team <name> is required');
  const team = await store.findTeam(name);
  if (!team) throw new Error(`no team named "${name}"`);
  return team;
}

/** `digest target add|list|remove` and `digest send`; returns what to print as JSON. */
export async function digestCommand(
  store: HubStore,
  args: string[],
  options: DigestOptions,
  deps: SendDeps = {},
): Promise<unknown> {
  const [verb, action, id] = args;
  if (verb === 'target' && action === 'add') {
    const team = await teamNamed(store, options.team);
    const format = DIGEST_FORMATS.find((f) => f === options.format);
    if (!format) throw new Error('--format must be slack, teams or json');
    const url = checkTargetUrl(options.url);
    const secret = format === 'json' ? generateSecret() : null;
    const target = await store.addDigestTarget({ teamId: team.id, url, format, secret });
    // The secret is printed here only: the receiver needs it to verify, and it is never shown again.
    return { target: shown(target), ...(secret ? { secret } : {}) };
  }
  if (verb === 'target' && action === 'list') {
    const team = await teamNamed(store, options.team);
    return { targets: (await store.listDigestTargets(team.id)).map(shown) };
  }
  if (verb === 'target' && action === 'remove' && id) {
    if (!(await store.removeDigestTarget(id))) throw new Error(`no digest target with id "${id}"`);
    return { removed: id };
  }
  if (verb === 'send') {
    const team = await teamNamed(store, options.team);
    const period = resolvePeriod((deps.now ?? (() => new Date()))(), options.from, options.to);
    if (typeof period === 'string') throw new Error(period);
    const { results } = await sendTeamDigest(store, team, period, deps);
    if (!results.length) throw new Error(`team "${team.name}" has no digest targets (digest target add)`);
    const result = { team, period, results };
    const failed = results.filter((r) => !r.ok);
    if (failed.length)
      throw new CommandFailure(
        failed.map((r) => `digest target ${r.targetId}: ${r.error}`).join('\n'),
        result,
      );
    return result;
  }
  throw new Error(
    'usage: hub digest target add --team <name> --url <url> --format slack|teams|json | ' +
      'digest target list --team <name> | digest target remove <id> | ' +
      'digest send --team <name> [--from <date>] [--to <date>]',
  );
}

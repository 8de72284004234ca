import { LOOPBACK_HOSTS } from './auth/host';
import type { RunningHub } from './serve';

/** What `npm run hub` prints at start: where things are, never the webhook secret or a token. */
export function startupBanner(
  hub: RunningHub,
  config: { databaseUrl?: string; host?: string; publicHosts: readonly string[] },
): string[] {
  const hosts = [...LOOPBACK_HOSTS, ...config.publicHosts].join(', ');
  const lines = [
    `Earmark hub listening on ${hub.url}`,
    `  webhook:  POST ${hub.url}/v1/webhook`,
    `  items:    ${hub.url}/  (JSON: ${hub.url}/v1/items; bearer token, see docs/hub-api.md)`,
    `  storage:  ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `${hub.dataDir}/db`}`,
    // The secret is shown where it is created (team create, rotate-secret), not in every start's log.
    `  secret:   in ${hub.secretSource}${hub.secretCreated ? ' (new)' : ''}, not printed; a team's new secret: npm run hub -- team rotate-secret <team>`,
    `  hosts:    ${hosts} (any other Host header answers 421)`,
  ];
  const loopbackOnly = !config.host || ['127.0.0.1', 'localhost', '::1'].includes(config.host);
  if (!loopbackOnly && config.publicHosts.length === 0)
    lines.push(
      `  warning:  HOST=${config.host} but EARMARK_PUBLIC_HOST is unset: requests naming the hub by a public name answer 421`,
    );
  return lines;
}

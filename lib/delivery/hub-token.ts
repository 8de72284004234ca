import type { Hub } from '../config/settings';

// Every agent of a team signs with the team's one secret, so a signature proves the team, not the
// agent. The agent's hub token, sent alongside, lets the hub check that the items name the agent
// who sent them (docs/hub-api.md). A bearer token must never reach anyone but the hub: not a chat
// service, not another receiver, not another site that happens to share a host name.

/** True when `url` is on the hub's origin and within the hub URL's path (a hub behind a path prefix). */
export function isUnderHub(url: string, hubUrl: string): boolean {
  let target: URL;
  let hub: URL;
  try {
    target = new URL(url);
    hub = new URL(hubUrl);
  } catch {
    return false;
  }
  if (target.origin !== hub.origin) return false;
  const base = hub.pathname.replace(/\/+$/, '');
  return target.pathname === base || target.pathname.startsWith(`${base}/`);
}

/**
 * The `authorization` header for a delivery or test to `endpointUrl`: the hub agent token, only
 * when the endpoint is on the configured hub and an agent token is set; otherwise no header.
 */
export function hubAuthorization(
  endpointUrl: string,
  hub: Hub | null | undefined,
): { authorization?: string } {
  if (!hub?.agentToken || !isUnderHub(endpointUrl, hub.url)) return {};
  return { authorization: `Bearer ${hub.agentToken}` };
}

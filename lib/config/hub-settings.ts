import { describeZodError } from '../schema';
import type { ParsedPolicy } from './policy';
import { type Hub, HubSchema } from './settings';

/** The options page's hub form: text as typed (empty token = none). */
export interface HubDraft {
  url: string;
  agentToken: string;
  leadToken: string;
}

/** Which hub fields the organization's policy decides (the rest stay the person's own). */
export interface HubLocks {
  url: boolean;
  agentToken: boolean;
  leadToken: boolean;
}

/**
 * Policy `hub` fixes the URL (and any token it names); tokens are personal, so they stay editable
 * for the policy's URL. `lockSettings` locks everything.
 */
export function hubLocks(policy: Pick<ParsedPolicy, 'hub' | 'lockSettings'>): HubLocks {
  if (policy.lockSettings) return { url: true, agentToken: true, leadToken: true };
  return {
    url: policy.hub !== undefined,
    agentToken: policy.hub?.agentToken !== undefined,
    leadToken: policy.hub?.leadToken !== undefined,
  };
}

/** The form's starting values: the hub in force. */
export function draftOfHub(hub: Hub | null): HubDraft {
  return { url: hub?.url ?? '', agentToken: hub?.agentToken ?? '', leadToken: hub?.leadToken ?? '' };
}

/**
 * Validates a draft into the hub to store locally. Fields the policy decides are left to it: the
 * URL is the policy's (so local tokens apply to it), policy tokens are not copied into settings.
 */
export function parseHubDraft(
  draft: HubDraft,
  locks: HubLocks,
  policyHub: Hub | undefined,
): { ok: true; hub: Hub } | { ok: false; error: string } {
  const url = locks.url && policyHub ? policyHub.url : draft.url.trim();
  if (!url) return { ok: false, error: 'url: enter the hub URL, e.g. https://hub.example.com' };
  const token = (value: string, locked: boolean) => (locked || !value.trim() ? undefined : value.trim());
  const parsed = HubSchema.safeParse({
    url,
    agentToken: token(draft.agentToken, locks.agentToken),
    leadToken: token(draft.leadToken, locks.leadToken),
  });
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const hub: Hub = { url: parsed.data.url };
  if (parsed.data.agentToken) hub.agentToken = parsed.data.agentToken;
  if (parsed.data.leadToken) hub.leadToken = parsed.data.leadToken;
  return { ok: true, hub };
}

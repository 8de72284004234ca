import { createHash, timingSafeEqual } from 'node:crypto';
import type { SignedInPerson, SignInRole } from '../sign-in-types';
import type { IdpIdentity } from './oidc';

// The pure parts of sign-in (server/api/sign-in.ts): where the extension may be sent back to, the
// team a person's groups give them, and the extension's PKCE check.

/** How long each part of a sign-in lives. */
export const SIGN_IN_TIMES = {
  /** From "Sign in" to the IdP's answer (the person types a password, maybe a second factor). */
  pendingMs: 10 * 60_000,
  /** From the IdP's answer to the extension exchanging its one-time code (immediate in practice). */
  codeMs: 2 * 60_000,
  /** An access token: short, refreshed silently. */
  accessMs: 15 * 60_000,
  /** A session without any refresh ends (each refresh starts this again). */
  sessionMs: 30 * 24 * 60 * 60_000,
} as const;

/**
 * True for an extension's redirect URL: launchWebAuthFlow's `https://<id>.chromiumapp.org/…`
 * (Chrome, Edge) or Firefox's `https://<hash>.extensions.allizom.org/…`. Nothing else receives a code.
 * `allowed`: the extension ids (the host's first label) the admin lets sign people in; null: any.
 */
export function isExtensionRedirect(value: string, allowed: ReadonlySet<string> | null = null): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname;
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    /^[a-z0-9-]+\.(chromiumapp\.org|extensions\.allizom\.org)$/.test(host) &&
    (allowed === null || allowed.has(host.slice(0, host.indexOf('.'))))
  );
}

/** Why a signed-in person gets no session, in words for them. */
export type Refusal = { error: 'no_team' | 'several_teams'; description: string };

/**
 * The team and role a person's groups give them (a lead group wins over an agent group); a person
 * in no mapped group, or whose groups name several teams for that role, is refused.
 */
export function personFor(
  identity: IdpIdentity,
  mapped: ReadonlyArray<{ teamId: string; role: SignInRole }>,
): SignedInPerson | Refusal {
  const who = identity.email ?? identity.subject;
  for (const role of ['lead', 'agent'] as const) {
    const teams = [...new Set(mapped.filter((m) => m.role === role).map((m) => m.teamId))];
    if (teams.length > 1)
      return {
        error: 'several_teams',
        description: `${who}: your groups make you ${role === 'lead' ? 'a lead' : 'an agent'} of several Earmark teams. Ask your Earmark admin to map your groups to one team.`,
      };
    const [teamId] = teams;
    if (teamId)
      return {
        subject: identity.subject,
        email: identity.email,
        name: identity.name,
        agentId: identity.email ?? identity.subject,
        teamId,
        role,
      };
  }
  return {
    error: 'no_team',
    description: `${who} signed in, but none of your groups belongs to an Earmark team. Ask your Earmark admin to map one of your groups to your team.`,
  };
}

/** The extension's PKCE check: S256(verifier) equals the challenge it sent at the start. */
export function pkceMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}

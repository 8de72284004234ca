import { z } from 'zod';

// What a hub sign-in gives the extension (docs/hub-api.md, Sign-in): short-lived access tokens,
// a refresh token that is replaced on each use, and who signed in. Kept only in the extension's
// IndexedDB (lib/auth/session-store.ts), which content scripts cannot open.

const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,200}$/);

/** Who signed in, as the hub says: the agent id their captures carry, their team and role. */
export const SignedInPersonSchema = z.strictObject({
  agentId: z.string().min(1).max(200),
  name: z.string().max(200).nullable(),
  email: z.string().max(320).nullable(),
  teamId: z.string().min(1).max(100),
  /** The team's name (what items carry as `agent.team`). */
  team: z.string().max(200),
  role: z.enum(['agent', 'lead']),
});
export type SignedInPerson = z.infer<typeof SignedInPersonSchema>;

/** The hub's answer to `POST /v1/auth/token` and `/v1/auth/refresh`. */
export const TokenResponseSchema = z.object({
  token_type: z.literal('Bearer'),
  access_token: TokenSchema,
  refresh_token: TokenSchema,
  expires_in: z.number().int().positive().max(86_400),
  session_id: z.string().min(1).max(100),
  person: SignedInPersonSchema,
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** A sign-in as stored: the hub it belongs to, its tokens and when the access token expires. */
export const StoredSessionSchema = z.strictObject({
  hubUrl: z.string().url(),
  sessionId: z.string(),
  accessToken: TokenSchema,
  refreshToken: TokenSchema,
  /** Epoch ms. */
  accessExpiresAt: z.number(),
  /** Epoch ms from which the access token is refreshed before use (lib/auth/session-keeper.ts). */
  refreshAt: z.number(),
  person: SignedInPersonSchema,
});
export type StoredSession = z.infer<typeof StoredSessionSchema>;

/** An access token is refreshed this long before it expires (a quarter of a short one's life). */
export const REFRESH_MARGIN_MS = 60_000;

/** The session a token response starts (or continues, after a refresh) at `now`. */
export function sessionOf(response: TokenResponse, hubUrl: string, now: number): StoredSession {
  const lifetime = response.expires_in * 1000;
  return {
    hubUrl,
    sessionId: response.session_id,
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    accessExpiresAt: now + lifetime,
    refreshAt: now + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 4),
    person: response.person,
  };
}

/** What pages and the sidebar may know of a sign-in: no tokens. */
export interface SignInIdentity {
  hubUrl: string;
  person: SignedInPerson;
}

/** The displayable name of a signed-in person: their name, else their email or agent id. */
export function displayName(person: SignedInPerson): string {
  return person.name ?? person.email ?? person.agentId;
}

// What the hub keeps about sign-ins with the organisation's identity provider (server/auth/oidc.ts,
// server/api/sign-in.ts): the store's side of them is server/sql-store/sign-ins.ts.

/** A role a sign-in can give: admins keep their tokens from the CLI. */
export type SignInRole = 'agent' | 'lead';

/** Who signed in at the identity provider, and the team and role their groups map to. */
export interface SignedInPerson {
  /** The IdP's subject: stable for the person. */
  subject: string;
  email: string | null;
  name: string | null;
  /** The agent id their captures carry: the email, else the subject. */
  agentId: string;
  teamId: string;
  role: SignInRole;
}

/** A sign-in the extension began, waiting for the identity provider's answer. */
export interface PendingSignIn {
  /** Sent to the IdP and back: the key of this record. */
  state: string;
  /** The hub's PKCE verifier toward the IdP. */
  verifier: string;
  nonce: string;
  /** The extension's redirect URL (chromiumapp.org, or Firefox's), where the one-time code goes. */
  returnTo: string;
  /** The extension's own PKCE challenge (S256), which its code exchange must answer. */
  clientChallenge: string;
  clientState: string;
}

/** A session as an admin lists it (never its tokens or their hashes); times are ISO. */
export interface SessionInfo {
  id: string;
  teamId: string;
  role: SignInRole;
  agentId: string;
  email: string | null;
  name: string | null;
  createdAt: string;
  refreshedAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** The tokens a sign-in or a refresh hands out (only their hashes are stored). */
export interface IssuedTokens {
  accessHash: string;
  accessExpiresAt: Date;
  refreshHash: string;
  sessionExpiresAt: Date;
}

/** The store's sign-in methods (part of HubStore). */
export interface SignInStore {
  /** Makes members of an IdP group agents (or leads) of a team; a group names one team per role. */
  mapGroup(teamId: string, group: string, role: SignInRole): Promise<void>;
  /** The teams and roles a person's groups map to. */
  teamsForGroups(groups: readonly string[]): Promise<Array<{ teamId: string; role: SignInRole }>>;
  /** A team's name by its id (what a signed-in agent's captures carry as `agent.team`); null if none. */
  teamName(teamId: string): Promise<string | null>;
  savePendingSignIn(pending: PendingSignIn): Promise<void>;
  /** The pending sign-in with this state, removed; null when unknown or older than maxAgeMs. */
  takePendingSignIn(state: string, maxAgeMs: number): Promise<PendingSignIn | null>;
  saveSignInCode(codeHash: string, clientChallenge: string, person: SignedInPerson): Promise<void>;
  /** The one-time code's sign-in, removed (a code works once); null when unknown or older than maxAgeMs. */
  redeemSignInCode(
    codeHash: string,
    maxAgeMs: number,
  ): Promise<{ clientChallenge: string; person: SignedInPerson } | null>;
  /** Starts a session with its first access token. */
  createSession(person: SignedInPerson, tokens: IssuedTokens): Promise<{ sessionId: string }>;
  /**
   * Replaces a live session's refresh token and access token. A refresh token already replaced
   * (stolen, or replayed) ends the session: null, and so does an unknown, ended or expired one.
   */
  refreshSession(
    refreshHash: string,
    tokens: IssuedTokens,
  ): Promise<{ sessionId: string; person: SignedInPerson } | null>;
  /** Ends a session and its access tokens; false when no live session has this id. */
  revokeSession(id: string): Promise<boolean>;
  /** The session an access token belongs to, if any. */
  sessionOfToken(tokenId: string): Promise<string | null>;
  listSessions(teamId?: string): Promise<SessionInfo[]>;
}

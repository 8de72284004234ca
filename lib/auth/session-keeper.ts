import { HubError } from '../hub/errors';
import { hubJson, hubRequest } from '../hub/http';
import { type StoredSession, sessionOf, TokenResponseSchema } from './session';
import { type SignInFlowDeps, signInWithHub } from './sign-in-flow';

// The worker's one owner of the sign-in session. Only it refreshes: the hub replaces the refresh
// token on every use and ends the whole session when an old one comes back, so two contexts
// refreshing with the same token would sign the person out. Pages ask the worker for a token.

/** Where the session is kept, and what the keeper needs to sign in and refresh. */
export interface SessionKeeperDeps extends SignInFlowDeps {
  read: () => Promise<StoredSession | null>;
  write: (session: StoredSession | null) => Promise<void>;
  /** Told when someone signed in or out (or the hub ended the session): identity changed. */
  onChanged: () => Promise<void> | void;
}

/** The worker's sign-in session: current, fresh (refreshed when due), sign in and out. */
export interface SessionKeeper {
  current(): Promise<StoredSession | null>;
  /** The session for `hubUrl`, its access token refreshed first when due (`refreshAt`); null if none. */
  fresh(hubUrl: string): Promise<StoredSession | null>;
  signIn(hubUrl: string): Promise<StoredSession>;
  signOut(): Promise<void>;
}

/** Creates the keeper; concurrent callers of `fresh` share one refresh. */
export function createSessionKeeper(deps: SessionKeeperDeps): SessionKeeper {
  let loaded: Promise<StoredSession | null> | null = null;
  let refreshing: Promise<StoredSession | null> | null = null;
  const current = () => {
    loaded ??= deps.read().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
  const store = async (session: StoredSession | null) => {
    await deps.write(session);
    loaded = Promise.resolve(session);
  };
  const refresh = async (session: StoredSession): Promise<StoredSession | null> => {
    try {
      const answer = await hubJson(
        { url: session.hubUrl, token: null, fetch: deps.fetch },
        '/v1/auth/refresh',
        TokenResponseSchema,
        { method: 'POST', json: { refresh_token: session.refreshToken } },
      );
      const next = sessionOf(answer, session.hubUrl, deps.now());
      await store(next);
      return next;
    } catch (error) {
      // The hub ended the session (signed out elsewhere, revoked, expired): so does this browser.
      if (error instanceof HubError && error.kind === 'token') {
        await store(null);
        await deps.onChanged();
        return null;
      }
      // The hub is out of reach: keep the session; the request it was for fails on its own.
      return session;
    }
  };
  return {
    current,
    async fresh(hubUrl) {
      const session = await current();
      if (!session || session.hubUrl !== hubUrl) return null;
      if (deps.now() < session.refreshAt) return session;
      refreshing ??= refresh(session).finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    async signIn(hubUrl) {
      const session = await signInWithHub(hubUrl, deps);
      await store(session);
      await deps.onChanged();
      return session;
    },
    async signOut() {
      const session = await current();
      if (!session) return;
      const live = await this.fresh(session.hubUrl);
      if (live) {
        // Best effort: signed out here whatever the hub answers; it ends an idle session itself.
        const conn = { url: live.hubUrl, token: live.accessToken, fetch: deps.fetch };
        await hubRequest(conn, '/v1/auth/sign-out', { method: 'POST', json: {} }).catch(() => {});
      }
      await store(null);
      await deps.onChanged();
    },
  };
}

import type { EffectiveConfig } from '../config/policy';
import type { HandlersFor, ReplyOf } from '../protocol/messages';
import { displayName, type StoredSession } from './session';
import type { SessionKeeper } from './session-keeper';
import { SignInError } from './sign-in-flow';

/** What the sign-in messages need: the keeper (tokens) and the configuration (which hub). */
export interface SignInHandlerDeps {
  keeper: SessionKeeper;
  loadConfig: () => Promise<EffectiveConfig>;
}

/** The person of a session as the popup, options page and sidebar show it. */
function shown(session: StoredSession): NonNullable<ReplyOf<'sign-in'>['person']> {
  return { name: displayName(session.person), team: session.person.team, role: session.person.role };
}

/** The worker's answers to "Sign in", "Sign out" and a page's request for the hub token. */
export function createSignInHandlers(
  deps: SignInHandlerDeps,
): HandlersFor<'sign-in' | 'sign-out' | 'hub-access'> {
  // One auth window at a time: a second click (or a second surface) joins the one open.
  let signingIn: Promise<ReplyOf<'sign-in'>> | null = null;
  const signIn = async (): Promise<ReplyOf<'sign-in'>> => {
    const { hub } = await deps.loadConfig();
    if (!hub) return { person: null, error: 'No hub is configured: an admin sets its URL first.' };
    try {
      return { person: shown(await deps.keeper.signIn(hub.url)), error: null };
    } catch (error) {
      if (error instanceof SignInError) return { person: null, error: error.message };
      throw error;
    }
  };
  return {
    'sign-in': () => {
      signingIn ??= signIn().finally(() => {
        signingIn = null;
      });
      return signingIn;
    },
    'sign-out': async () => {
      await deps.keeper.signOut();
      return null;
    },
    'hub-access': async () => {
      const { hub } = await deps.loadConfig();
      const session = hub ? await deps.keeper.fresh(hub.url) : null;
      if (!session) return null;
      return {
        url: session.hubUrl,
        token: session.accessToken,
        role: session.person.role,
        expiresAt: session.accessExpiresAt,
      };
    },
  };
}

/**
 * The configuration with the sign-in's fresh access token in place of a typed hub token, for the
 * worker's own hub requests (deliveries, the loop back, the tally).
 */
export async function withSessionToken(
  config: EffectiveConfig,
  keeper: SessionKeeper,
): Promise<EffectiveConfig> {
  if (!config.hub || !config.signedIn) return config;
  const session = await keeper.fresh(config.hub.url);
  if (!session) return config;
  const key = session.person.role === 'agent' ? 'agentToken' : 'leadToken';
  return { ...config, hub: { ...config.hub, [key]: session.accessToken } };
}
